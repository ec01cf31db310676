/// What the YAML reader found wrong, so each module can file it under its own error kinds.
public enum YAMLProblem: String, Equatable, Sendable {
    /// The text does not parse.
    case syntax
    /// A mapping has the same key twice.
    case duplicateKey
    /// A key is a list or a mapping rather than a name.
    case keyNotAName
    /// Nesting or alias expansion beyond `YAMLLimits`.
    case tooLarge
}
