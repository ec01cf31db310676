/// A TeX formula of a page: `$…$` or `\(…\)` inline, `$$…$$` or `\[…\]` displayed.
public struct MathFormula: Equatable, Sendable {
    /// The TeX between the delimiters, as written.
    public let tex: String
    public let isDisplay: Bool
    /// The file line where the formula starts.
    public let line: Int
    /// The formula as written, delimiters included.
    public let source: String

    public init(tex: String, isDisplay: Bool, line: Int, source: String) {
        self.tex = tex
        self.isDisplay = isDisplay
        self.line = line
        self.source = source
    }
}
