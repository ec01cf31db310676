/// x[N×C×H×W] (or any rank) → y[N×(C·H·W)], a view of the input (see `Reshape`).
public final class Flatten: Reshape {
    public init() { super.init(mapping: { [$0.reduce(1, *)] }) }
}
