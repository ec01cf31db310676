/// A trainable tensor and the gradient accumulated into it by backward passes.
public final class Parameter {
    public let name: String
    public let value: Tensor
    public let gradient: Tensor
    /// False for parameters that should not be decayed or specially initialised (biases, BN shift).
    public let isWeight: Bool

    public init(name: String, shape: [Int], isWeight: Bool) {
        self.name = name
        self.value = Tensor(shape: shape)
        self.gradient = Tensor(shape: shape)
        self.isWeight = isWeight
    }

    public var count: Int { value.count }
}
