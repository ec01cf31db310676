/// Hidden-layer activation of the generator.
public enum Activation: String, ConfigChoice {
    case relu
    /// Leaky ReLU with slope 0.2 for negative inputs.
    case leakyReLU = "leaky_relu"
}
