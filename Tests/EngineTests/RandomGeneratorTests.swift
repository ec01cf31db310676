import XCTest
@testable import Engine

final class RandomGeneratorTests: XCTestCase {
    func testSameSeedSameStream() {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42), c = RandomGenerator(seed: 43)
        let sa = (0..<5).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<5).map { _ in c.next() })
    }

    func testNormalMoments() {
        var rng = RandomGenerator(seed: 1)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n { let v = Double(rng.normal()); sum += v; sumSq += v * v }
        XCTAssertEqual(sum / Double(n), 0, accuracy: 0.01)
        XCTAssertEqual(sumSq / Double(n), 1, accuracy: 0.01)
    }

    func testUniformRangeAndPermutation() {
        var rng = RandomGenerator(seed: 5)
        for _ in 0..<10_000 { let u = rng.uniform(); XCTAssertTrue(u >= 0 && u < 1) }
        XCTAssertEqual(rng.permutation(50).sorted(), Array(0..<50))
    }
}
