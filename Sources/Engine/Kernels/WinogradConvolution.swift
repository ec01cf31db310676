import CKernels
import Foundation
import Synchronization

/// The 4×4, stride-2, padding-1 convolution (the DCGAN's 64 ↔ 128-channel layers) by Winograd
/// F(2×2, 2×2): 9 multiplies per 2×2 output tile and (output, input phase channel) instead of
/// the 16 of im2col, so each of its products takes 9·4 = 36 where im2col takes 49 per 7×7 grid
/// (the grid's odd edge rounds up to whole tiles). The transforms are adds over a pixel's N
/// lanes (`ck_wino_*`, winograd.c); the products are nine GEMMs each (`BLAS.Batch`).
///
/// Planes x[C×H×W×N] (H = 2·OH) are the convolution's input, the grid y[O×OH×OW×N] its output:
/// Conv2D convolves planes into the grid; ConvTranspose2D, its adjoint, the grid into planes.
/// Matrices: V[9][4C][L] (planes), M[9][O][L] (grid), U[9][O][4C] (weights), L = tiles·N; the
/// planes' and grid's nine lie `planeStride` and `gridStride` floats apart (see winograd.c).
struct WinogradConvolution {
    let geometry: ConvGeometry
    /// O: the grid's channels.
    let gridChannels: Int
    let batch: Int

    /// Whether a convolution of this shape takes this path: the geometry above and at least 16
    /// channels on both sides (a one-channel layer's products are too thin to gain), unless
    /// `ConvolutionKernels` has it switched off. In fp32 and bf16 runs alike (bf16 rounds the
    /// transformed operands, U and V, as it rounds im2col's columns).
    static func applies(to g: ConvGeometry, gridChannels: Int) -> Bool {
        ConvolutionKernels.usesWinograd && g.kernel == 4 && g.stride == 2 && g.padding == 1
            && g.height == 2 * g.outHeight && g.width == 2 * g.outWidth
            && g.channels >= 16 && gridChannels >= 16
    }

    /// 4C: the rows of the planes' matrices.
    var planeRows: Int { 4 * geometry.channels }
    /// L = T·N: the columns of the planes' and grid's matrices.
    var columns: Int { (geometry.outHeight + 1) / 2 * ((geometry.outWidth + 1) / 2) * batch }

    /// Floats from one of the nine matrices to the next (a layer holds each set as 9 × stride):
    /// the planes' and grid's with winograd.c's 64-byte offset, the weights' without gaps.
    var planeStride: Int { ck_wino_matrix_stride(planeRows, columns) }
    var gridStride: Int { ck_wino_matrix_stride(gridChannels, columns) }
    var weightStride: Int { gridChannels * planeRows }

    // MARK: Transforms

    /// u ← w[O×C×4×4].
    func transformWeights(_ w: UnsafePointer<Float>, into u: UnsafeMutablePointer<Float>) {
        run(.weights, from: w, to: u)
    }

    /// dw[O×C×4×4] ← du's weight gradient + beta·dw.
    func weightGradient(_ du: UnsafePointer<Float>, beta: Float, into dw: UnsafeMutablePointer<Float>) {
        ck_wino_weight_gradient(du, gridChannels, geometry.channels, beta, dw)
    }

    /// v ← planes x.
    func transformPlanes(_ x: UnsafePointer<Float>, into v: UnsafeMutablePointer<Float>) {
        run(.planes, from: x, to: v)
    }

    /// y (the grid) ← m.
    func grid(fromTiles m: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        run(.grid, from: m, to: y)
    }

    /// dm ← the grid's gradient dy.
    func transformGridGradient(_ dy: UnsafePointer<Float>, into dm: UnsafeMutablePointer<Float>) {
        run(.gridGradient, from: dy, to: dm)
    }

    /// Planes dx ← initial[c] (or 0) + dv's plane gradient.
    func planes(fromTileGradient dv: UnsafePointer<Float>, initial: UnsafePointer<Float>? = nil,
                into dx: UnsafeMutablePointer<Float>) {
        run(.planeGradient, from: dv, to: dx, initial: initial)
    }

    // MARK: Products

    /// M = U·V: the grid's tiles from the planes'.
    func forwardProducts(u: UnsafePointer<Float>, v: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>) -> BLAS.Batch {
        let rows = gridChannels, k = planeRows, l = columns
        return BLAS.Batch(product: BLAS.Product(m: rows, n: l, k: k, a: u, lda: k, b: v, ldb: l, c: m, ldc: l),
                          count: 9, strideA: rows * k, strideB: planeStride, strideC: gridStride)
    }

    /// dU = dM·Vᵀ: the weights' tile gradient.
    func weightProducts(dm: UnsafePointer<Float>, v: UnsafePointer<Float>, du: UnsafeMutablePointer<Float>) -> BLAS.Batch {
        let rows = gridChannels, k = planeRows, l = columns
        return BLAS.Batch(product: BLAS.Product(transB: true, m: rows, n: k, k: l, a: dm, lda: l, b: v, ldb: l,
                                                c: du, ldc: k),
                          count: 9, strideA: gridStride, strideB: planeStride, strideC: rows * k)
    }

    /// dV = Uᵀ·dM: the planes' tile gradient.
    func planeProducts(u: UnsafePointer<Float>, dm: UnsafePointer<Float>, dv: UnsafeMutablePointer<Float>) -> BLAS.Batch {
        let rows = gridChannels, k = planeRows, l = columns
        return BLAS.Batch(product: BLAS.Product(transA: true, m: k, n: l, k: rows, a: u, lda: k, b: dm, ldb: l,
                                                c: dv, ldc: l),
                          count: 9, strideA: rows * k, strideB: gridStride, strideC: planeStride)
    }

    // MARK: Splitting the transforms across the pool

    private enum Transform { case planes, grid, gridGradient, planeGradient, weights }

    private struct Job {
        var transform: Transform
        var geometry: ConvGeometry
        var gridChannels: Int
        var batch: Int
        var from: UnsafePointer<Float>
        var to: UnsafeMutablePointer<Float>
        var initial: UnsafePointer<Float>?
    }

    /// Threads take disjoint channels (each a whole plane or grid channel; for the weights, whole
    /// matrices ξ), so each output float is written by one thread in one fixed order.
    private func run(_ transform: Transform, from: UnsafePointer<Float>, to: UnsafeMutablePointer<Float>,
                     initial: UnsafePointer<Float>? = nil) {
        KernelUsage.record(.winograd)
        let units: Int
        switch transform {
        case .planes, .planeGradient: units = geometry.channels
        case .grid, .gridGradient: units = gridChannels
        case .weights: units = 9
        }
        let perChannel = transform == .weights ? weightStride : max(1, geometry.gridSize * batch * 9 / 4)
        ComputePool.shared.forEachRange(units, minimumPerPart: max(1, 32_768 / perChannel),
                                        arguments: Job(transform: transform, geometry: geometry, gridChannels: gridChannels, batch: batch,
                                                       from: from, to: to, initial: initial),
                                        task: WinogradConvolution.task)
    }

    private static let task: ComputePool.RangeTask = { raw, start, end in
        let job = raw.assumingMemoryBound(to: Job.self).pointee
        let g = job.geometry, oh = g.outHeight, ow = g.outWidth, n = job.batch
        switch job.transform {
        case .planes: ck_wino_input(job.from, g.channels, oh, ow, n, start, end, job.to)
        case .grid: ck_wino_output(job.from, job.gridChannels, oh, ow, n, start, end, job.to)
        case .gridGradient: ck_wino_grid_gradient(job.from, job.gridChannels, oh, ow, n, start, end, job.to)
        case .planeGradient: ck_wino_plane_gradient(job.from, g.channels, oh, ow, n, job.initial, start, end, job.to)
        case .weights: ck_wino_weights(job.from, job.gridChannels, g.channels, start, end, job.to)
        }
    }
}

/// Which convolution kernels run. Winograd by default; off with GANBOOK_CONV=im2col, to compare.
public enum ConvolutionKernels {
    private static let winogradOn = Atomic<Bool>(ProcessInfo.processInfo.environment["GANBOOK_CONV"] != "im2col")

    /// Whether the 4×4, stride-2, padding-1 convolutions run by Winograd (`WinogradConvolution`).
    public static var usesWinograd: Bool { winogradOn.load(ordering: .relaxed) }

    /// Runs `body` with Winograd on or off, then restores the setting before (for tests).
    public static func withWinograd<T>(_ on: Bool, _ body: () throws -> T) rethrows -> T {
        let before = winogradOn.exchange(on, ordering: .relaxed)
        defer { winogradOn.store(before, ordering: .relaxed) }
        return try body()
    }
}
