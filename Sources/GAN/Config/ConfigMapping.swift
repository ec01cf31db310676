import Yams

/// A YAML mapping whose keys have been checked: no duplicates, none unknown. A bad key is
/// recorded in the decoder's problems and left out, so the other keys are still checked.
struct ConfigMapping {
    /// The mapping itself (for errors about the whole mapping).
    let value: ConfigValue
    private let entries: [String: ConfigValue]
    /// Keys in the order written.
    let keys: [String]

    /// Checks `value` is a mapping whose keys are all in `allowed`.
    ///
    /// - Parameter explainMisplaced: for a key valid elsewhere (another model's key, a nested
    ///   key written at the top level), the message and hint to report instead of
    ///   "unknown key".
    /// - Throws: when `value` is not a mapping at all.
    init(_ value: ConfigValue, allowed: [String], problems: ConfigProblems,
         explainMisplaced: (String) -> (message: String, hint: String)? = { _ in nil }) throws {
        guard case .mapping(let mapping) = value.node else {
            throw value.error(.wrongType, "expected a mapping of keys (key: value lines or {key: value}), got \(value.shown)",
                              hint: "allowed keys: \(allowed.joined(separator: ", "))")
        }
        var entries: [String: ConfigValue] = [:]
        var keys: [String] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = ConfigValue(node: keyNode, path: value.path, source: value.source)
            guard let key = keyNode.scalar?.string else {
                problems.add(keyValue.error(.wrongType, "expected a key name, got \(keyValue.shown)"))
                continue
            }
            let path = value.path.isEmpty ? key : "\(value.path).\(key)"
            let keyAtPath = ConfigValue(node: keyNode, path: path, source: value.source)
            if let first = entries[key] {
                let firstLine = first.line.map { " (first on line \($0))" } ?? ""
                problems.add(keyAtPath.error(.conflict, "key written twice\(firstLine)", hint: "keep one"))
                continue
            }
            guard allowed.contains(key) else {
                if let (message, hint) = explainMisplaced(key) {
                    problems.add(keyAtPath.error(.unknownKey, message, hint: hint))
                } else {
                    problems.add(keyAtPath.error(.unknownKey, "unknown key",
                                                 hint: Suggestion.hint(for: key, among: allowed)))
                }
                continue
            }
            entries[key] = ConfigValue(node: valueNode, path: path, source: value.source)
            keys.append(key)
        }
        self.value = value
        self.entries = entries
        self.keys = keys
    }

    /// The value of `key` as written (a null value fails its conversion: "got nothing").
    subscript(key: String) -> ConfigValue? { entries[key] }

    /// The value of an optional key: nil when not written or written as null (`~`, `null`).
    func optional(_ key: String) -> ConfigValue? {
        guard let entry = entries[key], !entry.isNull else { return nil }
        return entry
    }
}
