import XCTest
@testable import Book

/// `ganbook plan` over a notebook on disk: what it lists against the cache (the site's and a
/// shared one), and the job files it writes.
final class JobPlannerTests: NotebookTestCase {
    static func planned(_ notebook: NotebookFixture) throws -> SitePlan {
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: "",
                                 console: .capturing { _ in })
        return try stages.plan(try stages.loadPages())
    }

    func plan(_ output: PlanOptions.Output, cache: URL? = nil) throws -> String {
        var text = ""
        let options = PlanOptions(content: notebook.content.path, site: notebook.site.path,
                                  templates: notebook.templates.path, cache: cache?.path, data: nil, threads: 1,
                                  json: false, output: output, jobsFolder: notebook.root.appendingPathComponent("jobs").path,
                                  partition: nil, time: nil, cpusPerTask: 1, memory: nil)
        try JobPlanner(options: options, console: .capturing { text += $0 }, estimator: PlanFixture.FixedSpeed()).run()
        return text
    }

    func testListsOnlyRunsNeitherCacheHolds() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a", seed: 1),
                                                    SmallRun.directive(id: "b", seed: 2)))
        let hashes = try Self.planned(notebook).distinctRuns.map(\.run.hash)
        XCTAssertTrue(try plan(.listing).contains("2 run(s) to train, 0 cached"))

        try notebook.build()  // both into site/runs
        let shared = notebook.root.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: notebook.runs.appendingPathComponent(hashes[1]),
                                         to: shared.appendingPathComponent(hashes[1]))
        let listed = try plan(.listing)
        XCTAssertTrue(listed.contains("1 run(s) to train, 1 cached"), listed)
        XCTAssertTrue(listed.contains(hashes[1]), listed)
        XCTAssertEqual(try plan(.listing, cache: shared), "nothing to train: all 2 run(s) of the notebook are cached\n")
    }

    func testSlurmWritesTheJobFilesAndSaysHowToSubmit() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        let hash = try Self.planned(notebook).distinctRuns[0].run.hash
        let text = try plan(.slurm, cache: notebook.root.appendingPathComponent("shared"))
        let jobs = notebook.root.appendingPathComponent("jobs")
        XCTAssertTrue(text.contains("submit with: sh \(jobs.path)/submit.sh"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: jobs.path).sorted(),
                       ["render.sbatch", "runs.txt", "submit.sh", "train.sbatch"])
        XCTAssertTrue(try String(contentsOf: jobs.appendingPathComponent("runs.txt"), encoding: .utf8).hasSuffix("\n\(hash)\n"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: jobs.appendingPathComponent("submit.sh").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.runs.path), "planning trains nothing")
    }
}

extension JobPlannerTests {
    func testParallelWritesOneRunCommandPerRun() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a", seed: 1),
                                                    SmallRun.directive(id: "b", seed: 2)))
        let hashes = try Self.planned(notebook).distinctRuns.map(\.run.hash)
        let text = try plan(.parallel)
        let list = try String(contentsOf: notebook.root.appendingPathComponent("jobs/parallel.txt"), encoding: .utf8)
        let lines = list.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for (line, hash) in zip(lines, hashes) {
            XCTAssertTrue(line.contains(" run \(hash) --content "), String(line))
            XCTAssertTrue(line.hasSuffix(" --threads 1"), String(line))
        }
        XCTAssertTrue(text.contains("parallel --jobs N --sshloginfile NODES"), text)
    }

    func testNothingToTrainWritesNoJobFiles() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        try notebook.build()
        XCTAssertTrue(try plan(.slurm).contains("no job files written: nothing to train"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent("jobs").path))
    }
}
