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
}
