/// How a model's parameters start out.
public enum WeightInit: String, CaseIterable, Sendable {
    /// PyTorch's defaults: weights and biases U(-1/√fanIn, 1/√fanIn); BN scale 1, shift 0.
    case `default`
    /// Radford et al. (DCGAN): weights N(0, 0.02), biases 0; BN scale N(1, 0.02), shift 0.
    case dcgan
}

/// Layers with parameters set their own initial values; the rest ignore the call.
public protocol Initializable {
    func initialize(_ scheme: WeightInit, rng: inout RandomGenerator)
}

public extension Sequential {
    /// Initialises every layer that has parameters, in order, from one generator.
    func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        for layer in layers { (layer as? Initializable)?.initialize(scheme, rng: &rng) }
    }
}
