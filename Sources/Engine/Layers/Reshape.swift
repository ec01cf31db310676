/// Gives each sample a new shape with the same element count: x[N×…] → y[N×sampleShape].
///
/// No data moves: the output is a view, its own tensor object with the new shape over the input's
/// memory (and the input gradient a view of the output gradient). So the output is only valid
/// while the input is: in a `Sequential`, until the previous layer's next forward.
public class Reshape: Layer {
    private let sampleShape: ([Int]) -> [Int]
    private var inputShape: [Int]?
    private var lastOutputShape: [Int]?
    private var outputs = ViewCache()
    private var gradInputs = ViewCache()

    /// `sampleShape` excludes the batch dimension, e.g. `Reshape(to: [128, 7, 7])`.
    public convenience init(to sampleShape: [Int]) {
        precondition(sampleShape.allSatisfy { $0 > 0 }, "Reshape to \(sampleShape)")
        self.init(mapping: { _ in sampleShape })
    }

    /// `mapping` takes the input's sample shape (without the batch dimension).
    init(mapping: @escaping ([Int]) -> [Int]) { self.sampleShape = mapping }

    /// Independent: a new view of each sample's values.
    public var isSampleIndependent: Bool { true }

    public func outputShape(inputShape: [Int]) -> [Int] {
        let shape = [inputShape[0]] + sampleShape(Array(inputShape.dropFirst()))
        precondition(shape.reduce(1, *) == inputShape.reduce(1, *), "cannot reshape \(inputShape) to \(shape)")
        return shape
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        // Building the output shape allocates: keep it while the input shape stays the same.
        if inputShape != x.shape || lastOutputShape == nil {
            lastOutputShape = outputShape(inputShape: x.shape)
            inputShape = x.shape
        }
        return outputs.view(of: x, shape: lastOutputShape!)
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard needs.input else { return nil }
        guard let shape = inputShape else { preconditionFailure("Reshape.backward before forward") }
        precondition(dy.count == shape.reduce(1, *), "Reshape.backward: gradient \(dy.shape) for input \(shape)")
        return gradInputs.view(of: dy, shape: shape)
    }
}
