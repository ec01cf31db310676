/// One group of 2-D points in a scatter plot.
public struct ScatterSet: Equatable, Sendable {
    public enum Marker: Equatable, Sendable {
        /// Small translucent dots, for many samples.
        case dot
        /// Open circles, for a few landmarks such as the real mixture's mode centres.
        case ring
    }

    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var marker: Marker

    public init(name: String, x: [Double], y: [Double], marker: Marker) {
        precondition(x.count == y.count, "scatter set \(name): \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
        self.marker = marker
    }
}
