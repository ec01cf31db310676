/// A problem in a claim's text at a 0-based character offset; the caller places it in its file
/// (page line, column of the claim's first character + offset).
struct ClaimSyntaxError: Error, Equatable {
    let message: String
    let offset: Int
    var hint: String = ""

    func placed(file: String, line: Int, column: Int?) -> BookError {
        BookError(file: file, line: line, message: message, hint: hint, column: column.map { $0 + offset })
    }
}
