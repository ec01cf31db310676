@testable import GAN

/// A small seeded generator (SplitMix64), so every fuzz case can be replayed from its seed.
struct FuzzRandom: RandomNumberGenerator {
    private var source: SplitMix64

    init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 { source.next() }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }
}
