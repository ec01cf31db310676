/// How the weights of both networks are initialised.
public enum WeightInit: String, ConfigChoice {
    /// The layers' own default initialisation (PyTorch-style uniform fan-in).
    case `default`
    /// DCGAN paper: weights N(0, 0.02), batch-norm gamma N(1, 0.02), biases and beta 0.
    case dcgan
}
