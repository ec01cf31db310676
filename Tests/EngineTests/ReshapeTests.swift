import XCTest
@testable import Engine

final class ReshapeTests: XCTestCase {
    func testReshapeKeepsValuesAndBatch() {
        let x = Tensor(shape: [2, 12], values: (0..<24).map(Float.init))
        let reshape = Reshape(to: [3, 2, 2])
        let y = reshape.forward(x, training: true)
        XCTAssertEqual(y.shape, [2, 3, 2, 2])
        XCTAssertEqual(y.array, x.array)
        XCTAssertFalse(y === x)
        XCTAssertEqual(x.shape, [2, 12], "the input keeps its shape")
        let dx = reshape.backward(y, needs: .inputOnly)!
        XCTAssertEqual(dx.shape, [2, 12])
        XCTAssertEqual(dx.array, x.array)
        XCTAssertNil(reshape.backward(y, needs: .parametersOnly))
    }

    func testFlatten() {
        let flatten = Flatten()
        XCTAssertEqual(flatten.outputShape(inputShape: [4, 3, 5, 7]), [4, 105])
        let x = Tensor(shape: [2, 3, 2, 2], values: (0..<24).map(Float.init))
        let y = flatten.forward(x, training: false)
        XCTAssertEqual(y.shape, [2, 12])
        XCTAssertEqual(y.array, x.array)
    }

    func testGradients() {
        GradientCheck().run(Reshape(to: [5, 7]), inputShape: [3, 35])
        GradientCheck().run(Flatten(), inputShape: [2, 3, 5, 7])
    }
}
