import Foundation

/// An axis domain with the tick values and labels to draw on it.
struct AxisTicks: Equatable {
    let scale: AxisScale
    let values: [Double]
    let labels: [String]

    /// Round ticks on a linear axis with steps of 1, 2 or 5 times a power of ten.
    /// - Parameter expand: widen the domain out to the nearest ticks (value axes); when false
    ///   the domain stays as given and only ticks inside it are kept (the iteration axis).
    static func linear(lower: Double, upper: Double, targetCount: Int = 5, expand: Bool) -> AxisTicks {
        precondition(lower.isFinite && upper.isFinite && lower <= upper, "bad axis range [\(lower), \(upper)]")
        var (low, high) = (lower, upper)
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let step = niceStep(for: (high - low) / Double(max(targetCount, 1)))
        // A small tolerance so 0.30000000000000004 still counts as the tick 0.3.
        let tolerance = 1e-9
        var first = Int((low / step - tolerance).rounded(.up))
        var last = Int((high / step + tolerance).rounded(.down))
        if expand {
            first = Int((low / step + tolerance).rounded(.down))
            last = Int((high / step - tolerance).rounded(.up))
            (low, high) = (Double(first) * step, Double(last) * step)
        }
        let values = first <= last ? (first...last).map { Double($0) * step } : []
        return AxisTicks(scale: AxisScale(lower: low, upper: high, isLogarithmic: false),
                         values: values, labels: values.map { TickLabel.format($0, step: step) })
    }

    /// Ticks at powers of ten, the domain widened to whole decades; every second (third, …)
    /// decade when there are many.
    static func logarithmic(lower: Double, upper: Double) -> AxisTicks {
        precondition(lower > 0 && lower.isFinite && upper.isFinite && lower <= upper,
                     "bad logarithmic axis range [\(lower), \(upper)]")
        let tolerance = 1e-9
        let lowExponent = Int((log10(lower) + tolerance).rounded(.down))
        var highExponent = Int((log10(upper) - tolerance).rounded(.up))
        if highExponent == lowExponent { highExponent += 1 }
        let stride = max(1, (highExponent - lowExponent + 5) / 6)
        let exponents = Swift.stride(from: lowExponent, through: highExponent, by: stride).map { $0 }
        return AxisTicks(scale: AxisScale(lower: pow(10, Double(lowExponent)), upper: pow(10, Double(highExponent)),
                                          isLogarithmic: true),
                         values: exponents.map { pow(10, Double($0)) },
                         labels: exponents.map(TickLabel.powerOfTen))
    }

    /// The 1-2-5 step closest to `rough`.
    static func niceStep(for rough: Double) -> Double {
        precondition(rough > 0 && rough.isFinite, "tick step must be positive, got \(rough)")
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let multiplier: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return multiplier * magnitude
    }
}
