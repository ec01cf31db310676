import XCTest
@testable import Preview

/// The server maps request paths onto files inside site/ only.
final class SiteFileResolverTests: XCTestCase {
    var fixture: SiteFolderFixture!
    var resolver: SiteFileResolver!

    override func setUpWithError() throws {
        fixture = try SiteFolderFixture()
        resolver = SiteFileResolver(site: fixture.site)
    }

    override func tearDown() { fixture?.cleanUp() }

    func testEveryEscapeIsNotFound() {
        for target in fixture.escapes {
            XCTAssertEqual(resolver.resolve(rawPath: target), .notFound, target)
        }
    }

    func testFilesFoldersAndLinksInside() {
        let site = fixture.site.resolvingSymlinksInPath().path
        XCTAssertEqual(resolver.resolve(rawPath: "/"), .file(URL(fileURLWithPath: site + "/index.html")))
        XCTAssertEqual(resolver.resolve(rawPath: "/page.html"), .file(URL(fileURLWithPath: site + "/page.html")))
        XCTAssertEqual(resolver.resolve(rawPath: "/runs/abc/"), .file(URL(fileURLWithPath: site + "/runs/abc/index.html")))
        XCTAssertEqual(resolver.resolve(rawPath: "/runs/abc"), .redirect("/runs/abc/"))
        XCTAssertEqual(resolver.resolve(rawPath: "/run%73/abc/loss.svg"), .file(URL(fileURLWithPath: site + "/runs/abc/loss.svg")))
        // A link that stays inside the site is followed.
        XCTAssertEqual(resolver.resolve(rawPath: "/alias.html"), .file(URL(fileURLWithPath: site + "/page.html")))
        // Decoded once: %252e%252e names the file called %2e%2e, not the parent.
        XCTAssertEqual(resolver.resolve(rawPath: "/%252e%252e"), .file(URL(fileURLWithPath: site + "/%2e%2e")))
        XCTAssertEqual(resolver.resolve(rawPath: "/missing.html"), .notFound)
        XCTAssertEqual(resolver.resolve(rawPath: "/page.html/"), .notFound)
    }
}
