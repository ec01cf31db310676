/// How a dataset holds its examples' values.
public enum ExampleStorage: Sendable {
    /// Image pixels as bytes from `offset` on (value = byte / 255): the IDX file's own bytes after
    /// its header, kept without a copy. A quarter of the memory of floats (47 MB for MNIST
    /// instead of 188 MB); batches are converted as they are drawn.
    case pixels(bytes: [UInt8], offset: Int)
    /// Values as floats (the 2-D mixtures).
    case floats([Float])

    /// Number of values stored.
    var count: Int {
        switch self {
        case let .pixels(bytes, offset): return bytes.count - offset
        case let .floats(values): return values.count
        }
    }

    /// The scale that maps a pixel byte to [0, 1].
    static let pixelScale: Float = 1 / 255

    /// target[i] = value(start + i) · scale + shift for i in 0..<count, where a pixel's value is
    /// Float(byte) · (1/255), rounded exactly as when pixels were stored as floats.
    @inline(__always)
    func write(from start: Int, count: Int, to target: UnsafeMutablePointer<Float>, scale: Float = 1, shift: Float = 0) {
        let identity = scale == 1 && shift == 0
        switch self {
        case let .pixels(bytes, offset):
            bytes.withUnsafeBufferPointer { buffer in
                let source = buffer.baseAddress! + offset + start
                let unit = ExampleStorage.pixelScale
                if identity {
                    for j in 0..<count { target[j] = Float(source[j]) * unit }
                } else {
                    for j in 0..<count { target[j] = (Float(source[j]) * unit) * scale + shift }
                }
            }
        case let .floats(values):
            values.withUnsafeBufferPointer { buffer in
                let source = buffer.baseAddress! + start
                if identity {
                    target.update(from: source, count: count)
                } else {
                    for j in 0..<count { target[j] = source[j] * scale + shift }
                }
            }
        }
    }

    /// The values of the examples at `indices` (each `size` values long), in that order.
    func selecting(_ indices: [Int], size: Int) -> ExampleStorage {
        switch self {
        case let .pixels(bytes, offset):
            var kept = [UInt8]()
            kept.reserveCapacity(indices.count * size)
            for index in indices { kept.append(contentsOf: bytes[(offset + index * size)..<(offset + (index + 1) * size)]) }
            return .pixels(bytes: kept, offset: 0)
        case let .floats(values):
            var kept = [Float]()
            kept.reserveCapacity(indices.count * size)
            for index in indices { kept.append(contentsOf: values[(index * size)..<((index + 1) * size)]) }
            return .floats(kept)
        }
    }
}
