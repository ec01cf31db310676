/// Several problems of one directive, of GAN's and Book's error types together; the planner
/// reports each on its own line (`SitePlanner.separate`).
struct DirectiveProblems: Error, CustomStringConvertible {
    let problems: [Error]

    /// One problem as it is, several as one error; nil for none.
    static func combined(_ problems: [Error]) -> Error? {
        let flat = problems.flatMap(SitePlanner.separate)
        if flat.count <= 1 { return flat.first }
        return DirectiveProblems(problems: flat)
    }

    var description: String { problems.map { "\($0)" }.joined(separator: "\n") }
}
