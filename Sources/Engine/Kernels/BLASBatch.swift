extension BLAS {
    /// `count` products of one shape whose operands lie `strideA`, `strideB`, `strideC` floats
    /// apart (a Winograd convolution's nine). One hand-off to the pool for all of them: each
    /// thread takes its block of every product's columns (or rows), so no product is split
    /// differently from `gemm`'s split and the results do not depend on how they are batched.
    struct Batch {
        var product: Product
        var count: Int
        var strideA, strideB, strideC: Int

        var flops: Int { product.flops * count }

        /// The product `index` of the batch.
        func member(_ index: Int) -> Product {
            var p = product
            p.a += index * strideA
            p.b += index * strideB
            p.c += index * strideC
            return p
        }

        /// Every product, split across the pool by C's longer side.
        func run(pool: ComputePool = .shared) {
            _ = BLAS.singleThreaded
            if product.m == 0 || product.n == 0 { return }
            let byColumns = product.n >= product.m
            let parts = pool.threadCount > 1 && product.flops >= 500_000
                ? min(pool.threadCount, max(1, (byColumns ? product.n : product.m) / 16)) : 1
            var job = (batch: self, byColumns: byColumns, parts: parts)
            if parts <= 1 {
                for index in 0..<count { member(index).runSingle() }
                return
            }
            withUnsafeMutablePointer(to: &job) { pool.run(Batch.splitTask, arguments: $0) }
        }

        /// Every product on the calling thread.
        func runSingle() {
            for index in 0..<count { member(index).runSingle() }
        }

        private static let splitTask: ComputePool.Task = { raw, part in
            let job = raw.assumingMemoryBound(to: (batch: Batch, byColumns: Bool, parts: Int).self).pointee
            guard part < job.parts else { return }
            let p = job.batch.product
            let range = ComputePool.range(part: part, of: job.parts, count: job.byColumns ? p.n : p.m, alignment: 16)
            if range.isEmpty { return }
            let start = range.lowerBound
            for index in 0..<job.batch.count {
                let q = job.batch.member(index)
                if job.byColumns {
                    BLAS.single(q.transA, q.transB, q.m, range.count, q.k, q.alpha, q.a, q.lda,
                                q.transB ? q.b + start * q.ldb : q.b + start, q.ldb, q.beta, q.c + start, q.ldc)
                } else {
                    BLAS.single(q.transA, q.transB, range.count, q.n, q.k, q.alpha, q.transA ? q.a + start : q.a + start * q.lda,
                                q.lda, q.b, q.ldb, q.beta, q.c + start * q.ldc, q.ldc)
                }
            }
        }
    }

    /// A layer's backward batches, as `runGradients` runs single products: each thread takes one
    /// whole batch when both run and `runsSideBySide` says so; else each batch is split across
    /// the pool in turn.
    static func runGradientBatches(weight: Batch, input: Batch?, needs: GradientNeeds, pool: ComputePool = .shared) {
        _ = singleThreaded
        let weight = needs.parameters ? weight : nil
        guard let first = weight ?? input else { return }
        guard let second = weight == nil ? nil : input else {
            first.run(pool: pool)
            return
        }
        guard runsSideBySide(first.flops, second.flops, productFLOPs: first.product.flops, pool: pool) else {
            first.run(pool: pool)
            second.run(pool: pool)
            return
        }
        var pair = (first, second)
        withUnsafeMutablePointer(to: &pair) { pool.run(pairTask, arguments: $0) }
    }

    private static let pairTask: ComputePool.Task = { raw, part in
        let pair = raw.assumingMemoryBound(to: (Batch, Batch).self).pointee
        if part == 0 { pair.0.runSingle() } else if part == 1 { pair.1.runSingle() }
    }
}
