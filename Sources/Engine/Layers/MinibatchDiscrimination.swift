import Foundation

/// Minibatch discrimination (Salimans et al. 2016, "Improved Techniques for Training GANs"):
/// lets D see how close each sample is to the rest of its batch, which penalises a generator that
/// collapses onto a few modes.
///
/// M[N × B·D] = x[N × A] · T[A × B·D], read as B kernels of D dimensions per sample;
/// c_b(i, j) = exp(−‖M_i,b − M_j,b‖₁); o_b(i) = Σ_{j ≠ i} c_b(i, j); y[N × (A + B)] = [x, o].
/// A sample is not compared with itself: including it would only add the constant exp(0) = 1 to
/// every feature. With a batch of one, o = 0.
public final class MinibatchDiscrimination: Layer, Initializable {
    public let inFeatures: Int
    public let kernels: Int
    public let kernelDim: Int
    /// T[A × B·D]
    public let tensor: Parameter

    private var input: Tensor?
    private var output: Tensor?
    private var gradInput: Tensor?
    /// M[N × B·D]
    private var projected: Tensor?
    /// c[N × N × B], symmetric in its first two indices; the diagonal is unused.
    private var closeness: Tensor?
    /// dL/dM[N × B·D]
    private var gradProjected: Tensor?
    /// Per row i, the weight (do_b(i) + do_b(j))·c_b(i, j) of the current pair spread over each kernel's D entries.
    private var pairWeights: Tensor?

    public init(inFeatures: Int, kernels: Int, kernelDim: Int) {
        precondition(inFeatures > 0 && kernels > 0 && kernelDim > 0,
                     "MinibatchDiscrimination(inFeatures: \(inFeatures), kernels: \(kernels), kernelDim: \(kernelDim))")
        self.inFeatures = inFeatures
        self.kernels = kernels
        self.kernelDim = kernelDim
        tensor = Parameter(name: "minibatch.T", shape: [inFeatures, kernels * kernelDim], isWeight: true)
    }

    public var parameters: [Parameter] { [tensor] }

    /// T is initialised like a Dense weight of the same shape: U(±1/√A) by default, N(0, 0.02) for DCGAN.
    public func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        switch scheme {
        case .default:
            let bound = 1 / Float(inFeatures).squareRoot()
            rng.fillUniform(tensor.value, in: -bound...bound)
        case .dcgan:
            rng.fillNormal(tensor.value, std: 0.02)
        }
    }

    public func outputShape(inputShape: [Int]) -> [Int] { [inputShape[0], inFeatures + kernels] }

    public func forwardFLOPs(inputShape: [Int]) -> Int { 2 * inputShape[0] * inFeatures * kernels * kernelDim }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rowLength == inFeatures, "MinibatchDiscrimination expects \(inFeatures) features, got \(x.shape)")
        let n = x.rows, a = inFeatures, b = kernels, d = kernelDim, width = b * d
        let m = reuse(projected, n, width)
        let c = reuse(closeness, n, n, b)
        let y = reuse(output, n, a + b)
        projected = m; closeness = c; output = y
        input = x

        // M[N × B·D] = x[N × A] · T[A × B·D]
        BLAS.gemm(m: n, n: width, k: a, a: x.data, lda: a, b: tensor.value.data, ldb: width, c: m.data, ldc: width)

        let job = Batch(n: n, a: a, b: b, d: d, m: m.data, c: c.data, x: x.data, y: y.data)
        // Each pair once: row i's thread fills c[i, j, ·] and c[j, i, ·] for j > i. Rows are dealt
        // round-robin so the shrinking rows of the triangle balance out; every entry has one writer.
        // (Jobs go to the pool as structs by pointer: a closure would be allocated on each call.)
        var pairs = job
        pairs.parts = n * n * width >= 32_768 ? ComputePool.shared.threadCount : 1
        if pairs.parts <= 1 {
            pairs.fillCloseness(part: 0)
        } else {
            withUnsafeMutablePointer(to: &pairs) { ComputePool.shared.run(Batch.closenessTask, arguments: $0) }
        }
        // y = [x, o] with o_b(i) = Σ_{j ≠ i} c[i, j, b], summed in order of j.
        ComputePool.shared.forEachRange(n, minimumPerPart: max(1, 32_768 / max(n * b, 1)), arguments: job,
                                        task: Batch.outputTask)
        return y
    }

    /// dL/dM_i,b,e = −Σ_{j ≠ i} (do_b(i) + do_b(j)) · c_b(i, j) · sign(M_i,b,e − M_j,b,e): M_i enters o(i)
    /// through c(i, j) and every o(j) through c(j, i) = c(i, j). Then dT += xᵀ · dM, dx = dy[:, :A] + dM · Tᵀ.
    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let x = input, let m = projected, let c = closeness else {
            preconditionFailure("MinibatchDiscrimination.backward before forward")
        }
        let n = x.rows, a = inFeatures, b = kernels, d = kernelDim, width = b * d
        precondition(dy.shape == [n, a + b], "MinibatchDiscrimination.backward: gradient \(dy.shape) for output \([n, a + b])")
        guard needs.parameters || needs.input else { return nil }
        let dm = reuse(gradProjected, n, width)
        let weights = reuse(pairWeights, n, width)
        gradProjected = dm; pairWeights = weights
        var job = Batch(n: n, a: a, b: b, d: d, m: m.data, c: c.data, x: x.data, y: nil)
        job.dy = UnsafePointer(dy.data); job.dm = dm.data; job.pairWeights = weights.data
        ComputePool.shared.forEachRange(n, minimumPerPart: max(1, 32_768 / max(n * width, 1)), arguments: job,
                                        task: Batch.gradientTask)
        let g = dy.data, dmp = dm.data
        if needs.parameters {
            // dT[A × B·D] (+)= xᵀ[A × N] · dM[N × B·D]
            BLAS.gemm(transA: true, m: a, n: width, k: n, a: x.data, lda: a, b: dmp, ldb: width,
                      beta: needs.accumulate ? 1 : 0, c: tensor.gradient.data, ldc: width)
        }
        guard needs.input else { return nil }
        let dx = reuse(gradInput, shape: x.shape)
        gradInput = dx
        // dx[N × A] = dy[:, :A] + dM[N × B·D] · Tᵀ[B·D × A]
        for i in 0..<n { (dx.data + i * a).update(from: g + i * (a + b), count: a) }
        BLAS.gemm(transB: true, m: n, n: a, k: width, a: dmp, lda: width, b: tensor.value.data, ldb: width,
                  beta: 1, c: dx.data, ldc: a)
        return dx
    }

    /// Each sample's features depend on the whole batch.
    public var isSampleIndependent: Bool { false }

}
