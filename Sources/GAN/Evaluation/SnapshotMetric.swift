/// A measure of a generator computed at every snapshot and at the end, from a fixed set of
/// generated samples and a real reference (both in display scale: pixels in [0, 1], raw points).
public protocol SnapshotMetric: AnyObject {
    /// The keys `measure` returns.
    var keys: [String] { get }
    func measure(generated: Snapshot, real: Snapshot) -> [String: Double]
}
