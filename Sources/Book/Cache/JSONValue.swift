import Foundation

/// A JSON document as plain Swift values, so cache files are read the same way on every platform
/// (Foundation's JSONSerialization hands back NSNumber, whose Bool/number split differs by platform).
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses a file that must hold a JSON object; anything else is an error naming the file.
    static func loadObject(from url: URL) throws -> [String: JSONValue] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileProblem.error(url.path, "read file", error,
                                    hint: "the run's cache entry is incomplete; delete its folder to train it again")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let object) = value else {
            throw BookError(file: url.path, message: "not a JSON object",
                            hint: "the run's cache entry is damaged; delete its folder to train it again")
        }
        return object
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Short display text: strings as they are, numbers without needless digits, the rest as compact JSON.
    var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return ValueText.plain(value)
        case .string(let value): return value
        case .array(let values): return "[" + values.map(\.jsonText).joined(separator: ", ") + "]"
        case .object: return jsonText
        }
    }

    private var jsonText: String {
        switch self {
        case .string(let value):
            let data = (try? JSONEncoder().encode(value)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .object(let object):
            return "{" + object.keys.sorted().map { key in
                JSONValue.string(key).jsonText + ": " + object[key]!.jsonText
            }.joined(separator: ", ") + "}"
        default:
            return displayText
        }
    }
}
