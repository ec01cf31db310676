import Yams

/// One value put into a configuration before it is decoded, at a dotted key path
/// (`seed`, `discriminator.dropout`): how one directive expands into the runs of a sweep.
/// The value keeps its own position, so an error in it points at the line that wrote it.
/// Yams' `Node` and `Mark` are immutable values that do not declare `Sendable`; nothing here is shared mutably.
public struct ConfigOverride: @unchecked Sendable {
    public let path: [String]
    public let value: Node
    /// Where the key path was written, so an unknown key points there.
    public let keyMark: Mark?

    public init(path: [String], value: Node, keyMark: Mark? = nil) {
        precondition(!path.isEmpty, "an override needs a key")
        self.path = path
        self.value = value
        self.keyMark = keyMark
    }

    /// `root` with `value` at `path`, replacing what was written there; missing mappings on the
    /// way are created. A non-mapping on the way is replaced too: the decoder then reports the
    /// override's key as it would any key written there.
    func applied(to root: Node) -> Node {
        set(value, at: path[...], in: root)
    }

    private func set(_ value: Node, at path: ArraySlice<String>, in node: Node) -> Node {
        guard let key = path.first else { return value }
        var pairs = node.mapping.map { Array($0.map { ($0.key, $0.value) }) } ?? []
        if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
            pairs[index].1 = set(value, at: path.dropFirst(), in: pairs[index].1)
        } else {
            pairs.append((.scalar(Node.Scalar(key, .implicit, .any, keyMark)), set(value, at: path.dropFirst(), in: Node.mapping(Node.Mapping([])))))
        }
        return .mapping(Node.Mapping(pairs, node.mapping?.tag ?? .implicit, node.mapping?.style ?? .any, node.mapping?.mark))
    }
}
