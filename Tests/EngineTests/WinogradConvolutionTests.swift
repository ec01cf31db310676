import XCTest
@testable import Engine

/// The Winograd path of the 4×4, stride-2, padding-1 layers, against direct loops (forward), the
/// im2col path (every gradient), and finite differences.
final class WinogradConvolutionTests: XCTestCase {
    /// (batch, in, out, height, width): odd grids (whole tiles past the edge), one-pixel grids,
    /// and a batch longer than the transforms' 512-lane chunks.
    private let shapes: [(Int, Int, Int, Int, Int)] = [
        (3, 16, 20, 14, 14),
        (2, 16, 16, 6, 10),
        (2, 17, 16, 2, 2),
        (1, 24, 32, 8, 4),
        (520, 16, 16, 4, 4),
    ]

    private func randomTensor(_ shape: [Int], _ rng: inout RandomGenerator) -> Tensor {
        let t = Tensor(shape: shape); rng.fillNormal(t); return t
    }

    private func worstError(_ actual: [Float], _ expected: [Double]) -> Double {
        zip(actual, expected).map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
    }

    /// Relative to the tensor's largest value: a weight gradient sums thousands of terms, whose
    /// rounding differs between the two paths.
    private func worstError(_ actual: [Float], _ expected: [Float]) -> Double {
        let scale = max(1, expected.map { abs(Double($0)) }.max() ?? 0)
        return (zip(actual, expected).map { abs(Double($0) - Double($1)) }.max() ?? 0) / scale
    }

    func testTheDCGANLayersTakeThePathAndNarrowOnesDoNot() {
        func applies(_ channels: Int, _ grid: Int, _ size: Int, kernel: Int = 4, stride: Int = 2, padding: Int = 1) -> Bool {
            let g = ConvGeometry(channels: channels, height: size, width: size, kernel: kernel, stride: stride,
                                 padding: padding)
            return WinogradConvolution.applies(to: g, gridChannels: grid)
        }
        XCTAssertTrue(applies(64, 128, 14), "D's second convolution")
        XCTAssertFalse(applies(1, 64, 28), "D's first: one input channel")
        XCTAssertFalse(applies(64, 128, 13), "odd planes")
        XCTAssertFalse(applies(64, 128, 14, kernel: 3), "another kernel")
        XCTAssertFalse(applies(64, 128, 14, padding: 0), "another padding")
        ConvolutionKernels.withWinograd(false) { XCTAssertFalse(applies(64, 128, 14), "switched off") }
        XCTAssertTrue(ConvolutionKernels.usesWinograd, "the switch is restored")
    }

    func testForwardMatchesDirectLoops() {
        var rng = RandomGenerator(seed: 11)
        for (n, c, o, h, w) in shapes where n < 100 {
            KernelUsage.reset()
            let conv = Conv2D(inChannels: c, outChannels: o, kernel: 4, stride: 2, padding: 1)
            conv.initialize(.default, rng: &rng)
            let x = randomTensor([n, c, h, w], &rng)
            let y = conv.forward(x, training: true)
            let expected = ConvolutionReference.conv(x, weight: conv.weight.value, bias: conv.bias.value, stride: 2, padding: 1)
            XCTAssertEqual(y.shape, expected.shape)
            XCTAssertLessThan(worstError(y.array, expected.values), 1e-4, "conv \(c)→\(o) on \(h)×\(w)")
            XCTAssertTrue(KernelUsage.kernels.contains(.winograd))
            XCTAssertFalse(KernelUsage.kernels.contains(.im2col))

            let convT = ConvTranspose2D(inChannels: o, outChannels: c, kernel: 4, stride: 2, padding: 1)
            convT.initialize(.default, rng: &rng)
            let grid = randomTensor([n, o, h / 2, w / 2], &rng)
            let planes = convT.forward(grid, training: true)
            let reference = ConvolutionReference.convTranspose(grid, weight: convT.weight.value, bias: convT.bias.value,
                                                               stride: 2, padding: 1, outputPadding: 0)
            XCTAssertEqual(planes.shape, reference.shape)
            XCTAssertLessThan(worstError(planes.array, reference.values), 1e-4, "convT \(o)→\(c) on \(h / 2)×\(w / 2)")
        }
    }

    /// Forward and backward of both layers, every need, overwriting and accumulating, with every
    /// combination of input layout and output layout, against the same layers on im2col.
    func testEveryGradientMatchesIm2col() {
        for (n, c, o, h, w) in shapes {
            assertWinogradMatchesIm2col(n, c, o, h, w)
        }
    }

    /// The same on two and three threads, with shapes whose products split by rows (fewer tile
    /// columns than channels) and whose weight transform splits by matrix.
    func testEveryGradientMatchesIm2colOnSeveralThreads() {
        defer { ComputePool.configure(threads: 1) }
        for threads in [2, 3] {
            ComputePool.configure(threads: threads)
            assertWinogradMatchesIm2col(8, 16, 128, 8, 8)
            assertWinogradMatchesIm2col(2, 64, 128, 14, 14)
        }
    }

    private func assertWinogradMatchesIm2col(_ n: Int, _ c: Int, _ o: Int, _ h: Int, _ w: Int,
                                             file: StaticString = #filePath, line: UInt = #line) {
        for inputBatchLast in [false, true] {
            for outputBatchLast in [false, true] {
                for transposed in [false, true] {
                    let label = "\(transposed ? "convT" : "conv") \(c)/\(o) on \(h)×\(w), batch \(n), input batch last "
                        + "\(inputBatchLast), output batch last \(outputBatchLast)"
                    let viaIm2col = ConvolutionKernels.withWinograd(false) {
                        gradients(n, c, o, h, w, transposed: transposed, inputBatchLast: inputBatchLast,
                                  outputBatchLast: outputBatchLast)
                    }
                    XCTAssertFalse(KernelUsage.kernels.contains(.winograd), label, file: file, line: line)
                    let viaWinograd = ConvolutionKernels.withWinograd(true) {
                        gradients(n, c, o, h, w, transposed: transposed, inputBatchLast: inputBatchLast,
                                  outputBatchLast: outputBatchLast)
                    }
                    XCTAssertTrue(KernelUsage.kernels.contains(.winograd), label, file: file, line: line)
                    XCTAssertEqual(viaIm2col.count, viaWinograd.count, label, file: file, line: line)
                    for (index, (a, b)) in zip(viaIm2col, viaWinograd).enumerated() {
                        XCTAssertEqual(a.count, b.count, label, file: file, line: line)
                        XCTAssertLessThan(worstError(b, a), 1e-4, "\(label), result \(index)", file: file, line: line)
                    }
                }
            }
        }
    }

    /// y, then after backward with .all overwriting: dx, dW, db; again accumulating: dx, dW, db;
    /// .inputOnly: dx; .parametersOnly: dW, db (unchanged by the input-only pass).
    private func gradients(_ n: Int, _ c: Int, _ o: Int, _ h: Int, _ w: Int, transposed: Bool,
                           inputBatchLast: Bool, outputBatchLast: Bool) -> [[Float]] {
        KernelUsage.reset()
        var rng = RandomGenerator(seed: 12)
        let layer: Layer & Initializable & BatchLastConvolution = transposed
            ? ConvTranspose2D(inChannels: o, outChannels: c, kernel: 4, stride: 2, padding: 1)
            : Conv2D(inChannels: c, outChannels: o, kernel: 4, stride: 2, padding: 1)
        layer.initialize(.default, rng: &rng)
        layer.emitsBatchLast = outputBatchLast
        let x = randomTensor(transposed ? [n, o, h / 2, w / 2] : [n, c, h, w], &rng)
        if inputBatchLast {
            // The same values, held batch last, as a preceding convolution would hand them on.
            let t = Tensor(shape: x.shape)
            BatchTranspose.toBatchLast(x.data, batch: n, rowLength: x.count / n, into: t.data)
            x.copy(from: t)
            x.isBatchLast = true
        }
        let y = layer.forward(x, training: true)
        let dy = randomTensor(y.shape, &rng)
        dy.isBatchLast = outputBatchLast
        var results = [y.array]
        for p in layer.parameters { p.gradient.fill(.nan) }
        results.append(layer.backward(dy, needs: GradientNeeds(parameters: true, input: true, accumulate: false))!.array)
        results += layer.parameters.map(\.gradient.array)
        results.append(layer.backward(dy, needs: .all)!.array)
        results += layer.parameters.map(\.gradient.array)
        results.append(layer.backward(dy, needs: .inputOnly)!.array)
        XCTAssertNil(layer.backward(dy, needs: .parametersOnly))
        results += layer.parameters.map(\.gradient.array)
        return results
    }

    func testGradientsMatchFiniteDifferences() {
        GradientCheck(samplesPerTensor: 24).run(Conv2D(inChannels: 16, outChannels: 16, kernel: 4, stride: 2, padding: 1),
                                                inputShape: [2, 16, 6, 6])
        GradientCheck(samplesPerTensor: 24).run(ConvTranspose2D(inChannels: 16, outChannels: 16, kernel: 4, stride: 2,
                                                                padding: 1),
                                                inputShape: [2, 16, 3, 3])
    }

    /// In bf16 the nine products round U and V: both layers stay within bf16's tolerance of fp32
    /// (and of the im2col path in bf16), and differ from fp32.
    func testBF16StaysCloseToFP32() throws {
        try XCTSkipUnless(BF16Kernel.available.contains(.vectors), "bf16 products need AVX512-BF16")
        var rng = RandomGenerator(seed: 13)
        let conv = Conv2D(inChannels: 64, outChannels: 128, kernel: 4, stride: 2, padding: 1)
        let convT = ConvTranspose2D(inChannels: 128, outChannels: 64, kernel: 4, stride: 2, padding: 1)
        conv.initialize(.dcgan, rng: &rng)
        convT.initialize(.dcgan, rng: &rng)
        let x = randomTensor([8, 64, 14, 14], &rng)
        let grid = randomTensor([8, 128, 7, 7], &rng)
        func outputs() -> [[Float]] { [conv.forward(x, training: true).array, convT.forward(grid, training: true).array] }
        let fp32 = outputs()
        KernelUsage.reset()
        let bf16 = BLAS.withPrecision(.bf16) { outputs() }
        XCTAssertTrue(KernelUsage.kernels.contains(.winograd))
        let bf16Im2col = ConvolutionKernels.withWinograd(false) { BLAS.withPrecision(.bf16) { outputs() } }
        for (index, reference) in fp32.enumerated() {
            let scale = reference.map { abs(Double($0)) }.max() ?? 1
            func worst(_ other: [Float]) -> Double {
                (zip(reference, other).map { abs(Double($0) - Double($1)) }.max() ?? 0) / scale
            }
            XCTAssertGreaterThan(worst(bf16[index]), 0, "bf16 rounds")
            XCTAssertLessThan(worst(bf16[index]), 2e-2, "layer \(index)")
            // Winograd in bf16 is about as far from fp32 as im2col in bf16.
            XCTAssertLessThan(worst(bf16[index]), 3 * worst(bf16Im2col[index]), "layer \(index)")
        }
    }
}
