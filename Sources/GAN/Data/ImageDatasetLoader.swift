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
        // The pixels stay in the file's own byte array, after its header: no copy, no floats.
        return Dataset(name: name,
                       shape: .image(channels: 1, height: images.dimensions[1], width: images.dimensions[2]),
                       storage: .pixels(bytes: images.bytes, offset: images.headerSize),
                       labels: labels.payload.map { Int($0) },
                       identity: name.identity,
                       digest: imageDigest)
    }

    private static func check(_ digest: String, expected: String?, file: String, dataset: DatasetName) throws {
        guard let expected, digest != expected else { return }
        throw GANError(kind: .unexpectedData, file: file,
                       message: "not the canonical \(dataset.rawValue): the decompressed file has SHA-256 \(digest), expected \(expected)",
                       hint: "replace it with the original file; " + DataSearchPath.howToGet(dataset))
    }
}
