/// A label and its display text: evaluation metrics, provenance details.
public struct NamedValue: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
