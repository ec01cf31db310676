import Engine

/// What one GAN iteration measured, for the metrics log. Gradient norms are filled only on
/// iterations that asked for them (they cost an extra pass over every gradient).
public struct StepStatistics: Equatable {
    public var lossG: Float = 0
    public var lossDReal: Float = 0
    public var lossDFake: Float = 0
    /// Mean σ(D(x)) on the real batch.
    public var dReal: Float = 0
    /// Mean σ(D(G(z))) on the generated batch, before D's update.
    public var dFake: Float = 0
    /// ‖∂L_G/∂θ_G‖.
    public var gradNormG: Double = 0
    /// ‖∂L_G/∂θ_D‖: how hard G's loss pulls on D.
    public var gradNormD: Double = 0
    /// ‖∂L_D/∂θ_D‖.
    public var gradNormDLoss: Double = 0
    /// Mean and standard deviation of the generated and the real batch (the model's scale).
    public var fakeMean: Double = 0, fakeStd: Double = 0
    public var realMean: Double = 0, realStd: Double = 0
}

/// Mean and (population) standard deviation of a tensor's elements.
func meanAndStandardDeviation(_ tensor: Tensor) -> (mean: Double, std: Double) {
    var sum: Double = 0, sumSquares: Double = 0
    for i in 0..<tensor.count { let v = Double(tensor.data[i]); sum += v; sumSquares += v * v }
    let n = Double(max(tensor.count, 1))
    let mean = sum / n
    return (mean, max(sumSquares / n - mean * mean, 0).squareRoot())
}
