import Crypto

/// Decodes the training split of an image dataset and proves it is the canonical one.
enum ImageDatasetLoader {
    /// Reads, checks and converts the files of `files.dataset`.
    ///
    /// - Parameter digests: the expected digests; nil skips the check (tests on small files).
    static func load(_ files: DatasetFiles, digests: CanonicalDigests?) throws -> Dataset {
        let name = files.dataset
        let images = try IDXFile.read(path: files.trainImages, kind: .images)
        let imageDigest = SHA256.hash(data: images.bytes).hexString
        try check(imageDigest, expected: digests?.trainImages, file: files.trainImages, dataset: name)
        let labels = try IDXFile.read(path: files.trainLabels, kind: .labels)
        try check(SHA256.hash(data: labels.bytes).hexString, expected: digests?.trainLabels,
                  file: files.trainLabels, dataset: name)

        let count = images.dimensions[0]
        guard labels.dimensions[0] == count else {
            throw GANError(kind: .corruptData, file: files.trainLabels,
                           message: "holds \(labels.dimensions[0]) labels for \(count) images",
                           hint: "the image and label files come from different datasets")
        }
        return Dataset(name: name,
                       shape: .image(channels: 1, height: images.dimensions[1], width: images.dimensions[2]),
                       values: unitScaled(images.payload),
                       labels: labels.payload.map { Int($0) },
                       identity: name.identity,
                       digest: imageDigest)
    }

    /// Pixels 0...255 as floats in [0, 1]. A plain loop over buffers: 47 million pixels.
    private static func unitScaled(_ pixels: ArraySlice<UInt8>) -> [Float] {
        let scale: Float = 1 / 255
        return [Float](unsafeUninitializedCapacity: pixels.count) { output, initialized in
            pixels.withUnsafeBufferPointer { input in
                for index in 0..<input.count {
                    output[index] = Float(input[index]) * scale
                }
            }
            initialized = pixels.count
        }
    }

    private static func check(_ digest: String, expected: String?, file: String, dataset: DatasetName) throws {
        guard let expected, digest != expected else { return }
        throw GANError(kind: .unexpectedData, file: file,
                       message: "not the canonical \(dataset.rawValue): the decompressed file has SHA-256 \(digest), expected \(expected)",
                       hint: "replace it with the original file; " + DataSearchPath.howToGet(dataset))
    }
}
