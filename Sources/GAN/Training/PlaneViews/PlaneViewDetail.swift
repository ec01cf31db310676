/// How finely a run's plane views are measured: full detail for up to 20 snapshots, coarser
/// beyond, so a 2-D entry with 100 snapshots stays well under 1 MB.
public struct PlaneViewDetail: Equatable, Sendable {
    /// Cells per side of D's surface.
    public var surfaceSide: Int
    /// Samples whose gradient arrow is measured (fewer when packs of that many do not fit).
    public var arrowSamples: Int
    /// Points per side of the z grid of G's manifold.
    public var manifoldSide: Int

    public static let full = PlaneViewDetail(surfaceSide: 32, arrowSamples: 64, manifoldSide: 11)
    public static let coarse = PlaneViewDetail(surfaceSide: 16, arrowSamples: 32, manifoldSide: 9)
    /// Snapshots up to which views are measured in full.
    public static let fullUpTo = 20

    public static func forSnapshots(_ count: Int) -> PlaneViewDetail { count <= fullUpTo ? .full : .coarse }
}
