/// A code span whose text starts with `=` (`` `=mnist.fcd@last:.2` ``): a value the site
/// builder computes and writes in its place. Notebook does not interpret the text.
public struct InlineValue: Equatable, Sendable {
    /// The span's text after the `=`, trimmed.
    public let text: String
    /// 1-based line and column in the page file of `text`'s first character.
    public let line: Int
    public let column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}
