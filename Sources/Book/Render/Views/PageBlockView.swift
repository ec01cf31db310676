/// One block of a rendered page: prose, an experiment, a comparison chart or a table
/// (Notebook's `PageBlock` is the parsed source; this is what the templates show).
/// A struct with one field set (not an enum) because Mustache sections look fields up by name.
public struct PageBlockView: Sendable {
    /// Prose as HTML, inserted as is (it comes from the Markdown renderer).
    public let proseHTML: String?
    public let experiment: ExperimentView?
    public let comparison: CompareView?
    public let table: TableView?
    /// The table of contents (named so no view above it has a field of that name: a Mustache
    /// section looks a missing name up in the views around it).
    public let tableOfContents: ContentsView?
    public let sweep: SweepView?
    /// The claims checked on the block above (expect: of a gan block, a gan-check block).
    public let claims: ClaimsView?
    /// A block whose runs this build has no entry for (`--keep-going`).
    public let untrained: UntrainedView?

    private init(proseHTML: String? = nil, experiment: ExperimentView? = nil, comparison: CompareView? = nil,
                 table: TableView? = nil, tableOfContents: ContentsView? = nil, sweep: SweepView? = nil,
                 claims: ClaimsView? = nil, untrained: UntrainedView? = nil) {
        self.proseHTML = proseHTML
        self.experiment = experiment
        self.comparison = comparison
        self.table = table
        self.tableOfContents = tableOfContents
        self.sweep = sweep
        self.claims = claims
        self.untrained = untrained
    }

    public static func prose(_ html: String) -> PageBlockView { PageBlockView(proseHTML: html) }
    public static func experiment(_ view: ExperimentView) -> PageBlockView { PageBlockView(experiment: view) }
    public static func comparison(_ view: CompareView) -> PageBlockView { PageBlockView(comparison: view) }
    public static func table(_ view: TableView) -> PageBlockView { PageBlockView(table: view) }
    public static func contents(_ view: ContentsView) -> PageBlockView { PageBlockView(tableOfContents: view) }
    public static func sweep(_ view: SweepView) -> PageBlockView { PageBlockView(sweep: view) }
    static func claims(_ view: ClaimsView) -> PageBlockView { PageBlockView(claims: view) }
    static func untrained(_ view: UntrainedView) -> PageBlockView { PageBlockView(untrained: view) }
}
