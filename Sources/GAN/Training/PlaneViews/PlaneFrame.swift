/// The one frame every 2-D picture of a run is drawn in: a square pinned to the data, so a
/// frame means the same at every snapshot. Points outside it are not dropped: pictures mark
/// them at the edge and count them.
public enum PlaneFrame {
    /// Half the side of the square: the modes' farthest coordinate plus 3 std, with half as much
    /// again around it (ring8 radius 2: about ±3.1; grid25 spacing 2: about ±6.2).
    public static func extent(of mixture: GaussianMixture) -> Double {
        let farthest = mixture.centers.map { max(abs($0.x), abs($0.y)) }.max() ?? 1
        return 1.5 * (farthest + 3 * mixture.std)
    }
}
