/// How a chart's value axis is scaled.
public enum AxisScaleChoice: Equatable, Sendable {
    /// Logarithmic when every value is positive and they span more than two decades.
    case automatic
    case linear
    case logarithmic
}
