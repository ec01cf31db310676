import XCTest
@testable import Book

/// A page can quote the classifier's reference figures (run.json) next to a run's own numbers.
final class CalibrationValueTests: XCTestCase {
    func testCalibrationFiguresAreValuesOfTheRunAndMissingOnesAreNamedErrors() throws {
        let fixture = try RunEntryFixture()
        defer { fixture.cleanUp() }
        let resolver = ValueResolver(targets: ClaimTargets(), entry: { _ in throw CocoaError(.fileNoSuchFile) })
        XCTAssertTrue(ClaimTargets.declaredKeys.contains("calibration_real_train_fcd"))
        XCTAssertTrue(ClaimTargets.declaredKeys.contains("calibration_noise_classes_covered"))

        let without = try RunEntry.load(from: fixture.folder)
        let floor = try ReferenceParser.parse("a.calibration_real_train_fcd", allowFormat: true)
        XCTAssertThrowsError(try resolver.value(floor, in: without, runID: "a", file: "p.md", line: 3, column: 1)) {
            XCTAssertTrue("\($0)".contains("run.json holds no calibration_real_train_fcd"), "\($0)")
        }

        try fixture.write("run.json", """
        {"engine": "OpenBLAS Zen", "images_per_second": 5321.4, "iterations": 2000, "threads": 2, "wall_seconds": 192.4,
         "calibration_real_train_fcd": 4.53, "calibration_noise_fcd": 1826.9, "classifier_test_accuracy": 0.9913}
        """)
        let entry = try RunEntry.load(from: fixture.folder)
        XCTAssertEqual(try resolver.value(floor, in: entry, runID: "a", file: "p.md", line: 3, column: 1), 4.53)
        let ceiling = try ReferenceParser.parse("a.calibration_noise_fcd", allowFormat: true)
        XCTAssertEqual(try resolver.value(ceiling, in: entry, runID: "a", file: "p.md", line: 3, column: 1), 1826.9)
        let accuracy = try ReferenceParser.parse("a.classifier_test_accuracy:%", allowFormat: true)
        XCTAssertEqual(try resolver.value(accuracy, in: entry, runID: "a", file: "p.md", line: 3, column: 1), 0.9913)
    }
}
