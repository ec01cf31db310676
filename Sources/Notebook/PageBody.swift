/// What the Markdown part of a page yields: its blocks and the first level-1 heading's text.
struct PageBody {
    let blocks: [PageBlock]
    let firstHeadingText: String?
    var math: [MathFormula] = []
}
