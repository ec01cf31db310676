import Book
import FlyingFox
import FlyingSocks
import Foundation

/// `ganbook serve`: FlyingFox serving the site folder on one address; with `--watch`, a build
/// first, then a rebuild whenever content/ or templates/ change, which open pages reload after.
final class PreviewServer: @unchecked Sendable {
    let options: ServeOptions
    let site: URL
    let status: PreviewStatus?
    /// Where the server says where it listens and how each rebuild went.
    let say: (String) -> Void

    init(options: ServeOptions, say: @escaping (String) -> Void) {
        self.options = options
        site = URL(fileURLWithPath: options.build.site, isDirectory: true)
        status = options.watch ? PreviewStatus() : nil
        self.say = say
    }

    /// Serves until the process ends; returns only by throwing (address in use, no site folder).
    func run() throws {
        guard (1...65535).contains(options.port) || options.port == 0 else {
            throw BookError(file: "", message: "--port \(options.port) is not a port", hint: "use 1 to 65535, or 0 for any free port")
        }
        let address = try socketAddress()
        if options.watch {
            rebuild()
            // A first build that failed before writing: serve its error from an empty site folder.
            if !FileManager.default.fileExists(atPath: site.path) {
                try? FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BookError(file: options.build.site, message: "no site folder to serve",
                            hint: "run `ganbook build` first, or `ganbook serve --watch` to build and serve; check --site")
        }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled,
                                handler: PreviewHandler(responder: PreviewResponder(site: site, status: status)))
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await server.run() } catch { outcome.error = error }
            done.signal()
        }
        Task { [self] in
            guard (try? await server.waitUntilListening(timeout: 30)) != nil else { return }
            var port = options.port
            if case .ip4(_, let bound)? = await server.listeningAddress { port = Int(bound) }
            if case .ip6(_, let bound)? = await server.listeningAddress { port = Int(bound) }
            let shown = options.host.contains(":") ? "[\(options.host)]" : options.host
            say("serving \(options.build.site) at http://\(shown):\(port)/" + (options.watch ? " (watching content and templates)" : ""))
            if options.watch {
                SourceWatcher(folders: [URL(fileURLWithPath: options.build.content), URL(fileURLWithPath: options.build.templates)],
                              debounce: options.debounce) { [self] in rebuild() }.start()
            }
        }
        done.wait()
        throw describe(outcome.error)
    }

    /// One build; its error is kept for the browser (and printed), never ends the server.
    func rebuild() {
        do {
            try Ganbook.previewBuild(options.build)
            status?.finishedBuild(error: nil)
        } catch {
            say("build failed (the browser shows this too):\n\(error)")
            status?.finishedBuild(error: "\(error)")
        }
    }

    func socketAddress() throws -> any SocketAddress {
        let port = UInt16(options.port)
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        do {
            return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw BookError(file: "", message: "--host \(options.host) is not an IP address",
                            hint: "use 127.0.0.1 (this machine only), ::1, or 0.0.0.0 to be reachable from the network")
        }
    }

    func describe(_ error: Error?) -> Error {
        if case .failed(let type, let code, _)? = error as? SocketError, type.contains("bind") || code == EADDRINUSE {
            if code == EADDRINUSE {
                return BookError(file: "", message: "port \(options.port) on \(options.host) is in use by another program",
                                 hint: "stop it, or choose another port with --port (0 picks a free one)")
            }
            return BookError(file: "", message: "cannot listen on \(options.host):\(options.port): \(String(cString: strerror(code)))",
                             hint: code == EACCES ? "ports below 1024 need privileges; use --port 8000" : "")
        }
        return error.map { BookError(file: "", message: "the server stopped: \($0)") }
            ?? BookError(file: "", message: "the server stopped")
    }
}

/// The server task's error, read after it ends.
final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
