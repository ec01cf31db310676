/// Views of the last few tensors a layer was handed, so a layer that only reshapes does not
/// allocate on every call, even when its input alternates between two tensors (say a batch of
/// real images and the generator's output).
public struct ViewCache {
    private var entries: [(base: Tensor, view: Tensor)] = []
    private let capacity = 2

    public init() {}

    /// A tensor sharing `base`'s memory under `shape`; the same object for the same base while it fits.
    public mutating func view(of base: Tensor, shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        if let entry = entries.first(where: { $0.base === base && $0.view.capacity >= count }) {
            if entry.view.shape != shape { entry.view.reshape(shape) }
            return entry.view
        }
        let view = Tensor(viewing: base, shape: shape)
        entries.removeAll { $0.base === base }
        if entries.count == capacity { entries.removeFirst() }
        entries.append((base, view))
        return view
    }
}
