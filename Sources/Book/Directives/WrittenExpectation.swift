/// One `expect:` entry as written: a value reference (without the run id) and its condition.
struct WrittenExpectation {
    let reference: String
    let condition: String
    let line: Int
    let column: Int?
    /// Where the condition's text starts, for errors inside it.
    let conditionLine: Int
    let conditionColumn: Int?
}
