/// What the `table` partial shows for a ```gan-table directive.
public struct TableView: Sendable {
    public var tableTitle: String?
    public var columns: [String]
    public var rows: [TableRow]

    public init(tableTitle: String?, columns: [String], rows: [TableRow]) {
        self.tableTitle = tableTitle
        self.columns = columns
        self.rows = rows
    }
}
