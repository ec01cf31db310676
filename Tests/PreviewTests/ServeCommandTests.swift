import XCTest

/// `ganbook serve` from the command line: --watch rebuilds and the served HTML changes; a build
/// error reaches the browser; a port in use and a missing site are clear errors.
final class ServeCommandTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        _ = try ServeProcess.executable()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: templates, to: root.appendingPathComponent("templates"))
        try write("index.md", "---\ntitle: Served notebook\n---\n\nThe index.\n")
        try write("notes.md", "# Notes\n\nFirst version of the prose.\n")
    }

    override func tearDown() { if let root { try? FileManager.default.removeItem(at: root) } }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("content").appendingPathComponent(name))
    }

    func testWatchRebuildsAndTheServedPageChanges() throws {
        let serve = try ServeProcess(["serve", "--port", "0", "--watch"], in: root)
        defer { serve.stop() }
        guard let port = serve.port(timeout: 120) else { return XCTFail("no serving line: \(serve.text)") }
        let first = try LoopbackClient.get(port: port, target: "/notes.html")
        XCTAssertEqual(first.status, 200, serve.text)
        XCTAssertTrue(first.text.contains("First version"), first.text)
        XCTAssertTrue(first.text.contains("/__ganbook/status"), "the reload script is added when watching")
        let version = try LoopbackClient.get(port: port, target: "/__ganbook/status").text

        try write("notes.md", "# Notes\n\nSecond version of the prose.\n")
        var changed = false
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && !changed {
            usleep(200_000)
            changed = (try? LoopbackClient.get(port: port, target: "/notes.html").text.contains("Second version")) ?? false
        }
        XCTAssertTrue(changed, "the served page did not change: \(serve.text)")
        XCTAssertNotEqual(try LoopbackClient.get(port: port, target: "/__ganbook/status").text, version)
        // The file on disk has no script: it is added only when serving.
        let onDisk = try String(contentsOf: root.appendingPathComponent("site/notes.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("__ganbook"))

        // A broken page: the error is in the browser, the last good page still served.
        try write("notes.md", "# Notes\n\n```gan\ndatset: ring8\n```\n")
        var shown = false
        let later = Date().addingTimeInterval(60)
        while Date() < later && !shown {
            usleep(200_000)
            shown = (try? LoopbackClient.get(port: port, target: "/notes.html").text)
                .map { $0.contains("ganbook-build-error") && $0.contains("datset") } ?? false
        }
        XCTAssertTrue(shown, "the build error should be shown in the page: \(serve.text)")
    }

    func testPortInUseIsAClearError() throws {
        let first = try ServeProcess(["serve", "--port", "0"], in: try builtSite())
        defer { first.stop() }
        guard let port = first.port(timeout: 60) else { return XCTFail("no serving line: \(first.text)") }
        let second = try ServeProcess(["serve", "--port", "\(port)"], in: root)
        XCTAssertEqual(second.finish(timeout: 30), 1, second.text)
        XCTAssertTrue(second.text.contains("port \(port) on 127.0.0.1 is in use"), second.text)
    }

    func testMissingSiteIsAClearError() throws {
        let serve = try ServeProcess(["serve", "--port", "0", "--site", "nowhere"], in: root)
        XCTAssertEqual(serve.finish(timeout: 30), 1, serve.text)
        XCTAssertTrue(serve.text.contains("nowhere: no site folder to serve") && serve.text.contains("ganbook build"), serve.text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("nowhere").path))
    }

    func testAHostThatIsNoAddressIsAClearError() throws {
        let serve = try ServeProcess(["serve", "--port", "0", "--host", "my laptop"], in: try builtSite())
        XCTAssertEqual(serve.finish(timeout: 30), 1, serve.text)
        XCTAssertTrue(serve.text.contains("--host my laptop is not an IP address"), serve.text)
    }

    func testServesWithoutWatchingAndWithoutScript() throws {
        let serve = try ServeProcess(["serve", "--port", "0"], in: try builtSite())
        defer { serve.stop() }
        guard let port = serve.port(timeout: 60) else { return XCTFail("no serving line: \(serve.text)") }
        let page = try LoopbackClient.get(port: port, target: "/notes.html")
        XCTAssertEqual(page.status, 200)
        XCTAssertFalse(page.text.contains("__ganbook"))
        XCTAssertEqual(try LoopbackClient.get(port: port, target: "/../content/notes.md").status, 404)
    }

    /// The notebook with its site built once.
    func builtSite() throws -> URL {
        let build = Process()
        build.executableURL = try ServeProcess.executable()
        build.arguments = ["build"]
        build.currentDirectoryURL = root
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        XCTAssertEqual(build.terminationStatus, 0)
        return root
    }
}
