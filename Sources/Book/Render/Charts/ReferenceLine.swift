/// A dashed horizontal line with a label, e.g. D's output 0.5 at equilibrium.
public struct ReferenceLine: Equatable, Sendable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
