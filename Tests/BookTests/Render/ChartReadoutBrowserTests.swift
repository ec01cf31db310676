import Foundation
import XCTest
@testable import Book

/// The readout under the pointer (templates/evolution.js) on a chart whose line has gaps: drawn by
/// LineChart as separate polylines and a lone dot, loaded in headless Chromium through
/// Tests/Browser/browser-check.js. Each piece reads its own values, and a pointer over a gap reads
/// "—" rather than a value from across it. Skips where Chromium or Node is absent.
final class ChartReadoutBrowserTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testReadoutFollowsEveryPieceOfALineAndShowsGapsAsMissing() throws {
        guard let chromium = Self.executable(["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
            throw XCTSkip("Chromium is not installed (Debian: apt-get install chromium); the browser test is skipped")
        }
        guard let node = Self.executable(["/usr/bin/node", "/usr/bin/nodejs"]) else {
            throw XCTSkip("Node.js is not installed (Debian: apt-get install nodejs); the browser test is skipped")
        }
        // Pieces at 0–200 and 500–700, a lone value at 900; the full line fixes where the pointer
        // snaps; a line of dots at 100 and 600.
        let iterations = (0...10).map { Double($0 * 100) }
        let nan = Double.nan
        let chart = LineChart(title: "gaps", series: [
            ChartSeries(name: "gappy", x: iterations, y: [1, 2, 3, nan, nan, 6, 7, 8, nan, 10, nan]),
            ChartSeries(name: "full", x: iterations, y: iterations.map { 20 + $0 / 100 }),
            // Only lone values: dots and no polyline at all.
            ChartSeries(name: "dots", x: iterations, y: [nan, 5, nan, nan, nan, nan, 9, nan, nan, nan, nan]),
        ])
        let probes = "100 340 600 900 980"  // 980, not 1000: the plot's right edge is outside by a rounding
        let svg = chart.svg().replacingOccurrences(of: "<svg ", with: "<svg data-test-probes=\"\(probes)\" ")
        XCTAssertTrue(svg.contains("data-test-probes"), svg)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for asset in ["evolution.js", "style.css"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("templates/\(asset)"),
                                             to: folder.appendingPathComponent(asset))
        }
        let page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>gaps</title>
        <link rel="stylesheet" href="style.css"><script src="evolution.js" defer></script></head>
        <body><main><figure class="chart">\(svg)</figure></main></body></html>
        """
        try page.write(to: folder.appendingPathComponent("gaps.html"), atomically: true, encoding: .utf8)

        let check = Process()
        check.executableURL = URL(fileURLWithPath: node)
        check.arguments = [Self.repository.appendingPathComponent("Tests/Browser/browser-check.js").path, chromium,
                           "file://\(folder.path)/", "gaps.html"]
        let output = folder.appendingPathComponent("check.json")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        check.standardOutput = try FileHandle(forWritingTo: output)
        check.standardError = FileHandle.nullDevice
        try check.run()
        let deadline = Date().addingTimeInterval(60)
        while check.isRunning, Date() < deadline { usleep(100_000) }
        if check.isRunning { check.terminate(); XCTFail("the browser check did not finish in 60 s"); return }
        let data = try Data(contentsOf: output)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], String(decoding: data, as: UTF8.self))
        XCTAssertNil(report["error"], "\(report)")
        let result = try XCTUnwrap((report["pages"] as? [String: [String: Any]])?["gaps.html"], "\(report)")
        XCTAssertEqual(result["problems"] as? [String], [], "\(result)")
        let readouts = try XCTUnwrap((result["facts"] as? [String: Any])?["probes"] as? [Any], "\(result)").map { $0 as? String }
        XCTAssertEqual(readouts.count, 5, "\(readouts)")

        // (iteration the crosshair snaps to, gappy's value or nil for "—", full's value, dots' value or nil)
        let expected: [(String, Double?, Double, Double?)] = [("100", 2, 21, 5), ("300", nil, 23, nil), ("600", 7, 26, 9),
                                                              ("900", 10, 29, nil), ("1,000", nil, 30, nil)]
        for (readout, (iteration, gappy, full, dots)) in zip(readouts, expected) {
            let text = try XCTUnwrap(readout, "no readout at iteration \(iteration)")
            XCTAssertTrue(text.hasPrefix("iteration \(iteration)gappy"), text)
            if let gappy {
                XCTAssertEqual(Self.value(of: "gappy", in: text) ?? .nan, gappy, accuracy: 0.05 * gappy, text)
            } else {
                XCTAssertTrue(text.contains("gappy: —"), text)
            }
            XCTAssertEqual(Self.value(of: "full", in: text) ?? .nan, full, accuracy: 0.05 * full, text)
            if let dots {
                XCTAssertEqual(Self.value(of: "dots", in: text) ?? .nan, dots, accuracy: 0.05 * dots, text)
            } else {
                XCTAssertTrue(text.hasSuffix("dots: —"), text)
            }
        }
    }

    /// The number after "NAME: " in the readout's text.
    static func value(of name: String, in text: String) -> Double? {
        guard let range = text.range(of: "\(name): ") else { return nil }
        let number = text[range.upperBound...].prefix { "0123456789.-e".contains($0) }
        return Double(number)
    }
}
