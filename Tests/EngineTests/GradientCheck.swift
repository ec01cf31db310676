import XCTest
@testable import Engine

/// Finite-difference check of a layer's backward pass.
///
/// The scalar checked is L = Σ rᵢ·yᵢ for a fixed random r, so dL/dy = r. Each input element and
/// parameter element sampled is nudged by ±h and the central difference compared with the
/// analytical gradient; the forward is computed in float, the difference in double.
struct GradientCheck {
    var step: Float = 1e-2
    var tolerance: Double = 2e-2
    var samplesPerTensor = 40
    var training = true

    func run(_ layer: Layer, inputShape: [Int], seed: UInt64 = 7, file: StaticString = #filePath, line: UInt = #line,
             makeInput: ((inout RandomGenerator, Tensor) -> Void)? = nil) {
        var rng = RandomGenerator(seed: seed)
        let x = Tensor(shape: inputShape)
        if let makeInput { makeInput(&rng, x) } else { rng.fillNormal(x) }
        for p in layer.parameters where p.value.array.allSatisfy({ $0 == 0 }) {
            rng.fillNormal(p.value, std: 0.5)  // zero-initialised parameters would hide mistakes
        }
        let y0 = layer.forward(x, training: training)
        let r = Tensor(shape: y0.shape)
        rng.fillNormal(r)

        for p in layer.parameters { p.gradient.zero() }
        _ = layer.forward(x, training: training)
        guard let dx = layer.backward(r, needs: .all) else { return XCTFail("no input gradient", file: file, line: line) }
        let analyticInput = dx.array
        let analyticParams = layer.parameters.map { $0.gradient.array }

        func loss() -> Double {
            let y = layer.forward(x, training: training)
            var total: Double = 0
            for i in 0..<y.count { total += Double(y.data[i]) * Double(r.data[i]) }
            return total
        }
        func check(_ tensor: Tensor, _ analytic: [Float], _ name: String) {
            var pick = RandomGenerator(seed: seed &+ 99)
            let indices = tensor.count <= samplesPerTensor ? Array(0..<tensor.count)
                : (0..<samplesPerTensor).map { _ in pick.integer(below: tensor.count) }
            for i in indices {
                let saved = tensor.data[i]
                tensor.data[i] = saved + step; let up = loss()
                tensor.data[i] = saved - step; let down = loss()
                tensor.data[i] = saved
                let numeric = (up - down) / (2 * Double(step))
                let error = abs(numeric - Double(analytic[i])) / max(1, abs(numeric), abs(Double(analytic[i])))
                XCTAssertLessThan(error, tolerance, "\(name)[\(i)]: numeric \(numeric), analytic \(analytic[i])",
                                  file: file, line: line)
            }
        }
        check(x, analyticInput, "input")
        for (p, analytic) in zip(layer.parameters, analyticParams) { check(p.value, analytic, p.name) }
    }
}
