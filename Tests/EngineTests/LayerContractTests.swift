import Foundation
import XCTest

/// `isSampleIndependent` has no default: a layer that does not say whether it mixes samples does
/// not compile (it would otherwise be paired in D's step as if it did not). Checked by
/// type-checking small sources against the built Engine module.
final class LayerContractTests: XCTestCase {
    private static let layerBody = """
        func forward(_ input: Tensor, training: Bool) -> Tensor { input }
        func backward(_ gradOutput: Tensor, needs: GradientNeeds) -> Tensor? { nil }
        func outputShape(inputShape: [Int]) -> [Int] { inputShape }
        """

    func testLayerMustStateWhetherItIsSampleIndependent() throws {
        let silent = try typecheck("import Engine\nfinal class Mixer: Layer {\n\(Self.layerBody)\n}\n")
        XCTAssertNotEqual(silent.status, 0, "a layer without isSampleIndependent compiled")
        XCTAssertTrue(silent.output.contains("isSampleIndependent"), silent.output)
        let explicit = try typecheck("import Engine\nfinal class Mixer: Layer {\n\(Self.layerBody)\n"
            + "    var isSampleIndependent: Bool { false }\n}\n")
        XCTAssertEqual(explicit.status, 0, explicit.output)
    }

    /// Runs `swiftc -typecheck` on `source` with the build's modules; skips where they are not at hand.
    private func typecheck(_ source: String) throws -> (status: Int32, output: String) {
        let bundle = Bundle(for: Self.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        let buildFolder = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("Modules/Engine.swiftmodule").path)
        } ?? bundle
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let modules = buildFolder.appendingPathComponent("Modules")
        let kernelsMap = buildFolder.appendingPathComponent("CKernels.build/module.modulemap")
        let blasMap = repository.appendingPathComponent("Sources/CBLAS/module.modulemap")
        let files = FileManager.default
        guard files.fileExists(atPath: modules.appendingPathComponent("Engine.swiftmodule").path),
              files.fileExists(atPath: kernelsMap.path), files.fileExists(atPath: blasMap.path) else {
            throw XCTSkip("the Engine module is not beside the test bundle (\(buildFolder.path))")
        }
        let folder = files.temporaryDirectory.appendingPathComponent("ganbook-layer-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: folder) }
        let file = folder.appendingPathComponent("probe.swift")
        try Data(source.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-I", modules.path,
                             "-Xcc", "-fmodule-map-file=\(blasMap.path)", "-Xcc", "-fmodule-map-file=\(kernelsMap.path)",
                             "-module-cache-path", folder.appendingPathComponent("cache").path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0, output.contains("No such file") || output.contains("not found") {
            throw XCTSkip("swiftc is not available: \(output)")
        }
        return (process.terminationStatus, output)
    }
}
