/// A JSON value with a deterministic rendering: object keys sorted, numbers normalised, so equal
/// configurations always print the same bytes.
enum ConfigJSON: Equatable {
    case object([String: ConfigJSON])
    case array([ConfigJSON])
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)

    /// No whitespace at all.
    var compact: String {
        switch self {
        case .object(let members):
            let body = members.keys.sorted().map { "\(Self.quoted($0)):\(members[$0]!.compact)" }
            return "{" + body.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map(\.compact).joined(separator: ",") + "]"
        default:
            return scalarText
        }
    }

    /// Two-space indentation; lists of plain values stay on one line.
    func pretty(indent: String = "") -> String {
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            let body = members.keys.sorted().map { "\(inner)\(Self.quoted($0)): \(members[$0]!.pretty(indent: inner))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map(\.scalarText).joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        default:
            return scalarText
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    private var scalarText: String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .int(let value): return String(value)
        case .number(let value): return Self.normalised(value)
        case .bool(let value): return value ? "true" : "false"
        case .object, .array: return compact
        }
    }

    /// Integral values as integers; others in Swift's shortest round-trip form with a plain
    /// exponent (`1e-8`, not `1e-08`), so `2e-4` and `0.0002` print alike.
    static func normalised(_ value: Double) -> String {
        precondition(value.isFinite, "configuration numbers are finite")
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if let first = exponent.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop(while: { $0 == "0" })
        return "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
    }

    static func quoted(_ text: String) -> String { JSONQuoting.quoted(text) }
}
