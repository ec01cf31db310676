/// target[i] = a[i] · b[i] over `0..<count`, split across the pool when it is large enough to
/// pay for the hand-off (each part gets at least 32k elements). Allocates nothing.
func multiplyElementwise(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>,
                         count: Int) {
    ComputePool.shared.forEachRange(count, alignment: 64, minimumPerPart: 32_768,
                                    arguments: ElementwiseProduct(a: a, b: b, target: target),
                                    task: ElementwiseProduct.task)
}

private struct ElementwiseProduct {
    var a, b: UnsafePointer<Float>
    var target: UnsafeMutablePointer<Float>

    static let task: ComputePool.RangeTask = { raw, start, end in
        let job = raw.assumingMemoryBound(to: ElementwiseProduct.self).pointee
        for i in start..<end { job.target[i] = job.a[i] * job.b[i] }
    }
}
