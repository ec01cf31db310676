import GAN
import XCTest
@testable import Book

/// The built `ganbook` executable on a small notebook, as a user runs it.
final class EndToEndTests: ExecutableNotebookTestCase {
    static let buildArguments = ["build", "--content", "content", "--site", "site", "--templates", "templates",
                                 "--threads", "1"]
    static let entryFiles = ["config.json", "metrics.csv", "eval.json", "run.json", "samples/final.png",
                             "samples/evolution.png", "samples/planes.json"]

    func testBuildTrainListAndPrune() throws {
        try notebook.write("rings.md", SmallRun.page(
            title: "Rings", SmallRun.directive(id: "a", seed: 1), SmallRun.directive(id: "b", seed: 2),
            "```gan-compare\nruns: [a, b]\nmetric: loss_g\n```\n", "```gan-table\n```\n"))
        let built = try ganbook.run(Self.buildArguments, in: notebook.root)
        XCTAssertEqual(built.status, 0, built.all)
        XCTAssertTrue(built.stdout.contains("built 2 page(s): 2 run(s), 0 reused, 2 trained"), built.all)

        let site = try notebook.files()
        for name in ["index.html", "rings.html", "style.css", "evolution.js"] {
            XCTAssertNotNil(site[name], "\(name) missing; site has \(site.keys.sorted())")
        }
        let hashes = notebook.entryHashes
        XCTAssertEqual(hashes.count, 2)
        XCTAssertEqual(notebook.runFolderNames, hashes, "no leftovers in runs/")
        let hashA = try RunConfig.decode(yaml: SmallRun.yaml(id: "a", seed: 1), file: "a", handledKeys: GanDirective.keys).runHash
        XCTAssertTrue(hashes.contains(hashA))
        for hash in hashes { try checkEntry(notebook.runs.appendingPathComponent(hash), hash: hash) }

        let html = try notebook.html("rings")
        XCTAssertTrue(html.contains("runs/\(hashA)/samples/final.png"), "the page links to the final grid")
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 7, "3 charts per run and a comparison")
        for source in imageSources(in: html) {
            XCTAssertNotNil(site[source], "the page links to \(source), which is not in the site")
        }
        XCTAssertTrue(try notebook.html("index").contains("rings.html"))

        // `ganbook train` on the same configuration writes the same layout.
        let config = notebook.root.appendingPathComponent("a.yaml")
        try Data(SmallRun.yaml(id: nil, seed: 1).utf8).write(to: config)
        let trained = try ganbook.run(["train", "a.yaml", "--out", "single", "--threads", "1"], in: notebook.root)
        XCTAssertEqual(trained.status, 0, trained.all)
        let single = try notebook.files(under: notebook.root.appendingPathComponent("single"))
        let cached = try notebook.files(under: notebook.runs.appendingPathComponent(hashA))
        XCTAssertEqual(single.keys.sorted(), cached.keys.sorted())
        XCTAssertEqual(single["config.json"], cached["config.json"], "the entry does not depend on the directive's id")
        XCTAssertEqual(single["metrics.csv"], cached["metrics.csv"], "training is deterministic")
        XCTAssertEqual(single["samples/final.png"], cached["samples/final.png"])
        try checkEntry(notebook.root.appendingPathComponent("single"), hash: hashA)
        let again = try ganbook.run(["train", "a.yaml", "--out", "single", "--threads", "1"], in: notebook.root)
        XCTAssertNotEqual(again.status, 0, "an existing run is not overwritten without --force")

        // `ganbook runs` lists both as used; once b leaves the page, --prune removes it.
        let listed = try ganbook.run(["runs", "--content", "content", "--site", "site"], in: notebook.root)
        XCTAssertEqual(listed.status, 0, listed.all)
        XCTAssertTrue(listed.stdout.contains("\(hashA.prefix(12))"), listed.all)
        XCTAssertTrue(listed.stdout.contains("ok  rings/a"), listed.all)
        XCTAssertTrue(listed.stdout.contains("ok  rings/b"), listed.all)
        XCTAssertFalse(listed.stdout.contains("unused"), listed.all)

        try notebook.write("rings.md", SmallRun.page(title: "Rings", SmallRun.directive(id: "a", seed: 1)))
        let unused = try ganbook.run(["runs", "--content", "content", "--site", "site"], in: notebook.root)
        XCTAssertTrue(unused.stdout.contains("1 unused entry"), unused.all)
        XCTAssertEqual(notebook.entryHashes.count, 2, "listing removes nothing")
        let pruned = try ganbook.run(["runs", "--content", "content", "--site", "site", "--prune"], in: notebook.root)
        XCTAssertEqual(pruned.status, 0, pruned.all)
        XCTAssertTrue(pruned.stdout.contains("removed 1 unused entry"), pruned.all)
        XCTAssertEqual(notebook.entryHashes, [hashA])
    }

    func testBadDirectiveExitsWithPageAndLine() throws {
        let page = SmallRun.page(title: "Bad", SmallRun.directive(id: "a", extra: ["batch_siz: 32"]))
        try notebook.write("bad.md", page)
        let line = (page.components(separatedBy: "\n").firstIndex(of: "batch_siz: 32") ?? -1) + 1
        let outcome = try ganbook.run(Self.buildArguments, in: notebook.root)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("bad.md:\(line):"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("batch_siz"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("did you mean batch_size"), outcome.all)
        XCTAssertFalse(outcome.all.contains("training"), outcome.all)
        XCTAssertEqual(notebook.runFolderNames, [])
    }

    func testMissingDatasetFailsBeforeTrainingNamingThePlacesSearched() throws {
        let emptyData = notebook.root.appendingPathComponent("no-data")
        let emptyEnvironment = notebook.root.appendingPathComponent("no-env-data")
        for folder in [emptyData, emptyEnvironment] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try notebook.write("digits.md", SmallRun.page(title: "Digits", SmallRun.directive(id: "small", seed: 3),
                                                      "```gan\nid: digits\ndataset: mnist\niterations: 5\n```\n"))
        let outcome = try ganbook.run(Self.buildArguments + ["--data", "no-data"], in: notebook.root,
                                      environment: ["GANBOOK_DATA": emptyEnvironment.path])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("digits.md:"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("mnist"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains(emptyData.appendingPathComponent("mnist").path), outcome.all)
        XCTAssertTrue(outcome.stderr.contains(emptyEnvironment.appendingPathComponent("mnist").path), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("./data"), outcome.all)
        XCTAssertFalse(outcome.all.contains("training"), "the ring run must not train either: \(outcome.all)")
        XCTAssertEqual(notebook.runFolderNames, [])
    }

    /// The files of a run entry: layout, metrics header, decodable PNGs, JSON objects.
    func checkEntry(_ folder: URL, hash: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try notebook.files(under: folder)
        for name in Self.entryFiles {
            XCTAssertNotNil(files[name], "\(name) missing from \(folder.lastPathComponent)", file: file, line: line)
        }
        let steps = files.keys.filter { $0.hasPrefix("samples/step-") && $0.hasSuffix(".png") }
        XCTAssertEqual(steps.count, 2, "one picture per snapshot: \(files.keys.sorted())", file: file, line: line)
        XCTAssertTrue(steps.contains("samples/step-20.png"), "the last snapshot is the final iteration", file: file, line: line)
        for (name, data) in files where name.hasSuffix(".png") {
            XCTAssertNoThrow(try PNGImage.decode(data, file: name), name, file: file, line: line)
        }
        let metrics = String(decoding: files["metrics.csv"] ?? Data(), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(metrics.first.map(String.init), MetricsLog.columns.joined(separator: ","), file: file, line: line)
        XCTAssertGreaterThanOrEqual(metrics.count, 5, "a row every 5 of 20 iterations", file: file, line: line)
        let entry = try RunEntry.load(from: folder)
        XCTAssertEqual(entry.snapshotIterations.last, 20, file: file, line: line)
        XCTAssertTrue(entry.configJSON.contains("\"name\": \"ring8\""), entry.configJSON, file: file, line: line)
        XCTAssertTrue(String(decoding: files["run.json"] ?? Data(), as: UTF8.self).contains(hash), file: file, line: line)
        XCTAssertFalse(entry.evaluation.isEmpty, file: file, line: line)
        let size = files.values.reduce(0) { $0 + $1.count }
        XCTAssertLessThan(size, 1_000_000, "entries stay small", file: file, line: line)
    }

    /// Every `<img src="…">` of a page.
    func imageSources(in html: String) -> [String] {
        html.components(separatedBy: "<img src=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }
}
