/// A `gan` directive with `seeds:` or `sweep:`: one run per child, shown as one block.
struct PlannedSweep {
    let id: String
    let caption: String?
    let line: Int
    let children: [PlannedRun]
    /// The labels of the children (`seed=2`), in the children's order.
    let labels: [String]
}
