/// A configuration value chosen from a fixed set of spellings (an enum decoded from YAML).
public protocol ConfigChoice: CaseIterable, RawRepresentable, Sendable where RawValue == String {}

extension ConfigChoice {
    /// Every accepted spelling, in declaration order, for error hints.
    static var allowedValues: [String] { allCases.map(\.rawValue) }
}
