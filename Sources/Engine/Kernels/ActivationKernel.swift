import CKernels
import Foundation

/// The pointwise nonlinearities over a span, forward (x → y) and backward (dy, y → dx).
///
/// The piecewise-linear ones run four lanes at a time with every load unconditional: written as
/// `out > 0 ? g : 0` the loop loads g only on one branch, which kept the compiler from
/// vectorising it. Each lane computes exactly the scalar expression it replaces.
struct ActivationKernel {
    enum Function {
        case relu
        case leakyReLU(slope: Float)
        case sigmoid
        case tanh
    }

    var function: Function
    var backward: Bool
    /// Forward: x. Backward: dy.
    var source: UnsafePointer<Float>
    /// Backward: the forward's output y (unused forward).
    var output: UnsafePointer<Float>
    /// Forward: y. Backward: dx.
    var target: UnsafeMutablePointer<Float>
    var count: Int
    /// Threads the elements are split over; set by `run`.
    var parts = 1

    /// Elements a thread should get before a split pays for the hand-off (~0.3 µs with spinning
    /// workers): a few microseconds of work.
    private var minimumPerPart: Int {
        switch function {
        case .relu, .leakyReLU: return 8_192
        case .sigmoid, .tanh: return 1_024  // an exp or tanh per element
        }
    }

    /// Runs over all `count` elements, split across the pool when each part gets enough work.
    func run(pool: ComputePool = .shared) {
        var kernel = self
        kernel.parts = min(pool.threadCount, max(1, count / minimumPerPart))
        if kernel.parts == 1 { kernel.apply(0..<count); return }
        withUnsafeMutablePointer(to: &kernel) { pool.run(ActivationKernel.task, arguments: $0) }
    }

    private static let task: ComputePool.Task = { raw, part in
        let kernel = raw.assumingMemoryBound(to: ActivationKernel.self).pointee
        guard part < kernel.parts else { return }
        let range = ComputePool.range(part: part, of: kernel.parts, count: kernel.count, alignment: 64)
        if !range.isEmpty { kernel.apply(range) }
    }

    func apply(_ range: Range<Int>) {
        if let kernel = applyWithOwnKernel(range) {
            KernelUsage.record(kernel)
            return
        }
        switch function {
        case .relu, .leakyReLU: KernelUsage.record(.swiftActivation)
        case .sigmoid, .tanh: KernelUsage.record(.swiftTranscendental)
        }
        switch (function, backward) {
        case (.relu, false): Self.relu(source, target, range)
        case (.leakyReLU(let slope), false): Self.leakyReLU(source, target, range, slope: slope)
        case (.sigmoid, false):
            for i in range { target[i] = 1 / (1 + Foundation.exp(-source[i])) }
        case (.tanh, false):
            for i in range { target[i] = Foundation.tanh(source[i]) }
        case (.relu, true): Self.reluGradient(source, output, target, range)
        case (.leakyReLU(let slope), true): Self.leakyReLUGradient(source, output, target, range, slope: slope)
        case (.sigmoid, true):
            for i in range { target[i] = source[i] * output[i] * (1 - output[i]) }
        case (.tanh, true):
            for i in range { target[i] = source[i] * (1 - output[i] * output[i]) }
        }
    }

    /// Through our C kernels where the CPU has them (AVX-512, else AVX2), returning the kernel
    /// that ran. The piecewise-linear ones match the Swift loops bit for bit; sigmoid and tanh
    /// forward use a polynomial exp (within a few ulp of libm's). Their backward passes are
    /// products the compiler vectorises, so they stay in Swift.
    private func applyWithOwnKernel(_ range: Range<Int>) -> KernelUsage.Kernel? {
        let start = range.lowerBound, count = range.count
        let slope: Float
        switch function {
        case .relu: slope = 0
        case .leakyReLU(let s): slope = s
        case .sigmoid:
            if backward { return nil }
            return ck_sigmoid_forward(count, source + start, target + start) != 0 ? .avx2Transcendental : nil
        case .tanh:
            if backward { return nil }
            return ck_tanh_forward(count, source + start, target + start) != 0 ? .avx2Transcendental : nil
        }
        if backward {
            if ck_leaky_relu_backward(count, source + start, output + start, target + start, slope) != 0 { return .ownActivation }
            if ck_leaky_relu_backward_avx2(count, source + start, output + start, target + start, slope) != 0 {
                return .avx2Activation
            }
            return nil
        }
        if ck_leaky_relu_forward(count, source + start, target + start, slope) != 0 { return .ownActivation }
        if ck_leaky_relu_forward_avx2(count, source + start, target + start, slope) != 0 { return .avx2Activation }
        return nil
    }

    private typealias V = SIMD4<Float>

    /// y = max(x, 0) (0 for x ≤ 0, as `max(x, 0)` gives).
    private static func relu(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: v.replacing(with: 0, where: v .<= 0), as: V.self)
            i += 4
        }
        while i < range.upperBound { y[i] = max(x[i], 0); i += 1 }
    }

    /// y = x > 0 ? x : x·slope.
    private static func leakyReLU(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>,
                                  slope: Float) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: (v * slope).replacing(with: v, where: v .> 0), as: V.self)
            i += 4
        }
        while i < range.upperBound { let v = x[i]; y[i] = v > 0 ? v : v * slope; i += 1 }
    }

    /// dx = y > 0 ? dy : 0.
    private static func reluGradient(_ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ d: UnsafeMutablePointer<Float>,
                                     _ range: Range<Int>) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let gv = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(d + i).storeBytes(of: V(repeating: 0).replacing(with: gv, where: yv .> 0), as: V.self)
            i += 4
        }
        while i < range.upperBound { d[i] = y[i] > 0 ? g[i] : 0; i += 1 }
    }

    /// dx = y > 0 ? dy : dy·slope.
    private static func leakyReLUGradient(_ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                                          _ d: UnsafeMutablePointer<Float>, _ range: Range<Int>, slope: Float) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let gv = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(d + i).storeBytes(of: (gv * slope).replacing(with: gv, where: yv .> 0), as: V.self)
            i += 4
        }
        while i < range.upperBound { d[i] = y[i] > 0 ? g[i] : g[i] * slope; i += 1 }
    }
}
