/// An inline value of the prose, its reference checked against the page.
struct PlannedValue {
    let reference: ValueReference
    let file: String
    let line: Int
    let column: Int
}
