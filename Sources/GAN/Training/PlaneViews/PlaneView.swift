/// GAN Lab's views of the 2-D plane at one snapshot (Kahng et al. 2018), as numbers: D's decision
/// surface, G's gradients on some of its samples and, when z is 2-D, G's manifold. Every view is
/// over the run's one frame, the square [−extent, extent]² (`PlaneFrame`), so frames line up.
public struct PlaneView: Equatable, Sendable {
    public var iteration: Int
    /// Half the side of the frame.
    public var extent: Double
    /// Cells per side of `surface`.
    public var surfaceSide: Int
    /// σ(D(x)) at the centre of each cell, row by row from the top (y = +extent) and left to right.
    /// With packing, D judges a pack of m copies of x.
    public var surface: [Float]
    /// Generated points (x, y pairs) whose gradient is drawn: the first of the snapshot's samples.
    public var arrowOrigins: [Float]
    /// −∇ₓL_G at each of `arrowOrigins` (dx, dy pairs): where G's loss pushes each sample. Per sample,
    /// i.e. not divided by the number of samples as the batch mean's gradient would be.
    public var arrows: [Float]
    /// Points per side of the z grid whose image is `manifold`; 0 when z is not 2-D.
    public var manifoldSide: Int
    /// G(z) (x, y pairs) for z on a regular grid over [−zExtent, zExtent]², row by row from z₂ high
    /// to low, z₁ low to high; empty when z is not 2-D.
    public var manifold: [Float]

    public init(iteration: Int, extent: Double, surfaceSide: Int, surface: [Float], arrowOrigins: [Float],
                arrows: [Float], manifoldSide: Int, manifold: [Float]) {
        precondition(surface.count == surfaceSide * surfaceSide && arrows.count == arrowOrigins.count
                     && manifold.count == 2 * manifoldSide * manifoldSide, "plane view sizes do not match")
        self.iteration = iteration
        self.extent = extent
        self.surfaceSide = surfaceSide
        self.surface = surface
        self.arrowOrigins = arrowOrigins
        self.arrows = arrows
        self.manifoldSide = manifoldSide
        self.manifold = manifold
    }

    /// The z grid of the manifold covers [−zExtent, zExtent]² (about 99% of N(0, I)'s mass per axis).
    public static let zExtent: Float = 2.5
}
