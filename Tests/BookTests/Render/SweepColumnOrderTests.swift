import XCTest
@testable import Book

/// A sweep's table leads with the numbers settings are compared by, not with the alphabet.
final class SweepColumnOrderTests: XCTestCase {
    func testHeadlineMetricsComeFirstAndClassSharesLast() {
        let keys: Set<String> = ["class_hist_0", "class_hist_1", "class_kl", "classes_covered", "classifier_score",
                                 "confident", "fcd", "final_d_real", "latent_churn"]
        XCTAssertEqual(SweepViewBuilder.ordered(keys),
                       ["fcd", "classes_covered", "classifier_score", "class_kl", "confident", "final_d_real",
                        "latent_churn", "class_hist_0", "class_hist_1"])
        XCTAssertEqual(SweepViewBuilder.ordered(["reverse_kl", "modes_total", "modes_covered", "high_quality_fraction"]),
                       ["modes_covered", "high_quality_fraction", "reverse_kl", "modes_total"])
    }
}
