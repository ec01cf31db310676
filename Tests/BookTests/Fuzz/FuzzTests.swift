import Foundation
import GAN
import Notebook
import XCTest
@testable import Book

/// The fuzz pass: seeded random and mutated pages and configurations through the page reader,
/// the planner (which decodes every directive) and the config decoder. No case may crash or
/// hang; every failure is a BookError, GANError or NotebookError whose every problem names a line.
///
/// `swift test` runs 2,000 cases; `GANBOOK_FUZZ_CASES=10000` runs more, and `GANBOOK_FUZZ_SEED`
/// picks another corpus.
final class FuzzTests: XCTestCase {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["GANBOOK_FUZZ_CASES"].flatMap(Int.init) ?? 2_000
    static let seed = environment["GANBOOK_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_201

    /// A text's one-line problems, each of which must start with `path:line:`.
    static func unplacedProblems(_ error: Error, path: String) -> [String] {
        let lines: [String]
        switch error {
        case let error as BookError where error.file.isEmpty && error.message.contains("problems, nothing was trained"):
            lines = error.message.components(separatedBy: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        case let error as BookError: lines = error.all.map(\.description)
        case let error as GANError: lines = error.all.map(\.description)
        case let error as NotebookError: lines = error.all.map(\.description)
        default: return ["not one of ganbook's errors: \(error)"]
        }
        return lines.filter { line in
            guard line.hasPrefix(path + ":") else { return true }
            return !(line.dropFirst(path.count + 1).first?.isNumber ?? false)
        }
    }

    /// What one case gave: whether it failed, and its problems that name no line.
    struct Outcome {
        var failed = false
        var unplaced: [String] = []
    }

    /// Reads and plans one page as the build does.
    static func check(page text: String) -> Outcome {
        do {
            let reading = try Notebook.readPage(path: "p.md", text: text, directiveKinds: SitePlanner.directiveKinds)
            _ = try SitePlanner.plan([reading.page], pageProblems: reading.problems)
            return Outcome()
        } catch {
            return Outcome(failed: true, unplaced: unplacedProblems(error, path: "p.md"))
        }
    }

    static func check(config text: String) -> Outcome {
        do {
            _ = try RunConfig.decode(yaml: text, file: "c.yaml", firstLine: 1, emptyMessage: "empty")
            return Outcome()
        } catch {
            return Outcome(failed: true, unplaced: unplacedProblems(error, path: "c.yaml"))
        }
    }

    func testFuzzedPagesAndConfigsFailOnlyWithPlacedErrors() {
        let corpus = FuzzCorpus(seed: Self.seed)
        let started = Date()
        var slowest = (seconds: 0.0, name: "")
        var failures = 0
        for index in 0..<Self.cases {
            for (name, text, check) in [("page \(index)", corpus.page(index), Self.check(page:)),
                                        ("config \(index)", corpus.config(index), Self.check(config:))] {
                let caseStarted = Date()
                let outcome = check(text)
                let seconds = Date().timeIntervalSince(caseStarted)
                if seconds > slowest.seconds { slowest = (seconds, name) }
                if outcome.failed { failures += 1 }
                XCTAssertEqual(outcome.unplaced, [], "\(name) of seed \(Self.seed): \(text.prefix(300).debugDescription)")
                XCTAssertLessThan(seconds, 10, "\(name) of seed \(Self.seed) is slow")
            }
        }
        let total = Date().timeIntervalSince(started)
        XCTAssertLessThan(total, Double(Self.cases) * 0.05, "slowest: \(slowest.name), \(slowest.seconds) s")
        // A corpus that always fails (or never does) would test little.
        let share = Double(failures) / Double(2 * Self.cases)
        XCTAssertTrue((0.2...0.95).contains(share), "\(failures) of \(2 * Self.cases) cases failed")
    }

    /// Texts earlier fuzz passes or reviews found; each once crashed, hung or gave a placeless error.
    static let regressions: [String] = [
        "---\n? [a, b]\n: c\n---\n",
        "```gan\n```\n",
        "```GAN\n# only a comment\n```\n",
        "```gan-compare\nruns: [a]\nruns: [b]\nmetric: loss_g\n```\n",
        "```gan-table\nruns: [a\n```\n",
        "```gan\ndataset: ring8\ngenerator: {hidden: " + String(repeating: "[", count: 5_000) + "}\n```\n",
        "---\ntitle:\n" + String(repeating: "- ", count: 100_000) + "x\n---\n",
        "<!--ganbook-directive-0-->\n\n```gan\ndataset: ring8\n```\n<!--ganbook-directive-0-->\n",
        "\u{FEFF}---\r\ntitle: A\r\n---\r\n```gan\r\ndataset: ring8\r\n```\r\n",
        "```gan\ndataset: ring8\n\u{0}\n```\n",
        // Keys and values spanning lines once made a problem print on several lines.
        "```gan\nhidden: é\nseed:\n>\n  hidden: non-saturating\ncaption: é\n```\n",
        "~~~Gan\nSome prose with `code`.\n\n````GAN-Compare\n````\n\n~~~\n",
        "```gan-table\nruns\n  more: [a]\n```\n",
    ]

    func testRegressionCases() {
        for text in Self.regressions {
            XCTAssertEqual(Self.check(page: text).unplaced, [], text.prefix(200).debugDescription)
        }
    }
}
