/// The located training files of an image dataset.
public struct DatasetFiles: Equatable, Sendable {
    public static let trainImagesName = "train-images-idx3-ubyte"
    public static let trainLabelsName = "train-labels-idx1-ubyte"

    public let dataset: DatasetName
    /// The dataset's folder, e.g. `/usr/share/datasets/fashion-mnist`.
    public let folder: String
    /// Path of the training images, `.gz` or raw.
    public let trainImages: String
    /// Path of the training labels, `.gz` or raw.
    public let trainLabels: String
}
