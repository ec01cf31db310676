import Mustache

/// The partials a parsed template includes (`{{>name}}`, `{{<parent}}`), found in the parse
/// tree itself so they are exactly the ones rendering would look up.
///
/// swift-mustache keeps its tokens internal; reflection reads them without depending on their
/// type names beyond the two partial cases.
enum TemplatePartials {
    struct Reference: Equatable {
        let name: String
        /// `{{>*name}}`: the partial's name is looked up in the data while rendering.
        let isDynamic: Bool
    }

    /// Every partial reference in `template`, its sections and its inherited blocks, in order.
    static func references(in template: MustacheTemplate) -> [Reference] {
        var found: [Reference] = []
        collect(template, into: &found)
        return found
    }

    /// The references of a template's text.
    static func references(inText text: String) throws -> [Reference] {
        references(in: try MustacheTemplate(string: text))
    }

    private static func collect(_ value: Any, into found: inout [Reference]) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label,
           label == "partial" || label == "dynamicNamePartial",
           let name = Mirror(reflecting: child.value).children.first?.value as? String {
            found.append(Reference(name: name, isDynamic: label == "dynamicNamePartial"))
        }
        for child in mirror.children {
            collect(child.value, into: &found)
        }
    }
}
