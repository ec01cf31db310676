/// A shaded range under a series: the spread (min to max) of the runs a mean line stands for.
public struct ChartBand: Equatable, Sendable {
    /// Index of the series whose colour the band takes.
    public var seriesIndex: Int
    public var x: [Double]
    public var low: [Double]
    public var high: [Double]

    public init(seriesIndex: Int, x: [Double], low: [Double], high: [Double]) {
        precondition(x.count == low.count && x.count == high.count, "a band needs one low and one high value per x")
        self.seriesIndex = seriesIndex
        self.x = x
        self.low = low
        self.high = high
    }
}
