import CKernels
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// The Adam update over one span of a parameter, four lanes at a time.
///
/// Swift lowers `squareRoot()` of a SIMD vector to one checked `sqrtf` call per lane (the check
/// guards errno for negative inputs), which made this loop compute-bound at ~1.2 ns per element;
/// `sqrtps` gives ~0.7 ns. The operations and their order are those of the scalar formula, so
/// every lane rounds exactly as `m / (√v · invRoot + ε)` computed one float at a time.
enum AdamKernel {
    /// Per-step constants: β₁, β₂, ε, lr/(1−β₁ᵗ) and 1/√(1−β₂ᵗ).
    struct Coefficients {
        var b1: Float
        var b2: Float
        var eps: Float
        var stepSize: Float
        var invRoot: Float
    }

    /// w, g, m, v [count]: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − stepSize·m / (√v·invRoot + ε).
    /// The gradient is only read.
    @inline(__always)
    static func update(_ range: Range<Int>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                       first m: UnsafeMutablePointer<Float>, second v: UnsafeMutablePointer<Float>,
                       _ k: Coefficients) {
        typealias V = SIMD4<Float>
        let b1 = V(repeating: k.b1), b2 = V(repeating: k.b2)
        let c1 = V(repeating: 1 - k.b1), c2 = V(repeating: 1 - k.b2)
        let stepSize = V(repeating: k.stepSize), invRoot = V(repeating: k.invRoot), eps = V(repeating: k.eps)
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            let mi = b1 * UnsafeRawPointer(m + i).loadUnaligned(as: V.self) + c1 * gi
            let vi = b2 * UnsafeRawPointer(v + i).loadUnaligned(as: V.self) + c2 * gi * gi
            let wi = UnsafeRawPointer(w + i).loadUnaligned(as: V.self) - stepSize * mi / (squareRoot(vi) * invRoot + eps)
            UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
            UnsafeMutableRawPointer(w + i).storeBytes(of: wi, as: V.self)
            i += 4
        }
        while i < range.upperBound {
            let gi = g[i]
            let mi = k.b1 * m[i] + (1 - k.b1) * gi
            let vi = k.b2 * v[i] + (1 - k.b2) * gi * gi
            m[i] = mi
            v[i] = vi
            w[i] -= k.stepSize * mi / (vi.squareRoot() * k.invRoot + k.eps)
            i += 1
        }
    }

    /// The update over `count` floats from each pointer: our AVX-512 kernel where the CPU has
    /// it, else our AVX2 one, else `update` (all three round alike).
    static func apply(count: Int, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                      first m: UnsafeMutablePointer<Float>, second v: UnsafeMutablePointer<Float>, _ k: Coefficients) {
        if ck_adam(count, w, g, m, v, k.b1, k.b2, k.eps, k.stepSize, k.invRoot) != 0 {
            KernelUsage.record(.ownAdam)
            return
        }
        if ck_adam_avx2(count, w, g, m, v, k.b1, k.b2, k.eps, k.stepSize, k.invRoot) != 0 {
            KernelUsage.record(.avx2Adam)
            return
        }
        KernelUsage.record(.swiftAdam)
        update(0..<count, weights: w, gradients: g, first: m, second: v, k)
    }

    @inline(__always)
    static func squareRoot(_ x: SIMD4<Float>) -> SIMD4<Float> {
        #if arch(x86_64)
        return _mm_sqrt_ps(x)
        #else
        return x.squareRoot()
        #endif
    }
}
