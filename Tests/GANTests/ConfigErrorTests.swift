import XCTest
@testable import GAN

/// Every kind of bad input names the file line (the YAML starts on line 10 of page.md), the key,
/// what is wrong and what would fix it.
final class ConfigErrorTests: XCTestCase {
    private func failure(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> GANError? {
        do {
            let config = try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 10)
            XCTFail("decoded without error: \(config)", file: file, line: line)
            return nil
        } catch let error as GANError {
            XCTAssertEqual(error.file, "page.md", file: file, line: line)
            return error
        } catch {
            XCTFail("not a GANError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testDescriptionFormat() {
        let error = failure("seed: 1\noptimizer:\n  beta: 0.9\n")
        XCTAssertEqual(error?.description,
                       "page.md:12:3: optimizer.beta: unknown key; did you mean beta1? allowed: name, lr, beta1, beta2, eps")
        XCTAssertEqual(error?.column, 3)
    }

    func testDescriptionLeavesOutUnknownParts() {
        XCTAssertEqual(GANError(kind: .unreadable, file: "a.yaml", message: "cannot read").description,
                       "a.yaml: cannot read")
        XCTAssertEqual(GANError(kind: .datasetMissing, file: "", message: "not found", hint: "install it").description,
                       "not found; install it")
    }

    func testUnknownPrecisionListsTheChoices() {
        let error = failure("seed: 1\nprecision: fp16\n")
        XCTAssertEqual(error?.line, 11)
        let text = error?.description ?? ""
        XCTAssertTrue(text.contains("precision") && text.contains("fp32") && text.contains("bf16"), text)
        XCTAssertNotNil(failure("precision: [bf16]\n"), "a list is not a precision")
    }

    func testYAMLSyntaxErrorHasTheFileLine() {
        let error = failure("epochs: 20\nseed: 1\nbatch_size: [64\n")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 13)
        XCTAssertTrue(error?.message.contains("invalid YAML") ?? false, error?.message ?? "")
    }

    func testTabIndentationIsASyntaxError() {
        let error = failure("epochs: 20\noptimizer:\n\tlr: 0.1\n")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 12)
    }

    func testSecondDocumentIsRejected() {
        let error = failure("epochs: 5\n---\nseed: 2\n")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 11)
        XCTAssertEqual(error?.message, "invalid YAML: expected a single document in the stream, but found another document")
    }

    func testTopLevelIsAMapping() {
        let error = failure("- epochs: 20\n")
        XCTAssertEqual(error?.kind, .wrongType)
        XCTAssertEqual(error?.line, 10)
    }

    func testUnknownTopLevelKeySuggestsTheClosest() {
        let error = failure("seed: 3\nepoch: 5\n")
        XCTAssertEqual(error?.kind, .unknownKey)
        XCTAssertEqual(error?.line, 11)
        XCTAssertEqual(error?.keyPath, "epoch")
        XCTAssertTrue(error?.hint?.hasPrefix("did you mean epochs? allowed: dataset") ?? false,
                      error?.hint ?? "")
    }

    func testKeysTheCallerHandlesAreAcceptedAndSuggested() throws {
        let yaml = "dataset: ring8\nid: a\ncaptoin: x\n"
        XCTAssertThrowsError(try RunConfig.decode(yaml: yaml, file: "p.md")) { error in
            XCTAssertEqual((error as? GANError)?.keyPath, "id")
        }
        XCTAssertThrowsError(try RunConfig.decode(yaml: yaml, file: "p.md", handledKeys: ["id", "caption"])) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.keyPath, "captoin")
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.hint?.hasPrefix("did you mean caption?") ?? false, error?.hint ?? "")
            XCTAssertEqual(error?.more.count, 0)
        }
    }

    func testUnknownKeyFarFromAnyListsTheAllowedKeys() {
        let error = failure("discriminator: {spectral_norm: true}")
        XCTAssertEqual(error?.keyPath, "discriminator.spectral_norm")
        XCTAssertEqual(error?.hint, "allowed: hidden, batchnorm, dropout, minibatch_discrimination")
    }

    func testNestedKeyAtTheTopLevelSaysWhereItBelongs() {
        let error = failure("lr: 0.001")
        XCTAssertEqual(error?.kind, .unknownKey)
        XCTAssertTrue(error?.hint?.contains("did you mean optimizer.lr?") ?? false, error?.hint ?? "")
        let alias = failure("learning_rate: 0.001")
        XCTAssertTrue(alias?.hint?.contains("optimizer.lr") ?? false, alias?.hint ?? "")
    }

    func testKeyOfAnotherModelNamesThatModel() {
        let error = failure("model: mlp\ngenerator:\n  channels: [64]\n")
        XCTAssertEqual(error?.kind, .unknownKey)
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.keyPath, "generator.channels")
        XCTAssertTrue(error?.message.contains("model dcgan") ?? false, error?.message ?? "")
    }

    func testKeyOfAnotherOptimizerNamesIt() {
        let error = failure("optimizer: {name: sgd, beta1: 0.5}")
        XCTAssertEqual(error?.keyPath, "optimizer.beta1")
        XCTAssertTrue(error?.message.contains("applies to adam") ?? false, error?.message ?? "")
    }

    func testDuplicateKey() {
        let error = failure("seed: 1\nz_dim: 10\nseed: 2\n")
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertEqual(error?.line, 12)
        XCTAssertTrue(error?.message.contains("first on line 10") ?? false, error?.message ?? "")
    }

    func testWrongTypes() {
        let cases: [(yaml: String, path: String, message: String)] = [
            ("epochs: abc", "epochs", "expected an integer, got 'abc'"),
            ("batch_size: 6.4", "batch_size", "expected an integer, got '6.4'"),
            ("optimizer: {lr: fast}", "optimizer.lr", "expected a number, got 'fast'"),
            ("freeze_generator: 1", "freeze_generator", "expected true or false, got '1'"),
            ("generator: {hidden: 256}", "generator.hidden", "expected a list of integers like [256, 512], got '256'"),
            ("generator: {hidden: [256, wide]}", "generator.hidden[1]", "expected an integer, got 'wide'"),
            ("optimizer: [adam]", "optimizer", "expected a mapping of keys"),
            ("seed:", "seed", "expected an integer, got nothing"),
            ("generator: 3", "generator", "expected a mapping of keys"),
        ]
        for (yaml, path, message) in cases {
            let error = failure(yaml)
            XCTAssertEqual(error?.kind, .wrongType, yaml)
            XCTAssertEqual(error?.line, 10, yaml)
            XCTAssertEqual(error?.keyPath, path, yaml)
            XCTAssertTrue(error?.message.hasPrefix(message) ?? false, "\(yaml): \(error?.message ?? "")")
        }
    }

    func testQuotedNumberSuggestsRemovingTheQuotes() {
        let error = failure("optimizer:\n  lr: \"0.001\"\n")
        XCTAssertEqual(error?.line, 11)
        XCTAssertEqual(error?.message, "expected a number, got the string \"0.001\"")
        XCTAssertEqual(error?.hint, "write it without quotes")
    }

    func testValuesOutOfRange() {
        let cases: [(yaml: String, path: String, message: String)] = [
            ("optimizer: {lr: -0.001}", "optimizer.lr", "must be greater than 0, got -0.001"),
            ("optimizer: {lr: 0}", "optimizer.lr", "must be greater than 0, got 0"),
            ("d_optimizer: {lr: 0.0}", "d_optimizer.lr", "must be greater than 0, got 0.0"),
            ("batch_size: 0", "batch_size", "must be between 1 and 4096, got 0"),
            ("batch_size: -5", "batch_size", "must be between 1 and 4096, got -5"),
            ("discriminator: {dropout: 1}", "discriminator.dropout", "must be at least 0 and less than 1, got 1"),
            ("discriminator: {dropout: 1.5}", "discriminator.dropout", "must be at least 0 and less than 1, got 1.5"),
            ("classes: [0, 10]", "classes[1]", "must be between 0 and 9, got 10"),
            ("classes: [-1]", "classes[0]", "must be between 0 and 9, got -1"),
            ("classes: [3, 3]", "classes", "class 3 is listed twice"),
            ("classes: []", "classes", "must list at least one class"),
            ("z_dim: 0", "z_dim", "must be between 1 and 1024, got 0"),
            ("model: dcgan\ngenerator: {kernel: 7}", "generator.kernel", "must be 3, 4 or 5, got 7"),
            ("model: dcgan\ndiscriminator: {kernel: 2}", "discriminator.kernel", "must be 3, 4 or 5, got 2"),
            ("model: dcgan\ngenerator: {channels: [256, 128, 64]}", "generator.channels", "must list 1 to 2 channel counts, got 3"),
            ("optimizer: {beta1: 1}", "optimizer.beta1", "must be at least 0 and less than 1, got 1"),
            ("label_smoothing: 0", "label_smoothing", "must be greater than 0 and at most 1, got 0"),
            ("label_flip: 0.7", "label_flip", "must be between 0 and 0.5, got 0.7"),
            ("instance_noise: -0.1", "instance_noise", "must be at least 0, got -0.1"),
            ("epochs: 0", "epochs", "must be between 1 and 10000, got 0"),
            ("iterations: -3", "iterations", "must be between 1 and 100000000, got -3"),
            ("log_every: 0", "log_every", "must be at least 1, got 0"),
            ("snapshots: 0", "snapshots", "must be between 1 and 100, got 0"),
            ("generator: {hidden: []}", "generator.hidden", "must list at least one layer width"),
            ("generator: {output: linear}", "generator.output", "linear output is for model mlp2d"),
        ]
        for (yaml, path, message) in cases {
            let error = failure(yaml)
            XCTAssertEqual(error?.kind, .invalidValue, yaml)
            XCTAssertEqual(error?.keyPath, path, yaml)
            XCTAssertEqual(error?.message, message, yaml)
        }
    }

    func testOutOfRangeErrorPointsAtItsLine() {
        let error = failure("dataset: mnist\nbatch_size: 64\noptimizer:\n  name: adam\n  lr: -1e-3\n")
        XCTAssertEqual(error?.line, 14)
        XCTAssertEqual(error?.description, "page.md:14:7: optimizer.lr: must be greater than 0, got -1e-3; Adam's usual rate for GANs is 0.0002")
    }

    func testUnknownEnumValuesSuggestTheClosest() {
        let cases: [(yaml: String, suggestion: String)] = [
            ("loss: nonsaturating", "did you mean non-saturating? allowed: non-saturating, minimax"),
            ("dataset: fashion_mnist", "did you mean fashion-mnist? allowed: mnist, fashion-mnist, ring8, grid25"),
            ("dataset: MNIST", "did you mean mnist?"),
            ("generator: {activation: leaky-relu}", "did you mean leaky_relu? allowed: relu, leaky_relu"),
            ("model: dcgann", "did you mean dcgan?"),
            ("init: xavier", "allowed: default, dcgan"),
            ("optimizer: {name: adamw}", "did you mean adam?"),
        ]
        for (yaml, suggestion) in cases {
            let error = failure(yaml)
            XCTAssertEqual(error?.kind, .invalidValue, yaml)
            XCTAssertTrue(error?.message.hasPrefix("unknown value") ?? false, yaml)
            XCTAssertTrue(error?.hint?.hasPrefix(suggestion) ?? false, "\(yaml): \(error?.hint ?? "")")
        }
    }

    func testEpochsAndIterationsTogether() {
        let error = failure("epochs: 5\nseed: 2\niterations: 100\n")
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.keyPath, "iterations")
    }

    func testImageOnlyKeysOnMixtures() {
        let classes = failure("dataset: ring8\nclasses: [0, 1]\n")
        XCTAssertEqual(classes?.kind, .conflict)
        XCTAssertEqual(classes?.line, 11)
        XCTAssertEqual(classes?.keyPath, "classes")
        let subset = failure("dataset: grid25\nsubset: 100\n")
        XCTAssertEqual(subset?.kind, .conflict)
        XCTAssertEqual(subset?.keyPath, "subset")
    }

    func testModelMustFitTheDataset() {
        let image = failure("dataset: ring8\nmodel: dcgan\n")
        XCTAssertEqual(image?.kind, .conflict)
        XCTAssertEqual(image?.line, 11)
        XCTAssertEqual(image?.hint, "use model: mlp2d")
        let points = failure("model: mlp2d\n")
        XCTAssertEqual(points?.hint, "use model: mlp or dcgan")
    }

    func testSubsetLargerThanTheSelectedClasses() throws {
        let error = failure("classes: [0]\nsubset: 6000\n")
        XCTAssertEqual(error?.kind, .invalidValue)
        XCTAssertEqual(error?.line, 11)
        XCTAssertEqual(error?.message, "6000 is more than the 5923 training examples of classes 0 in mnist")
        XCTAssertEqual(try RunConfig.decode(yaml: "classes: [0]\nsubset: 5923", file: "p.md").subset, 5923)
    }

    /// PacGAN's code draws `pack` batches, so any batch size packs (it used to have to divide).
    func testPackNeedNotDivideTheBatch() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8\nbatch_size: 64\npack: 3", file: "p.md")
        XCTAssertEqual(config.samplesPerStep, 192)
    }
}
