/// One snapshot of an evolution view (sample grid, latent grid, 2-D frame) during training.
///
/// Every evolution view is marked up the same way, so the page script can move them all with one
/// step slider: a container with `data-evolution`, holding one `.evolution-frame` per snapshot
/// with `data-iteration="N"` (`experiment.mustache` shows it; the script also reads "iteration N" from
/// a frame's caption when the attribute is missing).
public struct EvolutionFrame: Equatable, Sendable {
    public var iteration: Int
    public var path: String

    public init(iteration: Int, path: String) {
        self.iteration = iteration
        self.path = path
    }
}
