/// One named line of a chart: y against iteration.
public struct ChartSeries: Equatable, Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// A colour chosen by the caller (a run's colour on its page); nil: the palette's for `name`.
    public var color: String?

    public init(name: String, x: [Double], y: [Double], color: String? = nil) {
        precondition(x.count == y.count, "series \(name): \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }
}
