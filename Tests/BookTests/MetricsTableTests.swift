import XCTest
@testable import Book

final class MetricsTableTests: XCTestCase {
    func testParsesHeaderAndRowsIntoNamedColumns() throws {
        let table = try MetricsTable.parse("iteration,epoch,loss_g\n0,0,0.69\n50,0.5,1.25e0\n100,1,nan\n", file: "m.csv")
        XCTAssertEqual(table.columnNames, ["iteration", "epoch", "loss_g"])
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(table.column("iteration"), [0, 50, 100])
        XCTAssertEqual(table.column("loss_g")?[1], 1.25)
        XCTAssertTrue(table.lastValue("loss_g")!.isNaN)
        XCTAssertNil(table.column("d_real"))
        XCTAssertEqual(table.iterationsPerEpoch, 100)
    }

    func testAcceptsAnyNumericColumnsCRLFAndTrailingBlankLines() throws {
        let table = try MetricsTable.parse("step, custom \r\n1, -2.5\r\n2,inf\r\n\r\n\n", file: "m.csv")
        XCTAssertEqual(table.columnNames, ["step", "custom"])
        XCTAssertEqual(table.column("custom"), [-2.5, .infinity])
        XCTAssertNil(table.iterationsPerEpoch)
    }

    func testHeaderOnlyIsAnEmptyTable() throws {
        let table = try MetricsTable.parse("iteration,loss_g\n", file: "m.csv")
        XCTAssertEqual(table.rowCount, 0)
        XCTAssertEqual(table.column("loss_g"), [])
    }

    func testWrongFieldCountNamesTheLine() {
        XCTAssertThrowsError(try MetricsTable.parse("a,b\n1,2\n3\n", file: "runs/x/metrics.csv")) { error in
            let error = error as! BookError
            XCTAssertEqual(error.file, "runs/x/metrics.csv")
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.description,
                           "runs/x/metrics.csv:3: row has 1 values but the header has 2 columns; every row needs one number per column")
        }
    }

    func testNonNumberNamesLineAndColumn() {
        XCTAssertThrowsError(try MetricsTable.parse("a,loss_g\n1,2\n2,abc\n", file: "m.csv")) { error in
            let error = error as! BookError
            XCTAssertEqual(error.line, 3)
            XCTAssertTrue(error.message.contains("column 2 (loss_g)"), error.message)
            XCTAssertTrue(error.message.contains("\"abc\""), error.message)
        }
    }

    func testEmptyFileAndBadHeadersAreErrors() {
        XCTAssertThrowsError(try MetricsTable.parse("", file: "m.csv")) { XCTAssertEqual(($0 as! BookError).line, 1) }
        XCTAssertThrowsError(try MetricsTable.parse("a,,b\n", file: "m.csv")) {
            XCTAssertTrue(($0 as! BookError).message.contains("column 2"))
        }
        XCTAssertThrowsError(try MetricsTable.parse("a,b,a\n", file: "m.csv")) {
            XCTAssertTrue(($0 as! BookError).message.contains("\"a\" appears twice"))
        }
    }

    func testMissingFileIsAnErrorNamingIt() {
        let url = URL(fileURLWithPath: "/nonexistent/metrics.csv")
        XCTAssertThrowsError(try MetricsTable.load(from: url)) { XCTAssertEqual(($0 as! BookError).file, url.path) }
    }

    /// The most rows a run may log parse in time linear in the rows (character-by-character
    /// parsing once took ten seconds for them, twice each build); far more rows are damage. The
    /// check compares 100,000 rows with 10,000 on the same machine, not against a clock.
    func testLargestRunParsesInLinearTimeAndMoreRowsAreRefused() throws {
        let header = "iteration," + (1..<15).map { "c\($0)" }.joined(separator: ",") + "\n"
        func rows(_ count: Int) -> String {
            var text = header
            for row in 1...count { text += "\(row)" + String(repeating: ",0.693147", count: 14) + "\n" }
            return text
        }
        func seconds(_ text: String) throws -> Double {
            let started = Date()
            _ = try MetricsTable.parse(text, file: "m.csv")
            return Date().timeIntervalSince(started)
        }
        let small = rows(10_000), text = rows(100_000)
        let smallest = try (0..<3).map { _ in try seconds(small) }.min()!
        let started = Date()
        let table = try MetricsTable.parse(text, file: "m.csv")
        XCTAssertLessThan(Date().timeIntervalSince(started), 40 * max(smallest, 0.001),
                          "ten times the rows should take about ten times as long, not a hundred")
        XCTAssertEqual(table.rowCount, 100_000)
        XCTAssertEqual(table.lastValue("c14"), 0.693147)
        XCTAssertThrowsError(try MetricsTable.parse("a\n" + String(repeating: "1\n", count: 1_000_001), file: "m.csv")) {
            XCTAssertEqual(($0 as? BookError)?.line, 1_000_002)
        }
        XCTAssertThrowsError(try MetricsTable.parse("a\n1\u{0}2\n", file: "m.csv"))
        XCTAssertEqual(try MetricsTable.parse("a,b\n0x10, null\n-inf,1e400\n", file: "m.csv").column("b")?.last, .infinity)
    }
}
