import Foundation

/// Maps data values onto an axis: linear, or logarithmic (base 10) for data spanning decades.
struct AxisScale: Equatable {
    /// Domain ends in data units.
    let lower: Double
    let upper: Double
    let isLogarithmic: Bool

    init(lower: Double, upper: Double, isLogarithmic: Bool) {
        precondition(lower < upper, "axis domain must not be empty: [\(lower), \(upper)]")
        precondition(!isLogarithmic || lower > 0, "a logarithmic axis needs a positive domain")
        self.lower = lower
        self.upper = upper
        self.isLogarithmic = isLogarithmic
    }

    /// Position of `value` along the axis, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        (transform(value) - transform(lower)) / (transform(upper) - transform(lower))
    }

    /// Whether a value can be drawn at all on this axis.
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (!isLogarithmic || value > 0)
    }

    /// The space in which the axis is linear (and in which smoothing is done).
    func transform(_ value: Double) -> Double {
        isLogarithmic ? log10(value) : value
    }

    func inverse(_ value: Double) -> Double {
        isLogarithmic ? pow(10, value) : value
    }

    /// True when all values are positive and they span more than two decades: a linear axis
    /// would squash everything but the first spike into a flat line.
    static func prefersLogarithmic(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0 else { return false }
        return log10(high / low) > 2
    }
}
