/// The adversarial loss: G's loss and D's matching loss (`loss:`).
public enum LossKind: String, ConfigChoice {
    /// G maximises log D(G(z)): strong gradients early in training (the usual choice). D: cross-entropy.
    case nonSaturating = "non-saturating"
    /// G minimises log(1 - D(G(z))), the original minimax game: gradients vanish when D wins.
    /// D: cross-entropy.
    case minimax
    /// LSGAN (Mao et al. 2017): D minimises ½(D(x) − 1)² + ½D(G(z))², G minimises ½(D(G(z)) − 1)².
    case leastSquares = "least-squares"
    /// Hinge loss (Lim & Ye 2017; Miyato et al. 2018): D minimises max(0, 1 − D(x)) +
    /// max(0, 1 + D(G(z))), G minimises −D(G(z)).
    case hinge

    /// Whether the loss is later than the original GAN paper (Goodfellow et al. 2014).
    public var isLaterThanOriginal: Bool { self == .leastSquares || self == .hinge }
}
