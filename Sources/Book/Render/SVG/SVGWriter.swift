import Foundation

/// A minimal SVG writer: elements one per line, attributes in the order given, text escaped.
/// Charts are built with it instead of string concatenation so escaping is never forgotten.
struct SVGWriter {
    private(set) var text = ""
    private var openTags: [String] = []

    /// Starts the document: an `<svg>` root that scales to its container through `viewBox`.
    /// `data` adds attributes to the root (`data-…` for the page script), in the order given.
    init(width: Double, height: Double, label: String, className: String, data: [(String, String)] = []) {
        open("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))",
            "class": className,
            "role": "img",
            "aria-label": label,
            "font-family": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
            "font-size": "12",
        ], more: data)
    }

    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], more: [(String, String)] = []) {
        let extra = more.map { " \($0.0)=\"\(Self.escapeAttribute($0.1))\"" }.joined()
        text += "<\(tag)\(Self.attributeText(attributes))\(extra)>\n"
        openTags.append(tag)
    }

    mutating func close(_ tag: String) {
        precondition(openTags.last == tag, "closing <\(tag)> but <\(openTags.last ?? "nothing")> is open")
        openTags.removeLast()
        text += "</\(tag)>\n"
    }

    /// An element with optional text content; without content it is self-closing.
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], content: String? = nil) {
        if let content {
            text += "<\(tag)\(Self.attributeText(attributes))>\(Self.escapeText(content))</\(tag)>\n"
        } else {
            text += "<\(tag)\(Self.attributeText(attributes))/>\n"
        }
    }

    /// The finished document; every opened element except the root must have been closed.
    func finished() -> String {
        precondition(openTags == ["svg"], "unclosed SVG elements: \(openTags.dropFirst())")
        return text + "</svg>\n"
    }

    static func number(_ value: Double) -> String {
        SVGNumber.format(value)
    }

    /// `x,y x,y ...` for polylines.
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    static func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func escapeAttribute(_ text: String) -> String {
        escapeText(text).replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(escapeAttribute($0.value))\"" }.joined()
    }
}
