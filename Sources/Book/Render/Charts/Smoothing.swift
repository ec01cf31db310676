/// Exponential moving average with bias correction (as TensorBoard draws it), so the smoothed
/// line starts at the first value instead of creeping up from zero.
enum Smoothing {
    /// - Parameter weight: 0 leaves the values unchanged; 0.9 averages over roughly ten points.
    static func exponentialMovingAverage(_ values: [Double], weight: Double) -> [Double] {
        precondition(weight >= 0 && weight < 1, "smoothing weight must be in [0, 1), got \(weight)")
        var average = 0.0
        var correction = 1.0
        return values.map { value in
            average = weight * average + (1 - weight) * value
            correction *= weight
            return average / (1 - correction)
        }
    }
}
