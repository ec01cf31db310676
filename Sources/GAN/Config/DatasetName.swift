/// The datasets a run can train on.
public enum DatasetName: String, ConfigChoice {
    /// MNIST handwritten digits, 28×28 gray, 60,000 training images.
    case mnist
    /// Fashion-MNIST clothing images, 28×28 gray, 60,000 training images.
    case fashionMNIST = "fashion-mnist"
    /// 8 Gaussians evenly spaced on a circle of radius 2 (2-D points).
    case ring8
    /// 25 Gaussians on a 5×5 grid (2-D points).
    case grid25

    /// Whether samples are 28×28 images (as opposed to 2-D points).
    public var isImage: Bool {
        switch self {
        case .mnist, .fashionMNIST: return true
        case .ring8, .grid25: return false
        }
    }

    /// Number of training examples of each class 0-9, for image datasets: lets a config be
    /// checked (`subset` against `classes`) without the data files.
    public var trainingClassCounts: [Int]? {
        switch self {
        case .mnist: return [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
        case .fashionMNIST: return Array(repeating: 6000, count: 10)
        case .ring8, .grid25: return nil
        }
    }
}
