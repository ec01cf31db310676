/// One snapshot of the sample grid during training.
public struct EvolutionFrame: Equatable, Sendable {
    public var iteration: Int
    public var path: String

    public init(iteration: Int, path: String) {
        self.iteration = iteration
        self.path = path
    }
}
