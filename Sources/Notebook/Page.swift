/// One Markdown page of the notebook, parsed.
public struct Page: Equatable, Sendable {
    /// File name without `.md`; the page's output name.
    public let slug: String
    /// The path the page was read from, as given; error messages name it.
    public let sourcePath: String
    public let frontMatter: FrontMatter
    /// Front-matter title, else the text of the first level-1 heading, else the slug.
    public let title: String
    public let blocks: [PageBlock]
    /// The page's TeX formulas in order; prose marks each with `data-math="N"` (see `MathExtraction`).
    public let math: [MathFormula]

    public init(slug: String, sourcePath: String, frontMatter: FrontMatter, title: String, blocks: [PageBlock],
                math: [MathFormula] = []) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.frontMatter = frontMatter
        self.title = title
        self.blocks = blocks
        self.math = math
    }

    /// `index.md` is the notebook's front page.
    public var isIndex: Bool { slug == "index" }

    /// The page's directives in order.
    public var directives: [Directive] {
        blocks.compactMap { block in
            if case .directive(let directive) = block { return directive }
            return nil
        }
    }
}
