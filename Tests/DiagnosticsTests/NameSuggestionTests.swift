import Diagnostics
import XCTest

final class NameSuggestionTests: XCTestCase {
    func testNearTyposAreSuggested() {
        let keys = ["id", "dataset", "epochs", "batch_size", "optimizer", "beta1", "lr"]
        XCTAssertEqual(NameSuggestion.closest(to: "epoch", among: keys), "epochs")
        XCTAssertEqual(NameSuggestion.closest(to: "batchsize", among: keys), "batch_size")
        XCTAssertEqual(NameSuggestion.closest(to: "optimzier", among: keys), "optimizer")
        XCTAssertEqual(NameSuggestion.closest(to: "datset", among: keys), "dataset")
        XCTAssertEqual(NameSuggestion.closest(to: "BETA1", among: keys), "beta1")
        XCTAssertEqual(NameSuggestion.closest(to: "learning_rate", among: keys, aliases: ["learning_rate": "lr"]), "lr")
    }

    /// No short name is "close" to `id` unless it is `id` written in another case: a hint that
    /// names an unrelated key misleads.
    func testNoShortKeyIsTakenForId() {
        let letters = "abcdefghijklmnopqrstuvwxyz_"
        var words = letters.map(String.init)
        for first in letters { for second in letters { words.append("\(first)\(second)") } }
        for word in words where word != "id" {
            XCTAssertNotEqual(NameSuggestion.closest(to: word, among: ["id", "lr", "seed"]), "id", word)
        }
        XCTAssertEqual(NameSuggestion.closest(to: "ID", among: ["id"]), "id")
        XCTAssertNil(NameSuggestion.closest(to: "zz", among: ["id", "lr"]))
        XCTAssertNil(NameSuggestion.closest(to: "throughput", among: ["loss_g", "d_real"]))
    }

    func testTiesGoToTheFirstNameAlphabetically() {
        XCTAssertEqual(NameSuggestion.closest(to: "loss_x", among: ["loss_g", "loss_d"]), "loss_d")
        XCTAssertEqual(NameSuggestion.closest(to: "loss_x", among: ["loss_d", "loss_g"]), "loss_d")
    }

    func testEditDistanceCountsASwapAsOne() {
        XCTAssertEqual(NameSuggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(NameSuggestion.editDistance("beta1", "beat1"), 1)
        XCTAssertEqual(NameSuggestion.editDistance("", "abc"), 3)
    }

    func testHintListsTheAllowedNames() {
        XCTAssertEqual(NameSuggestion.hint(for: "beta", among: ["name", "lr", "beta1"]),
                       "did you mean beta1? allowed: name, lr, beta1")
        XCTAssertEqual(NameSuggestion.hint(for: "xyz", among: ["name", "lr"], noun: "keys"), "keys: name, lr")
    }

    func testHintWithNoCandidatesSaysNone() {
        XCTAssertEqual(NameSuggestion.hint(for: "zz", among: [], noun: "ids on this page"), "ids on this page: none")
    }
}
