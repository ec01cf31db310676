/// A column of a results table: its name and what its values are (so a reader knows a
/// metrics.csv value is the last logged row, not a mean).
public struct TableColumn: Equatable, Sendable {
    public var name: String
    /// "last logged row", "end of training", "training time", …
    public var note: String

    public init(name: String, note: String) {
        self.name = name
        self.note = note
    }
}
