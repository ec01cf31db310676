/// The generator's loss.
public enum LossKind: String, ConfigChoice {
    /// G maximises log D(G(z)): strong gradients early in training (the usual choice).
    case nonSaturating = "non-saturating"
    /// G minimises log(1 - D(G(z))), the original minimax game: gradients vanish when D wins.
    case minimax
}
