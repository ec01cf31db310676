/// What the `table` partial shows for a ```gan-table directive.
public struct TableView: Sendable {
    public var tableTitle: String?
    public var columns: [String]
    public var rows: [TableRow]
    /// What the values are (window means, evaluation sample), shown under the table.
    public var note: String?

    public init(tableTitle: String?, columns: [String], rows: [TableRow], note: String? = nil) {
        self.tableTitle = tableTitle
        self.columns = columns
        self.rows = rows
        self.note = note
    }
}
