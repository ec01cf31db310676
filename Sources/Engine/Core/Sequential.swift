/// Layers applied in order; backward runs them in reverse.
public final class Sequential: Layer {
    public let layers: [Layer]

    /// `batchLastBetweenConvolutions`: convolutions hand their output to the next convolution
    /// batch last where only layout-agnostic layers lie between them (off: every layer sees
    /// row-major tensors, to compare the two).
    public init(_ layers: [Layer], batchLastBetweenConvolutions: Bool = true) {
        self.layers = layers
        BatchLastChain.plan(layers, enabled: batchLastBetweenConvolutions)
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        var x = input
        for layer in layers { x = layer.forward(x, training: training) }
        return x
    }

    public var isSampleIndependent: Bool { layers.allSatisfy(\.isSampleIndependent) }

    /// Only the first layer may skip its input gradient; inner layers always pass one back.
    public func backward(_ gradOutput: Tensor, needs: GradientNeeds) -> Tensor? {
        backward(gradOutput, needs: needs) { _ in }
    }

    /// The backward pass, calling `afterEach(i)` once layer `i` is done with its own backward (its
    /// parameter gradients are complete and its parameters no longer read), last layer first.
    /// An optimizer can update that layer there, while its gradients are still in cache.
    public func backward(_ gradOutput: Tensor, needs: GradientNeeds, afterEach: (Int) -> Void) -> Tensor? {
        var grad: Tensor? = gradOutput
        var i = layers.count
        while i > 0 {
            i -= 1
            var inner = needs
            inner.input = i > 0 || needs.input
            grad = layers[i].backward(grad!, needs: inner)
            afterEach(i)
        }
        return grad
    }

    public func outputShape(inputShape: [Int]) -> [Int] {
        layers.reduce(inputShape) { $1.outputShape(inputShape: $0) }
    }

    public func forwardFLOPs(inputShape: [Int]) -> Int {
        var shape = inputShape, total = 0
        for layer in layers {
            total += layer.forwardFLOPs(inputShape: shape)
            shape = layer.outputShape(inputShape: shape)
        }
        return total
    }

    /// FLOPs of a backward pass with these needs: parameter gradients cost one forward's worth
    /// of products, the input gradient another (the first layer's only when asked).
    public func backwardFLOPs(inputShape: [Int], needs: GradientNeeds) -> Int {
        var shape = inputShape, total = 0
        for (i, layer) in layers.enumerated() {
            let flops = layer.forwardFLOPs(inputShape: shape)
            if needs.parameters && !layer.parameters.isEmpty { total += flops }
            if i > 0 || needs.input { total += flops }
            shape = layer.outputShape(inputShape: shape)
        }
        return total
    }
}
