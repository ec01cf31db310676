/// One block of a page: prose, an experiment, a comparison chart or a table.
/// A struct with one field set (not an enum) because Mustache sections look fields up by name.
public struct PageBlock: Sendable {
    /// Prose as HTML, inserted as is (it comes from the Markdown renderer).
    public let proseHTML: String?
    public let experiment: ExperimentView?
    public let comparison: CompareView?
    public let table: TableView?

    private init(proseHTML: String? = nil, experiment: ExperimentView? = nil, comparison: CompareView? = nil,
                 table: TableView? = nil) {
        self.proseHTML = proseHTML
        self.experiment = experiment
        self.comparison = comparison
        self.table = table
    }

    public static func prose(_ html: String) -> PageBlock { PageBlock(proseHTML: html) }
    public static func experiment(_ view: ExperimentView) -> PageBlock { PageBlock(experiment: view) }
    public static func comparison(_ view: CompareView) -> PageBlock { PageBlock(comparison: view) }
    public static func table(_ view: TableView) -> PageBlock { PageBlock(table: view) }
}
