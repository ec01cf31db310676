import Foundation

/// An axis domain with the tick values and labels to draw on it.
///
/// Total over Double: any bounds give a drawable axis (NaN ignored, infinities and magnitudes
/// beyond `limit` pinned to it, bounds in either order), so a diverged or damaged run's numbers
/// render instead of trapping.
struct AxisTicks: Equatable {
    let scale: AxisScale
    let values: [Double]
    let labels: [String]

    /// Largest magnitude an axis reaches: far beyond any real metric, and small enough that the
    /// domain's width (up to 2 × limit) and its padding stay finite.
    static let limit = 1e300
    /// More ticks than this means the step underflowed against the bounds; the axis then shows its ends.
    static let maximumTickCount = 1000

    /// Round ticks on a linear axis with steps of 1, 2 or 5 times a power of ten.
    /// - Parameter expand: widen the domain out to the nearest ticks (value axes); when false
    ///   the domain stays as given and only ticks inside it are kept (the iteration axis).
    static func linear(lower: Double, upper: Double, targetCount: Int = 5, expand: Bool) -> AxisTicks {
        var (low, high) = domain(lower, upper, within: -limit...limit, empty: (0, 1))
        if low == high {
            // Below 1e-300 a tenth of the value might round away: widen by 1 instead.
            let pad = abs(low) < 1 / limit ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let step = niceStep(for: (high - low) / Double(min(max(targetCount, 1), 100)))
        // A small tolerance so 0.30000000000000004 still counts as the tick 0.3.
        let tolerance = 1e-9
        let indexRange = -(1 << 53)...(1 << 53)
        var first = WholeNumber.clamped(low / step - tolerance, to: indexRange, rounding: .up) ?? 0
        var last = WholeNumber.clamped(high / step + tolerance, to: indexRange, rounding: .down) ?? 0
        if expand {
            first = WholeNumber.clamped(low / step + tolerance, to: indexRange, rounding: .down) ?? 0
            last = WholeNumber.clamped(high / step - tolerance, to: indexRange, rounding: .up) ?? 0
            let (expandedLow, expandedHigh) = (Double(first) * step, Double(last) * step)
            if expandedLow < expandedHigh, expandedLow.isFinite, expandedHigh.isFinite {
                (low, high) = (expandedLow, expandedHigh)
            }
        }
        guard last - first <= maximumTickCount else {
            return AxisTicks(scale: AxisScale(lower: low, upper: high, isLogarithmic: false), values: [low, high],
                             labels: [low, high].map { TickLabel.format($0, step: high - low) })
        }
        let values = first <= last ? (first...last).map { Double($0) * step } : []
        return AxisTicks(scale: AxisScale(lower: low, upper: high, isLogarithmic: false),
                         values: values, labels: values.map { TickLabel.format($0, step: step) })
    }

    /// Ticks at powers of ten, the domain widened to whole decades; every second (third, …)
    /// decade when there are many. Bounds that are not positive are left out.
    static func logarithmic(lower: Double, upper: Double) -> AxisTicks {
        let positive = [lower, upper].filter { $0 > 0 }
        let (low, high) = domain(positive.min() ?? .nan, positive.max() ?? .nan,
                                 within: (1 / limit)...limit, empty: (1, 10))
        let tolerance = 1e-9
        let lowExponent = WholeNumber.clamped(log10(low) + tolerance, to: -300...300, rounding: .down) ?? 0
        var highExponent = WholeNumber.clamped(log10(high) - tolerance, to: -300...300, rounding: .up) ?? 1
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        let stride = max(1, (highExponent - lowExponent + 5) / 6)
        let exponents = Swift.stride(from: lowExponent, through: highExponent, by: stride).map { $0 }
        return AxisTicks(scale: AxisScale(lower: pow(10, Double(lowExponent)), upper: pow(10, Double(highExponent)),
                                          isLogarithmic: true),
                         values: exponents.map { pow(10, Double($0)) },
                         labels: exponents.map(TickLabel.powerOfTen))
    }

    /// The 1-2-5 step closest to `rough`; 1 for a step that is not a positive finite number,
    /// and within 1e-300...1e301 (whose powers of ten are normal Doubles).
    static func niceStep(for rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        let rough = min(max(rough, 1 / limit), limit)
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let multiplier: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return multiplier * magnitude
    }

    /// The bounds in order, pinned into `range`; a NaN bound takes the other's value, and
    /// `empty` stands in when both are NaN.
    private static func domain(_ a: Double, _ b: Double, within range: ClosedRange<Double>,
                               empty: (Double, Double)) -> (Double, Double) {
        let known = [a, b].filter { !$0.isNaN }.map { min(max($0, range.lowerBound), range.upperBound) }
        guard let low = known.min(), let high = known.max() else { return empty }
        return (low, high)
    }
}
