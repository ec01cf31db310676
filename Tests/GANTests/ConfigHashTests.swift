import XCTest
import Yams
@testable import GAN

final class ConfigHashTests: XCTestCase {
    private func decode(_ yaml: String) throws -> RunConfig {
        // A page's display-only keys are the caller's: accepted, never hashed.
        try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 1, handledKeys: ["id", "caption"])
    }

    func testCanonicalJSONOfASmallConfig() throws {
        let config = try decode("dataset: ring8\niterations: 100\nid: ring\ncaption: A ring")
        XCTAssertEqual(config.canonicalJSON, #"""
            {"batch_size":64,"d_optimizer":{"beta1":0.5,"beta2":0.999,"eps":1e-8,"lr":0.0002,"name":"adam"},\#
            "d_steps":1,"dataset":{"name":"ring8","radius":2,"std":0.02},"discriminator":{"batchnorm":false,"dropout":0,"hidden":[128,128],\#
            "minibatch_discrimination":0},"freeze_generator":false,"generator":{"activation":"relu",\#
            "batchnorm":false,"hidden":[128,128],"output":"linear"},"init":"default","instance_noise":0,\#
            "iterations":100,"label_flip":0,"label_smoothing":1,"log_every":50,"loss":"non-saturating",\#
            "model":"mlp2d","optimizer":{"beta1":0.5,"beta2":0.999,"eps":1e-8,"lr":0.0002,"name":"adam"},\#
            "pack":1,"pretrain_d":0,"seed":1,"snapshots":10,"z_dim":2}
            """#)
    }

    func testCanonicalJSONHoldsOnlyTheKeysOfTheModelAndOptimizer() throws {
        let json = try decode("model: dcgan\noptimizer: sgd\nclasses: [3]\nsubset: 100").canonicalJSON
        XCTAssertTrue(json.contains(#""generator":{"activation":"relu","batchnorm":true,"channels":[128,64],"kernel":4,"output":"tanh"}"#), json)
        XCTAssertTrue(json.contains(#""optimizer":{"lr":0.01,"momentum":0,"name":"sgd"}"#), json)
        XCTAssertTrue(json.contains(#""classes":[3]"#), json)
        XCTAssertTrue(json.contains(#""subset":100"#), json)
        XCTAssertTrue(json.contains(#""epochs":20"#), json)
        XCTAssertFalse(json.contains("hidden"), json)
    }

    func testPrettyJSONHoldsNoDisplayKeys() throws {
        let pretty = try decode("dataset: grid25\nid: grid\ncaption: \"Twenty-five \\\"modes\\\"\"").prettyJSON
        XCTAssertTrue(pretty.hasPrefix("{\n  \"batch_size\": 64,\n  \"d_optimizer\": {\n"), pretty)
        XCTAssertFalse(pretty.contains("caption"), pretty)
        XCTAssertTrue(pretty.contains("\n  \"discriminator\": {\n    \"batchnorm\": false,\n"), pretty)
        XCTAssertTrue(pretty.contains("\"hidden\": [128, 128],"), pretty)
        XCTAssertFalse(pretty.contains("\"id\""), pretty)
        XCTAssertTrue(pretty.hasSuffix("\n  \"z_dim\": 2\n}\n"), pretty)
    }

    func testOverridesReplaceTheWrittenValueAndCreateMissingSections() throws {
        let written = try decode("dataset: ring8\nseed: 1\ndiscriminator: {hidden: [64]}")
        let seed = ConfigOverride(path: ["seed"], value: Node("7"))
        let dropout = ConfigOverride(path: ["discriminator", "dropout"], value: Node("0.4"))
        let swept = try RunConfig.decode(yaml: "dataset: ring8\nseed: 1\ndiscriminator: {hidden: [64]}", file: "p.md",
                                         overrides: [seed, dropout])
        XCTAssertEqual(swept.seed, 7)
        XCTAssertEqual(swept.discriminator.dropout, 0.4)
        XCTAssertEqual(swept.discriminator.hidden, [64])
        let direct = try decode("dataset: ring8\nseed: 7\ndiscriminator: {hidden: [64], dropout: 0.4}")
        XCTAssertEqual(swept.runHash, direct.runHash)
        XCTAssertNotEqual(swept.runHash, written.runHash)
        let learningRate = ConfigOverride(path: ["optimizer", "lr"], value: Node("0.001"))
        XCTAssertEqual(try RunConfig.decode(yaml: "dataset: ring8", file: "p.md", overrides: [learningRate]).optimizer.lr, 0.001)
    }

    func testNumberNormalisation() {
        XCTAssertEqual(ConfigJSON.normalised(2e-4), "0.0002")
        XCTAssertEqual(ConfigJSON.normalised(0.0002), "0.0002")
        XCTAssertEqual(ConfigJSON.normalised(1e-8), "1e-8")
        XCTAssertEqual(ConfigJSON.normalised(1.5e-10), "1.5e-10")
        XCTAssertEqual(ConfigJSON.normalised(1.0), "1")
        XCTAssertEqual(ConfigJSON.normalised(-0.0), "0")
        XCTAssertEqual(ConfigJSON.normalised(-0.5), "-0.5")
        XCTAssertEqual(ConfigJSON.normalised(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(ConfigJSON.normalised(1e20), "1e20")
    }

    func testSameRunSameHash() throws {
        let reference = try decode("dataset: mnist\nepochs: 5\noptimizer: {lr: 0.0002}")
        let spellings = [
            "epochs: 5",
            "optimizer: {lr: 2e-4}\nepochs: 5",
            "optimizer: {lr: 2.0e-4, beta1: 0.5, name: adam}\nepochs: 5\ndataset: mnist",
            "epochs: 5\nmodel: mlp\nbatch_size: 64\nseed: 1\nlabel_smoothing: 1.0\ngenerator: {hidden: [256, 512, 1024]}",
            "epochs: 5\nid: first\ncaption: Shown but not hashed",
            "epochs: 5\nd_optimizer: {lr: 0.0002, beta2: 0.999}",
            "epochs: 5\nclasses: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]",
        ]
        for yaml in spellings {
            let config = try decode(yaml)
            XCTAssertEqual(config.canonicalJSON, reference.canonicalJSON, yaml)
            XCTAssertEqual(config.runHash, reference.runHash, yaml)
        }
    }

    func testDifferentRunDifferentHash() throws {
        let reference = try decode("epochs: 5").runHash
        for yaml in ["epochs: 5\noptimizer: {lr: 0.0003}", "epochs: 6", "iterations: 5", "epochs: 5\nseed: 2",
                     "epochs: 5\nd_optimizer: {lr: 0.0004}", "epochs: 5\ndataset: fashion-mnist",
                     "epochs: 5\nclasses: [1, 0]"] {
            XCTAssertNotEqual(try decode(yaml).runHash, reference, yaml)
        }
    }

    /// fp32 is the default and leaves the canonical JSON (so every earlier hash) as it was;
    /// bf16 is one more hashed key.
    func testPrecisionIsHashedOnlyWhenItIsBF16() throws {
        let plain = try decode("dataset: ring8")
        let written = try decode("dataset: ring8\nprecision: fp32")
        XCTAssertEqual(written.precision, .fp32)
        XCTAssertEqual(written.canonicalJSON, plain.canonicalJSON)
        XCTAssertFalse(plain.canonicalJSON.contains("precision"), plain.canonicalJSON)
        let half = try decode("dataset: ring8\nprecision: bf16")
        XCTAssertEqual(half.precision, .bf16)
        XCTAssertTrue(half.canonicalJSON.contains(#""precision":"bf16""#), half.canonicalJSON)
        XCTAssertNotEqual(half.runHash, plain.runHash)
        XCTAssertEqual(try decode("precision: bf16\ndataset: ring8").runHash, half.runHash)
    }

    func testHashInputLayout() throws {
        let config = try decode("dataset: mnist")
        XCTAssertEqual(config.hashInput(),
                       config.canonicalJSON + "\nmnist train-images-sha256:ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db\nresults-format:2")
        XCTAssertEqual(config.runHash.count, 64)
        XCTAssertTrue(config.runHash.allSatisfy { "0123456789abcdef".contains($0) })
        XCTAssertNotEqual(config.hashInput(resultsFormat: 1), config.hashInput())
    }

    func testRunHashIsSHA256OfTheHashInput() throws {
        // SHA-256("abc"), the FIPS 180-2 test vector, checks the hex encoding used by runHash.
        XCTAssertEqual(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The FIPS 180-2 vectors for the empty message and a million "a" (several blocks), from libcrypto.
        XCTAssertEqual(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash(data: [UInt8](repeating: 97, count: 1_000_000)).hexString,
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let config = try decode("dataset: grid25")
        XCTAssertEqual(config.runHash, sha256Hex(config.hashInput()))
    }
}

private func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).bytes.map { String(format: "%02x", $0) }.joined()
}
