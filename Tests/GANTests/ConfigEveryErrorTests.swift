import XCTest
@testable import GAN

/// A configuration with several mistakes reports all of them at once, each with its line and key.
final class ConfigEveryErrorTests: XCTestCase {
    func testEveryProblemOfAConfigurationIsReported() {
        let yaml = """
            dataset: ring8
            epoch: 5
            z_dim: 0
            optimizer: {lr: -1, beta: 0.5}
            generator: {hidden: [64, wide]}
            seed: 1
            seed: 2
            """
        XCTAssertThrowsError(try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 10)) { error in
            guard let error = error as? GANError else { return XCTFail("\(error)") }
            let problems = error.all
            XCTAssertEqual(problems.map(\.keyPath), ["seed"], "keys written twice are found first, by the reader")
            XCTAssertEqual(problems.first?.line, 16)
        }
        let fixedDuplicate = yaml.replacingOccurrences(of: "seed: 2", with: "")
        XCTAssertThrowsError(try RunConfig.decode(yaml: fixedDuplicate, file: "page.md", firstLine: 10)) { error in
            guard let error = error as? GANError else { return XCTFail("\(error)") }
            let problems = error.all
            XCTAssertEqual(problems.map(\.keyPath),
                           ["epoch", "generator.hidden[1]", "z_dim", "optimizer.beta", "optimizer.lr"], "\(error)")
            XCTAssertEqual(problems.map(\.line), [11, 14, 12, 13, 13])
            XCTAssertTrue(problems[0].hint?.contains("did you mean epochs?") ?? false, "\(problems[0])")
            XCTAssertEqual(error.description.components(separatedBy: "\n").count, 5, "one line a problem")
        }
    }

    func testNearMissOfANestedKeyAtTheTopLevelSaysWhereItBelongs() {
        XCTAssertThrowsError(try RunConfig.decode(yaml: "dataset: ring8\nbeta: 0.5\n", file: "p.md")) { error in
            XCTAssertTrue((error as? GANError)?.hint?.hasPrefix("did you mean optimizer.beta1?") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try RunConfig.decode(yaml: "dataset: ring8\nepoch: 5\n", file: "p.md")) { error in
            XCTAssertTrue((error as? GANError)?.hint?.hasPrefix("did you mean epochs?") ?? false, "\(error)")
        }
    }

    func testAFailedDatasetStopsBeforeChecksThatDependOnIt() {
        XCTAssertThrowsError(try RunConfig.decode(yaml: "dataset: rign8\nmodel: mlp2d\nbogus: 1\n", file: "p.md")) { error in
            let problems = (error as? GANError)?.all ?? []
            XCTAssertEqual(problems.map(\.keyPath), ["bogus", "dataset"], "no spurious model conflict: \(problems)")
        }
    }
}
