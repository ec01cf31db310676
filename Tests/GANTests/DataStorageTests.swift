import Engine
import XCTest
@testable import GAN

/// Pixels kept as bytes and read as floats; files read at their announced size.
final class DataStorageTests: XCTestCase {
    func testGzipSizeComesFromItsTrailer() throws {
        let bytes = (0..<5000).map { UInt8($0 % 7) }
        let folder = try DataTestFiles.temporaryDirectory(for: self)
        let gz = folder.appendingPathComponent("a.gz"), raw = folder.appendingPathComponent("a")
        try DataTestFiles.write(DataTestFiles.gzip(bytes), to: gz)
        try DataTestFiles.write(bytes, to: raw)
        XCTAssertEqual(CompressedFileReader.expectedSize(path: gz.path), 5000)
        XCTAssertEqual(CompressedFileReader.expectedSize(path: raw.path), 5000)
        XCTAssertEqual(try CompressedFileReader.readAll(path: gz.path), bytes)
    }

    func testFileLargerThanItsTrailerSaysIsReadWhole() throws {
        // Two gzip members: the trailer gives only the second member's size.
        let first = (0..<3000).map { UInt8($0 % 13) }, second = (0..<100).map { UInt8($0 % 5) }
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("two.gz")
        try DataTestFiles.write(DataTestFiles.gzip(first) + DataTestFiles.gzip(second), to: url)
        XCTAssertEqual(CompressedFileReader.expectedSize(path: url.path), 100)
        XCTAssertEqual(try CompressedFileReader.readAll(path: url.path), first + second)
    }

    private func pixelDataset() -> Dataset {
        let header: [UInt8] = [9, 9, 9]
        let pixels = (0..<24).map { UInt8($0 * 11) }
        return Dataset(name: .mnist, shape: .image(channels: 1, height: 2, width: 2),
                       storage: .pixels(bytes: header + pixels, offset: header.count),
                       labels: [0, 1, 2, 1, 0, 2], identity: "test", digest: "")
    }

    func testPixelsReadAsTheFloatsTheyUsedToBeStoredAs() {
        let dataset = pixelDataset()
        let unit: Float = 1 / 255
        XCTAssertEqual(dataset.allValues(), (0..<24).map { Float(UInt8($0 * 11)) * unit })
        XCTAssertEqual(dataset.example(2), (8..<12).map { Float(UInt8($0 * 11)) * unit })
        let selected = try? dataset.selecting(classes: [2], subset: nil)
        XCTAssertEqual(selected?.allValues(), dataset.example(2) + dataset.example(5))
    }

    func testBatchesAreScaledForTanhGenerators() {
        let dataset = pixelDataset()
        let sampler = BatchSampler(dataset: dataset, batchSize: 6, output: .tanh, rng: RandomGenerator(seed: 1))
        let batch = sampler.next().array
        let unit: Float = 1 / 255
        let expected = Set((0..<24).map { (Float(UInt8($0 * 11)) * unit) * 2 - 1 })
        XCTAssertEqual(Set(batch), expected, "every example once, each value v·2 − 1 of its float value v")
    }
}
