import CCmark

/// Swift values read from one cmark node; the node itself stays inside `CmarkDocument`.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var parent: OpaquePointer? { cmark_node_parent(pointer) }

    var literal: String {
        cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
    }

    /// The opening fence of a fenced code block, or nil for an indented code block.
    var fence: (character: Character, length: Int)? {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0 else { return nil }
        return (Character(Unicode.Scalar(UInt8(bitPattern: character))), Int(length))
    }

    /// The first word of a code block's info string: `gan` for "```gan extra".
    var infoWord: String {
        guard let info = cmark_node_get_fence_info(pointer) else { return "" }
        return String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
    }
}
