/// Runs an elementwise loop over `0..<count`, split across the pool when it is large enough
/// to pay for the hand-off (each part gets at least 32k elements).
@inline(__always)
func elementwise(_ count: Int, _ body: (Range<Int>) -> Void) {
    ComputePool.shared.forEachRange(count, alignment: 64, minimumPerPart: 32_768, body)
}
