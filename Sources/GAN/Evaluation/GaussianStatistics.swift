/// Mean and covariance of a set of feature vectors (rows), in double precision.
public struct GaussianStatistics: Equatable, Sendable {
    public let mean: [Double]
    /// d×d row-major, normalised by n − 1 (as numpy's `cov` and the FID reference code).
    public let covariance: [Double]
    public let dimension: Int

    public init(mean: [Double], covariance: [Double]) {
        precondition(covariance.count == mean.count * mean.count, "covariance of the wrong size")
        self.mean = mean
        self.covariance = covariance
        self.dimension = mean.count
    }

    /// - Parameter features: `count` rows of `dimension` values, row after row.
    public init(features: [Float], count: Int, dimension d: Int) {
        precondition(features.count == count * d && count > 1, "\(features.count) values for \(count) rows of \(d)")
        var mean = [Double](repeating: 0, count: d)
        for row in 0..<count {
            for k in 0..<d { mean[k] += Double(features[row * d + k]) }
        }
        for k in 0..<d { mean[k] /= Double(count) }
        var cov = [Double](repeating: 0, count: d * d)
        var centred = [Double](repeating: 0, count: d)
        for row in 0..<count {
            for k in 0..<d { centred[k] = Double(features[row * d + k]) - mean[k] }
            for i in 0..<d {
                let ci = centred[i]
                if ci == 0 { continue }
                for j in i..<d { cov[i * d + j] += ci * centred[j] }
            }
        }
        for i in 0..<d {
            for j in i..<d {
                let value = cov[i * d + j] / Double(count - 1)
                cov[i * d + j] = value
                cov[j * d + i] = value
            }
        }
        self.init(mean: mean, covariance: cov)
    }
}
