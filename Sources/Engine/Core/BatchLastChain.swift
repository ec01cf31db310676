/// Convolutions compute batch last ([C·H·W × N], so one product covers the whole batch). Between
/// two convolutions the activation can stay that way: the layers in between (batch norm per
/// channel, pointwise nonlinearities) do not care about the order, and two transposes per layer
/// and pass are saved. `Sequential` finds such runs once, when it is built.

/// A convolution that reads either layout and can leave its output (and expect its output
/// gradient) batch last.
public protocol BatchLastConvolution: Layer {
    /// Set by `Sequential` when the output goes to another convolution through layout-agnostic layers only.
    var emitsBatchLast: Bool { get set }
}

/// A layer whose result does not depend on the order of its input's elements beyond the
/// channel, and which gives its output (and input gradient) the layout of its input.
public protocol LayoutAgnostic: Layer {
    /// False when this instance needs row-major input (a batch norm over features, say).
    var worksBatchLast: Bool { get }
}

enum BatchLastChain {
    /// Marks each convolution whose output reaches another convolution through layout-agnostic
    /// layers only; clears the mark on every other one.
    static func plan(_ layers: [Layer], enabled: Bool) {
        for (i, layer) in layers.enumerated() {
            guard let convolution = layer as? BatchLastConvolution else { continue }
            var j = i + 1
            while j < layers.count, let agnostic = layers[j] as? LayoutAgnostic, agnostic.worksBatchLast { j += 1 }
            convolution.emitsBatchLast = enabled && j < layers.count && layers[j] is BatchLastConvolution
        }
    }
}
