import XCTest
@testable import GAN

/// A plan's iteration count (the base of its time estimate) is what the trainer then runs.
final class PlannedIterationsTests: XCTestCase {
    func testEpochsAndIterationsCountAsTheTrainerCounts() throws {
        let ring = try Dataset.load(.ring8, search: DataSearchPath(locations: []))
        for yaml in ["iterations: 30", "epochs: 1\nbatch_size: 4096", "epochs: 1\nbatch_size: 4096\nd_steps: 3"] {
            let config = try RunConfig.decode(yaml: "dataset: ring8\nlog_every: 1000\nsnapshots: 1\ngenerator: {hidden: [4]}\ndiscriminator: {hidden: [4]}\n" + yaml, file: "t.yaml")
            let result = try Trainer.train(config: config, dataset: ring, threads: 1)
            XCTAssertEqual(config.plannedIterations, result.iterations, yaml)
        }
        let mnist = RunConfig(dataset: .mnist)
        XCTAssertEqual(mnist.plannedIterations, 20 * (60_000 / 64))
    }

    func testABurstOfTheRunsOwnModelTakesMeasurableTime() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8\niterations: 10", file: "t.yaml")
        let seconds = RunSpeedProbe.secondsPerIteration(config, threads: 1, seconds: 0.02)
        XCTAssertGreaterThan(seconds, 0)
        XCTAssertLessThan(seconds, 1)
    }
}
