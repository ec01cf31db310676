/// One checked statement of a page: an `expect:` entry of a gan block (for a sweep, one per
/// child) or a line of a gan-check block, placed at its page line.
struct Claim {
    /// The claim as a reader would write it, its run ids filled in (`plain.modes_covered >= 7`).
    let text: String
    let form: ClaimForm
    let file: String
    let line: Int
    let column: Int?
}
