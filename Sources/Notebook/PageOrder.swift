/// The order pages appear in the site's navigation.
enum PageOrder {
    /// Index first; then by `order` ascending with unordered pages last; then by title
    /// ignoring case; the slug settles the rest so the result never depends on the file system.
    static func sorted(_ pages: [Page]) -> [Page] {
        pages.sorted(by: precedes)
    }

    static func precedes(_ a: Page, _ b: Page) -> Bool {
        if a.isIndex != b.isIndex { return a.isIndex }
        switch (a.frontMatter.order, b.frontMatter.order) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let (titleA, titleB) = (a.title.lowercased(), b.title.lowercased())
        if titleA != titleB { return titleA < titleB }
        if a.title != b.title { return a.title < b.title }
        return a.slug < b.slug
    }
}
