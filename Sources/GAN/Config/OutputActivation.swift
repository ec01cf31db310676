/// The generator's output non-linearity.
public enum OutputActivation: String, ConfigChoice {
    /// Outputs in (0, 1): matches images scaled to [0, 1].
    case sigmoid
    /// Outputs in (-1, 1): the trainer rescales real images to [-1, 1] to match.
    case tanh
    /// No non-linearity: for 2-D points (model mlp2d only).
    case linear
}
