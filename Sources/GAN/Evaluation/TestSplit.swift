import Foundation

/// The test split of an image dataset (`t10k-*` beside the training files): what the classifier's
/// accuracy and the real reference statistics of `fcd` are measured on. Never trained on.
public enum TestSplit {
    public static let imagesName = "t10k-images-idx3-ubyte"
    public static let labelsName = "t10k-labels-idx1-ubyte"

    public static func load(_ name: DatasetName, search: DataSearchPath) throws -> Dataset {
        let folder = try search.locate(name).folder
        func existing(_ base: String) throws -> String {
            for candidate in [base + ".gz", base] {
                let path = (folder as NSString).appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: path) { return path }
            }
            throw GANError(kind: .datasetMissing, file: (folder as NSString).appendingPathComponent(base),
                           message: "the test split of \(name.rawValue) is missing (the classifier that evaluates image runs is measured on it)",
                           hint: "put \(base).gz beside the training files; " + DataSearchPath.howToGet(name))
        }
        let imagesPath = try existing(imagesName), labelsPath = try existing(labelsName)
        return try DatasetCache.shared.dataset(for: "test|\(name.rawValue)|\(imagesPath)") {
            let images = try IDXFile.read(path: imagesPath, kind: .images)
            let labels = try IDXFile.read(path: labelsPath, kind: .labels)
            guard labels.dimensions[0] == images.dimensions[0] else {
                throw GANError(kind: .corruptData, file: labelsPath,
                               message: "holds \(labels.dimensions[0]) labels for \(images.dimensions[0]) images",
                               hint: "the image and label files come from different datasets")
            }
            return Dataset(name: name, shape: .image(channels: 1, height: images.dimensions[1], width: images.dimensions[2]),
                           storage: .pixels(bytes: images.bytes, offset: images.headerSize),
                           labels: labels.payload.map { Int($0) }, identity: name.identity,
                           digest: SHA256.hash(data: images.bytes).hexString)
        }
    }
}
