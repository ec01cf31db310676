/// Gives each sample a new shape with the same element count: x[N×…] → y[N×sampleShape].
///
/// The output is the layer's own tensor holding a copy of the input (and the input gradient a
/// copy of the output gradient). A shared-memory view would save the copy, but a `Tensor` owns
/// its memory, and the copy is cheap next to the layers around it: 1.6 MB for the DCGAN
/// generator's 64×6272 activations, well under 1% of its step.
public class Reshape: Layer {
    private let sampleShape: ([Int]) -> [Int]
    private var inputShape: [Int]?
    private var output: Tensor?
    private var gradInput: Tensor?

    /// `sampleShape` excludes the batch dimension, e.g. `Reshape(to: [128, 7, 7])`.
    public convenience init(to sampleShape: [Int]) {
        precondition(sampleShape.allSatisfy { $0 > 0 }, "Reshape to \(sampleShape)")
        self.init(mapping: { _ in sampleShape })
    }

    /// `mapping` takes the input's sample shape (without the batch dimension).
    init(mapping: @escaping ([Int]) -> [Int]) { self.sampleShape = mapping }

    public func outputShape(inputShape: [Int]) -> [Int] {
        let shape = [inputShape[0]] + sampleShape(Array(inputShape.dropFirst()))
        precondition(shape.reduce(1, *) == inputShape.reduce(1, *), "cannot reshape \(inputShape) to \(shape)")
        return shape
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let y = reuse(output, shape: outputShape(inputShape: x.shape))
        output = y
        inputShape = x.shape
        y.data.update(from: x.data, count: x.count)
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard needs.input else { return nil }
        guard let shape = inputShape else { preconditionFailure("Reshape.backward before forward") }
        precondition(dy.count == shape.reduce(1, *), "Reshape.backward: gradient \(dy.shape) for input \(shape)")
        let dx = reuse(gradInput, shape: shape)
        gradInput = dx
        dx.data.update(from: dy.data, count: dy.count)
        return dx
    }
}
