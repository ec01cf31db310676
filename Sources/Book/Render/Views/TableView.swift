/// What the `table` partial shows for a ```gan-table directive.
public struct TableView: Sendable {
    public var tableTitle: String?
    public var columns: [TableColumn]
    public var rows: [TableRow]
    /// One sentence under the table on where its values come from.
    public var sourceNote: String

    public init(tableTitle: String?, columns: [TableColumn], rows: [TableRow], sourceNote: String) {
        self.tableTitle = tableTitle
        self.columns = columns
        self.rows = rows
        self.sourceNote = sourceNote
    }
}
