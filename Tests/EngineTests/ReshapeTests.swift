import XCTest
@testable import Engine

final class ReshapeTests: XCTestCase {
    func testReshapeIsAViewWithItsOwnShape() {
        let x = Tensor(shape: [2, 12], values: (0..<24).map(Float.init))
        let reshape = Reshape(to: [3, 2, 2])
        let y = reshape.forward(x, training: true)
        XCTAssertEqual(y.shape, [2, 3, 2, 2])
        XCTAssertEqual(y.array, x.array)
        XCTAssertFalse(y === x)
        XCTAssertEqual(y.data, x.data, "no copy: the output shares the input's memory")
        XCTAssertEqual(x.shape, [2, 12], "the input keeps its shape")
        let dy = Tensor(shape: [2, 3, 2, 2], values: (0..<24).map { Float($0) * 2 })
        let dx = reshape.backward(dy, needs: .inputOnly)!
        XCTAssertEqual(dx.shape, [2, 12])
        XCTAssertEqual(dx.array, dy.array)
        XCTAssertEqual(dy.shape, [2, 3, 2, 2])
        XCTAssertNil(reshape.backward(dy, needs: .parametersOnly))
    }

    func testViewsAreReusedForAlternatingInputs() {
        let reshape = Reshape(to: [4])
        let real = Tensor(shape: [3, 2, 2]), fake = Tensor(shape: [3, 2, 2])
        let first = reshape.forward(real, training: true)
        let second = reshape.forward(fake, training: true)
        XCTAssertTrue(reshape.forward(real, training: true) === first)
        XCTAssertTrue(reshape.forward(fake, training: true) === second)
        XCTAssertEqual(second.data, fake.data)
        // A smaller batch in the same buffer keeps the view, with the new shape.
        real.reshape([2, 2, 2])
        let smaller = reshape.forward(real, training: true)
        XCTAssertTrue(smaller === first)
        XCTAssertEqual(smaller.shape, [2, 4])
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
