import Foundation
import GAN
import Notebook
@testable import Book

/// A small notebook planned in memory (two pages, three distinct runs, one of them cached), a
/// fixed speed and a fixed job context, so plan listings and job files have exact expected texts.
enum PlanFixture {
    static let pageA = """
        # Page A

        ```gan
        id: one
        dataset: ring8
        iterations: 400
        seed: 1
        ```

        ```gan
        id: two
        dataset: ring8
        iterations: 100
        seed: 2
        ```
        """
    static let pageB = """
        # Page B

        ```gan
        id: three
        dataset: grid25
        iterations: 200
        ```
        """

    static func plan() throws -> SitePlan {
        let pages = try [("content/a.md", pageA), ("content/b.md", pageB)].map {
            try Notebook.parsePage(path: $0.0, text: $0.1, directiveKinds: SitePlanner.directiveKinds)
        }
        return try SitePlanner.plan(pages)
    }

    /// 10 ms an iteration, 50 MB a run.
    struct FixedSpeed: RunTimeEstimating {
        var method: String { "fixed: 10 ms an iteration" }
        func estimate(_ config: RunConfig, threads: Int) -> RunEstimate {
            RunEstimate(seconds: 0.01 * Double(config.plannedIterations), memoryBytes: 50 * 1_048_576)
        }
    }

    /// Runs one and three are to train; two is cached.
    static func listing(threads: Int = 1) throws -> (listing: PlanListing, hashes: [String]) {
        let plan = try plan()
        let runs = plan.distinctRuns
        let missing = [runs[0], runs[2]]
        return (PlanListing(missing: missing, plan: plan, estimator: FixedSpeed(), threads: threads),
                missing.map(\.run.hash))
    }

    static let context = JobContext(executable: "/opt/ganbook/bin/ganbook", workingDirectory: "/home/ada/notebook",
                                    content: "content", site: "site", templates: "templates",
                                    cache: "/shared/ganbook cache", data: nil, jobsFolder: "jobs")
}
