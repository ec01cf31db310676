extension BLAS {
    /// The arguments of one `gemm` call (no bias row), for `gemmPair`.
    struct Product {
        var transA = false, transB = false
        var m, n, k: Int
        var alpha: Float = 1
        var a: UnsafePointer<Float>, lda: Int
        var b: UnsafePointer<Float>, ldb: Int
        var beta: Float = 0
        var c: UnsafeMutablePointer<Float>, ldc: Int
        /// C is the gradient of these weights: apply their Adam step in the product instead of storing C
        /// (`gemmAdam`; alpha must be 1 and beta 0).
        var adam: AdamInStore?

        init(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float = 0,
             c: UnsafeMutablePointer<Float>, ldc: Int, adam: AdamInStore? = nil) {
            precondition(adam == nil || (alpha == 1 && beta == 0), "Adam in the store takes C = op(A)·op(B)")
            self.adam = adam
            self.transA = transA; self.transB = transB
            self.m = m; self.n = n; self.k = k; self.alpha = alpha
            self.a = a; self.lda = lda; self.b = b; self.ldb = ldb
            self.beta = beta; self.c = c; self.ldc = ldc
        }

        var flops: Int { 2 * m * n * k }

        func run(pool: ComputePool) {
            if let adam {
                BLAS.gemmAdam(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                              gradient: c, ldc: ldc, update: adam, pool: pool)
                return
            }
            BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                      beta: beta, c: c, ldc: ldc, pool: pool)
        }

        func runSingle() {
            BLAS.single(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        }
    }

    /// Two independent products (say a layer's weight gradient and its input gradient). On two
    /// threads each thread takes one whole product: both run at single-thread speed, with none
    /// of the cost of splitting a product (each half packing the shared operand, narrower
    /// blocks). Otherwise they run one after the other, each split as `gemm` splits it. The
    /// products must not write what the other reads, nor update weights (`adam`).
    static func gemmPair(_ first: Product, _ second: Product, pool: ComputePool = .shared) {
        _ = singleThreaded
        precondition(first.adam == nil && second.adam == nil, "a product that updates weights is not paired")
        guard runsSideBySide(first.flops, second.flops, productFLOPs: first.flops, pool: pool),
              first.n > 1, second.n > 1 else {
            first.run(pool: pool)
            second.run(pool: pool)
            return
        }
        var pair = (first, second)
        withUnsafeMutablePointer(to: &pair) { pool.run(pairTask, arguments: $0) }
    }

    /// Whether two independent jobs of `first` and `second` FLOPs run side by side, one whole job
    /// per thread: on a two-thread pool, when they weigh within 2× of each other and their
    /// products (`productFLOPs` each) are big enough to be worth a thread. The rule of `gemmPair`
    /// and of `runGradientBatches` alike.
    static func runsSideBySide(_ first: Int, _ second: Int, productFLOPs: Int, pool: ComputePool) -> Bool {
        pool.threadCount == 2 && min(first, second) * 2 >= max(first, second) && productFLOPs >= 500_000
    }

    /// A layer's backward products: the weight gradient when `needs.parameters`, the input
    /// gradient when one is given, side by side (`gemmPair`) when both run.
    /// A weight gradient that updates its weights (`Product.adam`) runs after the input gradient,
    /// which reads the weights as they were; each is split across the pool (not paired: the
    /// update in the product, split by rows of the weights, measured faster on two threads than
    /// pairing the two products and running Adam after).
    static func runGradients(weight: Product, input: Product?, needs: GradientNeeds) {
        if needs.parameters, weight.adam != nil {
            input?.run(pool: .shared)
            weight.run(pool: .shared)
            return
        }
        switch (needs.parameters, input) {
        case (true, let input?): gemmPair(weight, input)
        case (true, nil): weight.run(pool: .shared)
        case (false, let input?): input.run(pool: .shared)
        case (false, nil): break
        }
    }

    private static let pairTask: ComputePool.Task = { raw, part in
        let pair = raw.assumingMemoryBound(to: (Product, Product).self).pointee
        if part == 0 { pair.0.runSingle() } else if part == 1 { pair.1.runSingle() }
    }
}
