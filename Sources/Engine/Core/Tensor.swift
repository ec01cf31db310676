/// A float32 buffer with a shape, row-major (N×C×H×W for images, N×F for vectors).
///
/// Tensors are reference types that own their memory: layers allocate their outputs once and
/// reuse them on every step, so the training loop does not allocate. `reshape` never moves data.
public final class Tensor {
    public private(set) var shape: [Int]
    public let capacity: Int
    public let data: UnsafeMutablePointer<Float>
    /// Views share another tensor's memory and never free it.
    private let base: Tensor?
    /// True when an N×C×H×W activation holds its data batch last, [C·H·W × N] (sample n of
    /// element e at e·N + n), while `shape` still reads N×C×H×W. Only the layers between two
    /// convolutions see such tensors (`Sequential` plans where); every other tensor is row-major.
    public var isBatchLast = false

    /// Number of elements described by `shape`.
    public var count: Int { shape.reduce(1, *) }
    /// The first dimension: the batch size for activations.
    public var rows: Int { shape[0] }
    /// Elements per row (product of all dimensions after the first).
    public var rowLength: Int { shape.dropFirst().reduce(1, *) }

    public init(shape: [Int], capacity: Int? = nil) {
        let n = shape.reduce(1, *)
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.capacity = max(capacity ?? n, n, 1)
        // 64-byte alignment so vector loads line up with cache lines.
        var raw: UnsafeMutableRawPointer?
        let status = posix_memalign(&raw, 64, self.capacity * MemoryLayout<Float>.stride)
        guard status == 0, let raw else { fatalError("out of memory allocating \(self.capacity) floats") }
        data = raw.bindMemory(to: Float.self, capacity: self.capacity)
        data.initialize(repeating: 0, count: self.capacity)
        base = nil
    }

    /// A tensor that reads and writes `base`'s memory under another shape (same element count or
    /// fewer). It keeps `base` alive; neither owns the other's shape.
    public init(viewing base: Tensor, shape: [Int]) {
        let n = shape.reduce(1, *)
        precondition(n <= base.capacity, "view of \(n) elements on a tensor of capacity \(base.capacity)")
        self.shape = shape
        self.capacity = n
        self.data = base.data
        self.base = base
    }

    public convenience init(shape: [Int], values: [Float]) {
        precondition(values.count == shape.reduce(1, *), "\(values.count) values for shape \(shape)")
        self.init(shape: shape)
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit { if base == nil { free(data) } }

    /// Changes the shape in place; the element count must fit the allocation.
    public func reshape(_ newShape: [Int]) {
        let n = newShape.reduce(1, *)
        precondition(n <= capacity, "shape \(newShape) needs \(n) elements, capacity is \(capacity)")
        guard newShape.count == shape.count else { shape = newShape; return }
        // Same rank: copy the dimensions into this tensor's own array rather than share the
        // caller's, which would make the next in-place change of either copy it (an allocation).
        for i in 0..<newShape.count where shape[i] != newShape[i] { shape[i] = newShape[i] }
    }

    // Set the dimensions in place when the rank matches and they fit the allocation; false
    // (nothing changed) otherwise. Unlike `reshape`, these build no new shape array.

    func setDimensions(_ d0: Int, _ d1: Int) -> Bool {
        guard shape.count == 2, d0 * d1 <= capacity else { return false }
        if shape[0] != d0 { shape[0] = d0 }
        if shape[1] != d1 { shape[1] = d1 }
        return true
    }

    func setDimensions(_ d0: Int, _ d1: Int, _ d2: Int) -> Bool {
        guard shape.count == 3, d0 * d1 * d2 <= capacity else { return false }
        if shape[0] != d0 { shape[0] = d0 }
        if shape[1] != d1 { shape[1] = d1 }
        if shape[2] != d2 { shape[2] = d2 }
        return true
    }

    func setDimensions(_ d0: Int, _ d1: Int, _ d2: Int, _ d3: Int) -> Bool {
        guard shape.count == 4, d0 * d1 * d2 * d3 <= capacity else { return false }
        if shape[0] != d0 { shape[0] = d0 }
        if shape[1] != d1 { shape[1] = d1 }
        if shape[2] != d2 { shape[2] = d2 }
        if shape[3] != d3 { shape[3] = d3 }
        return true
    }

    public subscript(i: Int) -> Float {
        get { data[i] }
        set { data[i] = newValue }
    }

    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: data, count: count) }
    public var array: [Float] { Array(buffer) }

    public func fill(_ value: Float) { data.update(repeating: value, count: count) }
    public func zero() { fill(0) }

    public func copy(from other: Tensor) {
        precondition(other.count <= capacity)
        reshape(other.shape)
        data.update(from: other.data, count: other.count)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Returns `tensor` when it already holds `shape`'s element count, else a new tensor of that shape.
/// Layers call this on every forward so the buffer is allocated once per batch size.
@inline(__always)
func reuse(_ tensor: Tensor?, shape: [Int]) -> Tensor {
    if let t = tensor, t.capacity >= shape.reduce(1, *) {
        if t.shape != shape { t.reshape(shape) }
        return t
    }
    return Tensor(shape: shape)
}

// The same for shapes given as dimensions: a tensor of that rank that has the capacity gets its
// dimensions set in place, without building a shape array, so a training step's forwards and
// backwards allocate nothing even when the batch size alternates (D sees 128 rows, then 64).

@inline(__always)
func reuse(_ tensor: Tensor?, _ d0: Int, _ d1: Int) -> Tensor {
    if let t = tensor, t.setDimensions(d0, d1) { return t }
    return reuse(tensor, shape: [d0, d1])
}

@inline(__always)
func reuse(_ tensor: Tensor?, _ d0: Int, _ d1: Int, _ d2: Int) -> Tensor {
    if let t = tensor, t.setDimensions(d0, d1, d2) { return t }
    return reuse(tensor, shape: [d0, d1, d2])
}

@inline(__always)
func reuse(_ tensor: Tensor?, _ d0: Int, _ d1: Int, _ d2: Int, _ d3: Int) -> Tensor {
    if let t = tensor, t.setDimensions(d0, d1, d2, d3) { return t }
    return reuse(tensor, shape: [d0, d1, d2, d3])
}
