import FlyingFox
import XCTest
@testable import Preview

/// The real server on loopback, a free port, bounded in time: files, 404s, and every escape
/// attempt sent as raw bytes on the wire.
final class LoopbackServerTests: XCTestCase {
    var fixture: SiteFolderFixture!

    override func setUpWithError() throws { fixture = try SiteFolderFixture() }
    override func tearDown() { fixture?.cleanUp() }

    func testServesTheSiteAndNothingOutsideIt() async throws {
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled,
                                handler: PreviewHandler(responder: PreviewResponder(site: fixture.site, status: nil)))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let bound)? = await server.listeningAddress else { return XCTFail("no port") }
        let port = Int(bound)
        let fixture = self.fixture!

        try await Task.detached {
            let index = try LoopbackClient.get(port: port, target: "/")
            XCTAssertEqual(index.status, 200)
            XCTAssertTrue(index.text.contains("<h1>Index</h1>"))
            XCTAssertEqual(index.headers["content-type"], "text/html; charset=utf-8")
            let svg = try LoopbackClient.get(port: port, target: "/runs/abc/loss.svg")
            XCTAssertEqual(svg.headers["content-type"], "image/svg+xml")
            let missing = try LoopbackClient.get(port: port, target: "/nope.html")
            XCTAssertEqual(missing.status, 404)
            XCTAssertTrue(missing.text.contains("404"))
            for target in fixture.escapes {
                let response = try LoopbackClient.get(port: port, target: target)
                XCTAssertNotEqual(response.status, 200, target)
                XCTAssertFalse(response.text.contains(SiteFolderFixture.secretText), target)
            }
        }.value
        await server.stop()
    }
}
