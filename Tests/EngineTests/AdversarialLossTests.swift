import XCTest
@testable import Engine

/// Every adversarial loss: its value against a hand computation, and its gradient against
/// central finite differences (D's loss with per-row targets over a row range, G's loss).
final class AdversarialLossTests: XCTestCase {
    private let losses: [(String, AdversarialLoss)] = [
        ("non-saturating", CrossEntropyGANLoss(minimax: false)), ("minimax", CrossEntropyGANLoss(minimax: true)),
        ("least-squares", LeastSquaresGANLoss()), ("hinge", HingeGANLoss()),
    ]

    private func logits() -> Tensor {
        // Away from the hinge's kinks at ±1 (finite differences across a kink are meaningless).
        Tensor(shape: [6, 1], values: [-2.3, -0.4, 0.3, 1.7, 0.05, -1.4])
    }

    private func checkGradient(_ name: String, _ value: (Tensor, Tensor) -> Float, rows: Range<Int>) {
        let x = logits()
        let gradient = Tensor(shape: x.shape)
        gradient.fill(.nan)
        _ = value(x, gradient)
        let h: Float = 1e-3
        for row in rows {
            let saved = x.data[row]
            let scratch = Tensor(shape: x.shape)
            x.data[row] = saved + h
            let up = Double(value(x, scratch))
            x.data[row] = saved - h
            let down = Double(value(x, scratch))
            x.data[row] = saved
            XCTAssertEqual(Double(gradient.data[row]), (up - down) / (2 * Double(h)), accuracy: 2e-3, "\(name) row \(row)")
        }
        for row in 0..<x.count where !rows.contains(row) {
            XCTAssertTrue(gradient.data[row].isNaN, "\(name): row \(row) outside the range was written")
        }
    }

    func testGradientsMatchFiniteDifferences() {
        let targets: [Float] = [1, 0.9, 0, 0.1]
        for (name, loss) in losses {
            checkGradient("\(name) D", { x, g in loss.discriminatorLoss(logits: x, rows: 1..<5, targets: targets, gradient: g) },
                          rows: 1..<5)
            checkGradient("\(name) G", { x, g in loss.generatorLoss(logits: x, gradient: g) }, rows: 0..<6)
        }
    }

    func testLeastSquaresValues() {
        let x = Tensor(shape: [2, 1], values: [0.5, -1])
        let g = Tensor(shape: [2, 1])
        // D: ½(0.5 − 1)² and ½(−1 − 0)², averaged.
        XCTAssertEqual(LeastSquaresGANLoss().discriminatorLoss(logits: x, targets: [1, 0], gradient: g), (0.125 + 0.5) / 2,
                       accuracy: 1e-6)
        // G: ½(0.5 − 1)² and ½(−1 − 1)², averaged.
        XCTAssertEqual(LeastSquaresGANLoss().generatorLoss(logits: x, gradient: g), (0.125 + 2) / 2, accuracy: 1e-6)
    }

    func testHingeValues() {
        let x = Tensor(shape: [3, 1], values: [0.5, 2, -0.5])
        let g = Tensor(shape: [3, 1])
        // D: real 0.5 → 0.5, real 2 → 0 (beyond the margin), generated −0.5 → 0.5.
        XCTAssertEqual(HingeGANLoss().discriminatorLoss(logits: x, targets: [1, 1, 0], gradient: g), 1.0 / 3, accuracy: 1e-6)
        XCTAssertEqual(g.array, [-1.0 / 3, 0, 1.0 / 3])
        // G: −mean D(G(z)).
        XCTAssertEqual(HingeGANLoss().generatorLoss(logits: x, gradient: g), -2.0 / 3, accuracy: 1e-6)
    }

    func testCrossEntropyMatchesBinaryCrossEntropy() {
        let x = logits()
        let g = Tensor(shape: x.shape)
        let bce = BinaryCrossEntropyWithLogits()
        XCTAssertEqual(CrossEntropyGANLoss(minimax: false).generatorLoss(logits: x, gradient: g),
                       bce.loss(logits: x, target: 1), accuracy: 1e-6)
        XCTAssertEqual(g.array, bce.lastGradient.array)
        XCTAssertEqual(CrossEntropyGANLoss(minimax: true).generatorLoss(logits: x, gradient: g),
                       -bce.loss(logits: x, target: 0), accuracy: 1e-6)
    }
}
