/// A ```gan-check block: claims across the page's runs, one a line.
struct PlannedCheck {
    let line: Int
    let claims: [Claim]
}
