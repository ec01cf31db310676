import XCTest
@testable import Book

/// `ganbook plan`'s list (also the list of a dry-run build): exact text and JSON.
final class PlanListingTests: XCTestCase {
    func testTextListsEachRunToTrainWithItsPlaceAndEstimate() throws {
        let (listing, h) = try PlanFixture.listing()
        XCTAssertEqual(listing.text, """
            hash                                                              page:line       id     dataset  iterations  time   memory
            \(h[0])  content/a.md:4  one    ring8    400         4.0 s  50 MB
            \(h[1])  content/b.md:4  three  grid25   200         2.0 s  50 MB
            2 run(s) to train, 1 cached; about 6.0 s one after another on 1 thread(s)
            (fixed: 10 ms an iteration)
            """)
    }

    func testJSONCarriesTheSameFields() throws {
        let (listing, h) = try PlanFixture.listing(threads: 2)
        XCTAssertEqual(listing.json, """
            {
              "cached": 1,
              "estimate": "fixed: 10 ms an iteration",
              "runs": [
                {"hash": "\(h[0])", "page": "content/a.md", "line": 4, "id": "one", "dataset": "ring8", "iterations": 400, "estimated_seconds": 4.0, "memory_bytes": 52428800},
                {"hash": "\(h[1])", "page": "content/b.md", "line": 4, "id": "three", "dataset": "grid25", "iterations": 200, "estimated_seconds": 2.0, "memory_bytes": 52428800}
              ],
              "threads": 2,
              "total_estimated_seconds": 6.0
            }
            """)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(listing.json.utf8)))
    }

    func testNothingToTrainSaysSo() throws {
        let plan = try PlanFixture.plan()
        let listing = PlanListing(missing: [], plan: plan, estimator: PlanFixture.FixedSpeed(), threads: 1)
        XCTAssertEqual(listing.text, "nothing to train: all 3 run(s) of the notebook are cached")
        XCTAssertTrue(listing.json.contains("\"runs\": []"))
    }

    /// The measured estimate comes from the run's own model on this machine: positive, and
    /// proportional to the iterations (runs alike but for length share one measurement).
    func testMeasuredEstimateScalesWithIterations() throws {
        let plan = try PlanFixture.plan()
        let estimator = MeasuredRunTime(burstSeconds: 0.05)
        let one = estimator.estimate(plan.distinctRuns[0].run.config, threads: 1)
        let two = estimator.estimate(plan.distinctRuns[1].run.config, threads: 1)
        XCTAssertGreaterThan(one.seconds, 0)
        XCTAssertEqual(one.seconds / two.seconds, 4, accuracy: 1e-9)
        XCTAssertGreaterThan(one.memoryBytes, 40 * 1_048_576)
        XCTAssertTrue(estimator.method.contains("burst of each run's own model"))
    }
}
