/// One run in a results table: its link, then one cell per column.
public struct TableRow: Sendable {
    public var run: RunLink
    public var cells: [String]

    public init(run: RunLink, cells: [String]) {
        self.run = run
        self.cells = cells
    }
}
