/// An optimizer that can take a weight gradient inside the product that computes it.
///
/// Adam is memory-bound: its pass reads the gradient, weights and both moments back from L3.
/// Applied in the product's store instead, the gradient never goes to memory at all.
public protocol GradientConsumer: AnyObject {
    /// How to update `parameter` this step from its gradient, or nil when this optimizer does not
    /// own it. Once handed out, the parameter counts as updated: the caller must apply it, and a
    /// later `update(_:)` of this step skips the parameter.
    func consumeGradient(of parameter: Parameter) -> AdamInStore?
}

/// One parameter's Adam step, to be applied where its gradient is computed: the weights and
/// both moments (laid out as the gradient, row-major with `leadingDimension`) and the step's
/// constants.
public struct AdamInStore {
    public var weights: UnsafeMutablePointer<Float>
    public var first: UnsafeMutablePointer<Float>
    public var second: UnsafeMutablePointer<Float>
    public var leadingDimension: Int
    var coefficients: AdamKernel.Coefficients

    /// The same step for the block of columns (or rows) starting at `offset` elements in.
    func advanced(by offset: Int) -> AdamInStore {
        AdamInStore(weights: weights + offset, first: first + offset, second: second + offset,
                    leadingDimension: leadingDimension, coefficients: coefficients)
    }
}
