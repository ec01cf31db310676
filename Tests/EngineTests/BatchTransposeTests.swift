import XCTest
@testable import Engine

final class BatchTransposeTests: XCTestCase {
    /// Sizes that hit the 4×4 blocks, the ragged edges in both directions and the 64-column chunks.
    func testBothDirectionsMatchTheDefinition() {
        defer { ComputePool.configure(threads: 1) }
        for threads in [1, 2] {
            ComputePool.configure(threads: threads)
            for n in [1, 3, 4, 5, 64, 66] {
                for r in [1, 7, 63, 64, 65, 130, 1_100] {
                    var rng = RandomGenerator(seed: UInt64(n * 10_000 + r))
                    let x = Tensor(shape: [n, r]); rng.fillNormal(x)
                    let t = Tensor(shape: [r, n])
                    BatchTranspose.toBatchLast(x.data, batch: n, rowLength: r, into: t.data)
                    var wrong = 0
                    for i in 0..<n { for j in 0..<r where t[j * n + i] != x[i * r + j] { wrong += 1 } }
                    XCTAssertEqual(wrong, 0, "toBatchLast n \(n) r \(r) threads \(threads)")

                    let period = 7
                    let bias = Tensor(shape: [(r + period - 1) / period]); rng.fillNormal(bias)
                    let back = Tensor(shape: [n, r])
                    BatchTranspose.toBatchFirst(t.data, batch: n, rowLength: r, into: back.data,
                                                bias: bias.data, biasPeriod: period)
                    wrong = 0
                    for i in 0..<n { for j in 0..<r where back[i * r + j] != x[i * r + j] + bias[j / period] { wrong += 1 } }
                    XCTAssertEqual(wrong, 0, "toBatchFirst n \(n) r \(r) threads \(threads)")

                    let plain = Tensor(shape: [n, r])
                    BatchTranspose.toBatchFirst(t.data, batch: n, rowLength: r, into: plain.data)
                    wrong = 0
                    for i in 0..<(n * r) where plain[i] != x[i] { wrong += 1 }
                    XCTAssertEqual(wrong, 0, "toBatchFirst without bias n \(n) r \(r) threads \(threads)")
                }
            }
        }
    }
}
