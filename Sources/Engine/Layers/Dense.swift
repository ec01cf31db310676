/// Fully connected layer: y[N×out] = x[N×in] · W[in×out] + b[out].
public final class Dense: Layer, Initializable {
    public let inputs: Int
    public let outputs: Int
    public let weight: Parameter
    public let bias: Parameter
    private var input: Tensor?
    private var output: Tensor?
    private var gradInput: Tensor?

    public init(_ inputs: Int, _ outputs: Int) {
        self.inputs = inputs
        self.outputs = outputs
        weight = Parameter(name: "dense.weight", shape: [inputs, outputs], isWeight: true)
        bias = Parameter(name: "dense.bias", shape: [outputs], isWeight: false)
    }

    public var parameters: [Parameter] { [weight, bias] }

    public func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        switch scheme {
        case .default:
            let bound = 1 / Float(inputs).squareRoot()
            rng.fillUniform(weight.value, in: -bound...bound)
            rng.fillUniform(bias.value, in: -bound...bound)
        case .dcgan:
            rng.fillNormal(weight.value, std: 0.02)
            bias.value.zero()
        }
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rowLength == inputs, "Dense expects \(inputs) features, got shape \(x.shape)")
        let n = x.rows
        let y = reuse(output, n, outputs)
        output = y
        input = x
        // y starts from the bias in every row and the product adds onto it.
        BLAS.gemm(m: n, n: outputs, k: inputs, a: x.data, lda: inputs, b: weight.value.data, ldb: outputs,
                  c: y.data, ldc: outputs, biasRow: bias.value.data)
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let x = input else { preconditionFailure("Dense.backward before forward") }
        let n = x.rows
        // dW[in×out] (+)= xᵀ[in×N] · dy[N×out], or consumed by the optimizer as it is computed.
        let update = needs.parameters ? needs.weightUpdater?.consumeGradient(of: weight) : nil
        let weightGradient = BLAS.Product(transA: true, m: inputs, n: outputs, k: n, a: x.data, lda: inputs,
                                          b: dy.data, ldb: outputs, beta: needs.accumulate ? 1 : 0,
                                          c: weight.gradient.data, ldc: outputs, adam: update)
        if needs.parameters {
            // db[out] (+)= Σ_rows dy
            ColumnSums.add(dy.data, rows: n, columns: outputs, into: bias.gradient.data, accumulate: needs.accumulate)
        }
        guard needs.input else {
            BLAS.runGradients(weight: weightGradient, input: nil, needs: needs)
            return nil
        }
        // dx[N×in] = dy[N×out] · Wᵀ[out×in]
        let dx = reuse(gradInput, shape: x.shape)
        gradInput = dx
        let inputGradient = BLAS.Product(transB: true, m: n, n: inputs, k: outputs, a: dy.data, lda: outputs,
                                         b: weight.value.data, ldb: outputs, c: dx.data, ldc: inputs)
        BLAS.runGradients(weight: weightGradient, input: inputGradient, needs: needs)
        return dx
    }

    /// Independent: each output row depends on its own input row alone.
    public var isSampleIndependent: Bool { true }

    public func outputShape(inputShape: [Int]) -> [Int] { [inputShape[0], outputs] }

    public func forwardFLOPs(inputShape: [Int]) -> Int { 2 * inputShape[0] * inputs * outputs }
}
