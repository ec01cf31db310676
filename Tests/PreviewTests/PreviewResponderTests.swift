import XCTest
@testable import Preview

/// Content types, the 404 page, HEAD, and the reload script only when watching.
final class PreviewResponderTests: XCTestCase {
    var fixture: SiteFolderFixture!

    override func setUpWithError() throws { fixture = try SiteFolderFixture() }
    override func tearDown() { fixture?.cleanUp() }

    func testContentTypes() {
        let responder = PreviewResponder(site: fixture.site, status: nil)
        XCTAssertEqual(responder.respond(method: "GET", rawPath: "/page.html").headers["Content-Type"], "text/html; charset=utf-8")
        XCTAssertEqual(responder.respond(method: "GET", rawPath: "/style.css").headers["Content-Type"], "text/css; charset=utf-8")
        XCTAssertEqual(responder.respond(method: "GET", rawPath: "/runs/abc/loss.svg").headers["Content-Type"], "image/svg+xml")
        XCTAssertEqual(ContentType.of("samples/final.png"), "image/png")
        XCTAssertEqual(ContentType.of("metrics.csv"), "text/csv; charset=utf-8")
        XCTAssertEqual(ContentType.of("config.json"), "application/json")
        XCTAssertEqual(ContentType.of("katex.woff2"), "font/woff2")
        XCTAssertEqual(ContentType.of("README"), "application/octet-stream")
    }

    func testNotFoundPageNamesThePathEscaped() {
        let response = PreviewResponder(site: fixture.site, status: nil).respond(method: "GET", rawPath: "/<b>nope")
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.headers["Content-Type"], ContentType.html)
        let text = String(decoding: response.body, as: UTF8.self)
        XCTAssertTrue(text.contains("404 Not found") && text.contains("&lt;b&gt;nope"), text)
    }

    func testReloadScriptOnlyWhenWatchingAndOnlyInHTML() throws {
        let plain = PreviewResponder(site: fixture.site, status: nil).respond(method: "GET", rawPath: "/page.html")
        XCTAssertEqual(plain.body, try Data(contentsOf: fixture.site.appendingPathComponent("page.html")))
        let status = PreviewStatus()
        let watching = PreviewResponder(site: fixture.site, status: status)
        let page = String(decoding: watching.respond(method: "GET", rawPath: "/page.html").body, as: UTF8.self)
        XCTAssertTrue(page.contains(ReloadScript.statusPath) && page.hasSuffix("</body></html>"), page)
        XCTAssertEqual(watching.respond(method: "GET", rawPath: "/style.css").body, Data("body{}".utf8))
        XCTAssertEqual(PreviewResponder(site: fixture.site, status: nil).respond(method: "GET", rawPath: ReloadScript.statusPath).status, 404)
        // The file on disk is never changed by serving.
        XCTAssertFalse(try String(contentsOf: fixture.site.appendingPathComponent("page.html"), encoding: .utf8).contains("script"))
    }

    func testBuildErrorIsShownInThePageAndStatus() {
        let status = PreviewStatus()
        status.finishedBuild(error: "content/page.md:3:1: dataset: unknown dataset <x>")
        let responder = PreviewResponder(site: fixture.site, status: status)
        let page = String(decoding: responder.respond(method: "GET", rawPath: "/page.html").body, as: UTF8.self)
        XCTAssertTrue(page.contains("ganbook-build-error") && page.contains("unknown dataset &lt;x&gt;"), page)
        let json = String(decoding: responder.respond(method: "GET", rawPath: ReloadScript.statusPath).body, as: UTF8.self)
        XCTAssertTrue(json.contains("\"version\":1") && json.contains("unknown dataset"), json)
        status.finishedBuild(error: nil)
        XCTAssertFalse(String(decoding: responder.respond(method: "GET", rawPath: "/page.html").body, as: UTF8.self)
            .contains("ganbook-build-error"))
    }

    func testHeadAndOtherMethods() {
        let responder = PreviewResponder(site: fixture.site, status: nil)
        let head = responder.respond(method: "HEAD", rawPath: "/style.css")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, Data())
        XCTAssertEqual(head.headers["Content-Length"], "6")
        XCTAssertEqual(responder.respond(method: "POST", rawPath: "/style.css").status, 405)
    }
}
