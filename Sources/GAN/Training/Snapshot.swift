/// Generated samples at one moment of training, in display scale: pixel values in [0, 1] for
/// images (N × C × H × W), raw coordinates for 2-D points (N × 2).
public struct Snapshot: Equatable {
    public var iteration: Int
    public var count: Int
    public var sampleShape: [Int]
    public var values: [Float]

    public var isImage: Bool { sampleShape.count == 3 }
}
