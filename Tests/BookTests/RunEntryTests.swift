import XCTest
@testable import Book

final class RunEntryTests: XCTestCase {
    var fixture: RunEntryFixture!

    override func setUpWithError() throws { fixture = try RunEntryFixture() }
    override func tearDown() { fixture.cleanUp() }

    func testLoadsEveryFileOfTheEntry() throws {
        let entry = try RunEntry.load(from: fixture.folder)
        XCTAssertEqual(entry.hash, RunEntryFixture.hash)
        XCTAssertEqual(entry.metrics.rowCount, 41)
        XCTAssertEqual(entry.evaluation, ["mode_coverage": 0.875, "fid_proxy": 12.5])
        XCTAssertEqual(entry.snapshotIterations, [0, 1000, 2000])
        XCTAssertTrue(entry.hasFilmstrip)
        XCTAssertFalse(entry.hasLatentGrid)
        XCTAssertNil(entry.points)
        XCTAssertEqual(entry.wallSeconds, 192.4)
        XCTAssertEqual(entry.threads, 2)
        XCTAssertTrue(entry.configJSON.hasPrefix("{\n  \"batch_size\": 64"))
    }

    func testExperimentViewFromEntry() throws {
        let view = try ExperimentViewBuilder(runsPath: "runs/").build(runID: "mlp-mnist", caption: "Baseline",
                                                                      folder: fixture.folder)
        let base = "runs/\(RunEntryFixture.hash)/"
        XCTAssertEqual(view.anchor, "run-mlp-mnist")
        XCTAssertEqual(view.shortHash, "3f2a9c0d1e5b")
        XCTAssertEqual(view.finalGridPath, base + "samples/final.png")
        XCTAssertEqual(view.evolutionFrames, [0, 1000, 2000].map {
            EvolutionFrame(iteration: $0, path: base + "samples/step-\($0).png")
        })
        XCTAssertEqual(view.filmstripPath, base + "samples/evolution.png")
        XCTAssertNil(view.latentGridPath)
        XCTAssertNil(view.scatterSVG)
        XCTAssertEqual(view.evalMetrics, [NamedValue(name: "fid_proxy", value: "12.5"),
                                          NamedValue(name: "mode_coverage", value: "0.875")])
        XCTAssertEqual(view.provenance.wallTime, "3 min 12 s")
        XCTAssertEqual(view.provenance.imagesPerSecond, "5321")
        XCTAssertEqual(view.provenance.engineVersion, "ganbook 0.1.0 · 0123456789ab · openblas SkylakeX")
        XCTAssertEqual(view.provenance.datasetIdentity, "mnist-train-60000")
        XCTAssertTrue(view.lossChartSVG.contains("<title>loss_g: last value"))
        XCTAssertTrue(view.gradientChartSVG.contains(">0.01</text>"), "gradient norms span decades: log axis")
        XCTAssertTrue(view.discriminatorChartSVG.contains("equilibrium 0.5"))
        XCTAssertEqual(view.runFiles.map(\.href), ["config.json", "metrics.csv", "eval.json"].map { "runs/\(RunEntryFixture.hash)/" + $0 })
        XCTAssertTrue(view.lossChartSVG.contains(">epoch</text>"))
    }

    func testScatterFromPointsFile() throws {
        try fixture.write("samples/points.csv", "x,y,real\n2,0,1\n0,2,1\n1.9,0.1,0\n0.2,2.1,0\n0.1,1.8,0\n")
        let view = try ExperimentViewBuilder().build(runID: "ring", caption: nil, folder: fixture.folder)
        let svg = try XCTUnwrap(view.scatterSVG)
        XCTAssertTrue(svg.contains("<title>generated: 3 points</title>"))
        XCTAssertTrue(svg.contains("<title>real modes: 2 points</title>"))
    }

    func testScatterTakesModeCentresFromTheDatasetWhenThePointsFileHasNone() throws {
        try fixture.write("config.json", #"{"dataset": "ring8", "z_dim": 2}"#)
        try fixture.write("samples/points.csv", "x,y\n1.9,0.1\n0.2,2.1\n")
        let svg = try XCTUnwrap(try ExperimentViewBuilder().build(runID: "ring", caption: nil, folder: fixture.folder).scatterSVG)
        XCTAssertTrue(svg.contains("<title>generated: 2 points</title>"))
        XCTAssertTrue(svg.contains("<title>real modes: 8 points</title>"))
        try fixture.write("samples/points.csv", "a,b\n1,2\n")
        XCTAssertThrowsError(try ExperimentViewBuilder().build(runID: "ring", caption: nil, folder: fixture.folder)) {
            XCTAssertTrue(($0 as? BookError)?.file.hasSuffix("samples/points.csv") ?? false)
        }
    }

    func testMissingOrMalformedFilesAreErrorsNamingThem() throws {
        try fixture.write("metrics.csv", "iteration,loss_g\n0,x\n")
        assertError(file: "metrics.csv", line: 2)
        try fixture.remove("metrics.csv")
        assertError(file: "metrics.csv", line: nil)

        let other = try RunEntryFixture()
        defer { other.cleanUp() }
        fixture = other
        try fixture.write("eval.json", "[1, 2]")
        assertError(file: "eval.json", line: nil)
        try fixture.write("eval.json", #"{"fid": "high"}"#)
        assertError(file: "eval.json", line: nil)
        try fixture.write("eval.json", "{}")
        try fixture.write("run.json", #"{"threads": 2, "wall_seconds": 1}"#)
        assertError(file: "run.json", line: nil, containing: "images_per_second")
        try fixture.write("run.json", #"{"threads": 2, "wall_seconds": 1, "images_per_second": 3}"#)
        try fixture.remove("samples/final.png")
        assertError(file: "samples/final.png", line: nil)
        try fixture.remove("config.json")
        assertError(file: "config.json", line: nil)
    }

    private func assertError(file: String, line: Int?, containing text: String = "",
                             sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try RunEntry.load(from: fixture.folder), file: sourceFile, line: sourceLine) { error in
            guard let error = error as? BookError else { return XCTFail("not a BookError: \(error)", file: sourceFile, line: sourceLine) }
            XCTAssertEqual(error.file, fixture.folder.appendingPathComponent(file).path, file: sourceFile, line: sourceLine)
            XCTAssertEqual(error.line, line, file: sourceFile, line: sourceLine)
            if !text.isEmpty { XCTAssertTrue(error.description.contains(text), error.description, file: sourceFile, line: sourceLine) }
        }
    }

    func testCompareAndTableViews() throws {
        let entry = try RunEntry.load(from: fixture.folder)
        let runs = [(runID: "a", entry: entry), (runID: "b", entry: entry)]
        let compare = try CompareViewBuilder.build(metric: "loss_g", title: nil, runs: runs, file: "p.md", line: 9)
        XCTAssertEqual(compare.compareTitle, "loss_g")
        XCTAssertEqual(compare.runs.map(\.href), ["#run-a", "#run-b"])
        XCTAssertTrue(compare.chartSVG.contains("<title>b: last value"))
        XCTAssertThrowsError(try CompareViewBuilder.build(metric: "loss_gg", title: nil, runs: runs, file: "p.md", line: 9)) {
            XCTAssertTrue("\($0)".hasPrefix("p.md:9: run a has no metric \"loss_gg\"; did you mean loss_g?"), "\($0)")
        }

        let table = try TableViewBuilder.build(title: "Ablation", columns: ["loss_g", "mode_coverage", "wall_seconds",
                                                                            "images_per_second"],
                                               runs: runs, file: "p.md", line: 20)
        XCTAssertEqual(table.rows.count, 2)
        // One format per column; loss_g is the mean of the last 10 logged rows, not the last minibatch's 0.75.
        XCTAssertEqual(table.rows[0].cells, ["0.7330", "0.8750", "3 min 12 s", "5321"])
        XCTAssertEqual(table.columns.map(\.note), ["mean of last 10 rows", "after training", "training time", "images/s"])
        XCTAssertTrue(table.sourceNote.contains("mean of the run's last 10 logged rows"), table.sourceNote)
        XCTAssertThrowsError(try TableViewBuilder.build(title: nil, columns: ["mode_coverag"], runs: runs, file: "p.md", line: 20)) {
            XCTAssertTrue("\($0)".contains("did you mean mode_coverage?"), "\($0)")
        }
    }
}
