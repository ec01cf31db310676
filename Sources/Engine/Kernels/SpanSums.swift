/// Sums over one contiguous span of floats, in eight independent float lanes so the loop
/// vectorises (a single scalar accumulator would serialise on the add latency).
/// The lane order is fixed, so a span always sums the same way whatever thread runs it.
enum SpanSums {
    /// Σ p[i] for i in 0..<count.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            lanes += UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = lanes.sum()
        while i < count { total += p[i]; i += 1 }
        return total
    }

    /// Σ (p[i] − mean)² for i in 0..<count (the centred form keeps the variance accurate).
    @inline(__always)
    static func squaredDeviations(_ p: UnsafePointer<Float>, _ count: Int, from mean: Float) -> Float {
        var lanes = SIMD8<Float>()
        let centre = SIMD8<Float>(repeating: mean)
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self) - centre
            lanes += d * d
            i += 8
        }
        var total = lanes.sum()
        while i < count { let d = p[i] - mean; total += d * d; i += 1 }
        return total
    }

    /// Σ a[i] · (b[i] − mean) for i in 0..<count.
    @inline(__always)
    static func centredProducts(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int,
                                centre mean: Float) -> Float {
        var lanes = SIMD8<Float>()
        let centre = SIMD8<Float>(repeating: mean)
        var i = 0
        while i + 8 <= count {
            let va = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            let vb = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            lanes += va * (vb - centre)
            i += 8
        }
        var total = lanes.sum()
        while i < count { total += a[i] * (b[i] - mean); i += 1 }
        return total
    }
}
