import Foundation
import XCTest

/// The committed site as a reader's browser sees it: `ganbook serve` on loopback and a free port,
/// headless Chromium driven over the DevTools pipe by Tests/Browser/browser-check.js. Every page
/// loads without console errors or failed requests; math is typeset; the page's step slider
/// moves the frames; the chart readout appears under a pointer. Skips where Chromium or Node is absent.
final class BrowserPagesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func executable(_ name: String, candidates: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for candidate in candidates + path.split(separator: ":").map({ "\($0)/\(name)" })
        where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return nil
    }

    func testEveryPageLoadsCleanlyWithMathSliderAndReadout() throws {
        guard let chromium = Self.executable("chromium", candidates: ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
            throw XCTSkip("Chromium is not installed (Debian: apt-get install chromium); the browser test is skipped")
        }
        guard let node = Self.executable("node", candidates: ["/usr/bin/node", "/usr/bin/nodejs"]) else {
            throw XCTSkip("Node.js is not installed (Debian: apt-get install nodejs); the browser test is skipped")
        }
        let site = Self.repository.appendingPathComponent("site")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertTrue(pages.contains("index.html"), "\(pages)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let server = try ServeProcess(["serve", "--port", "0", "--host", "127.0.0.1", "--site", site.path], in: work)
        defer { server.stop() }
        let port = try XCTUnwrap(server.port(timeout: 20), server.text)

        let check = Process()
        check.executableURL = URL(fileURLWithPath: node)
        check.arguments = [Self.repository.appendingPathComponent("Tests/Browser/browser-check.js").path, chromium,
                           "http://127.0.0.1:\(port)/"] + pages
        let output = work.appendingPathComponent("check.json")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        check.standardOutput = try FileHandle(forWritingTo: output)
        check.standardError = FileHandle.nullDevice
        try check.run()
        let deadline = Date().addingTimeInterval(150)
        while check.isRunning, Date() < deadline { usleep(100_000) }
        if check.isRunning { check.terminate(); XCTFail("the browser check did not finish in 150 s"); return }
        let data = try Data(contentsOf: output)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], String(decoding: data, as: UTF8.self))
        XCTAssertNil(report["error"], "\(report)")
        let results = try XCTUnwrap(report["pages"] as? [String: [String: Any]])
        XCTAssertEqual(Set(results.keys), Set(pages))
        var sawMath = false, sawSlider = false, sawSmoothedReadout = false
        for (page, result) in results.sorted(by: { $0.key < $1.key }) {
            let problems = result["problems"] as? [String] ?? ["no report"]
            XCTAssertEqual(problems, [], page)
            let facts = result["facts"] as? [String: Any] ?? [:]
            XCTAssertEqual(facts["untypesetMath"] as? Int, 0, "\(page): math left as TeX")
            if (facts["katex"] as? Int ?? 0) > 0 { sawMath = true }
            if (facts["evolutionViews"] as? Int ?? 0) > 0 {
                sawSlider = true
                XCTAssertEqual(facts["sliderMovedFrames"] as? Bool, true, "\(page): the step slider did not change a frame's src: \(facts)")
                XCTAssertEqual(facts["stepMarkers"] as? Int, facts["charts"] as? Int, "\(page): a marker on every chart")
            }
            if (facts["charts"] as? Int ?? 0) > 0 {
                // The first chart of a page may be a sweep's mean curve, drawn unsmoothed: its
                // readout has values but no smoothed ones.
                let readout = facts["readout"] as? String ?? ""
                XCTAssertTrue(readout.hasPrefix("iteration ") && readout.contains(": "), "\(page): readout \(readout)")
                if readout.contains("smoothed") { sawSmoothedReadout = true }
            }
        }
        XCTAssertTrue(sawMath, "no page holds typeset math (KaTeX elements)")
        XCTAssertTrue(sawSlider, "no page has an evolution view")
        XCTAssertTrue(sawSmoothedReadout, "no chart's readout shows a raw and a smoothed value")
    }
}
