/// SHA-256 digests (lowercase hex) of the decompressed IDX files of a canonical dataset, as
/// published with the data (see the datasets README).
public struct CanonicalDigests: Equatable, Sendable {
    public let trainImages: String
    public let trainLabels: String
    public let testImages: String
    public let testLabels: String

    public static let mnist = CanonicalDigests(
        trainImages: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        trainLabels: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        testImages: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        testLabels: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")

    public static let fashionMNIST = CanonicalDigests(
        trainImages: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        trainLabels: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        testImages: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        testLabels: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")

    /// The digests of an image dataset; nil for the generated 2-D mixtures.
    public static func of(_ dataset: DatasetName) -> CanonicalDigests? {
        switch dataset {
        case .mnist: return .mnist
        case .fashionMNIST: return .fashionMNIST
        case .ring8, .grid25: return nil
        }
    }
}
