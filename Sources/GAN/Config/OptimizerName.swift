/// The optimizer algorithm.
public enum OptimizerName: String, ConfigChoice {
    /// Adam with `lr`, `beta1`, `beta2`, `eps`.
    case adam
    /// Stochastic gradient descent with `lr` and `momentum`.
    case sgd
}
