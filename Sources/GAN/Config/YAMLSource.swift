import Diagnostics
import Yams

/// A YAML text and where it sits in its file, so positions in the YAML become file lines.
/// Reading goes through Diagnostics' bounded reader; its problems become `GANError`s.
struct YAMLSource {
    let reader: YAMLReader

    init(file: String, firstLine: Int) {
        reader = YAMLReader(file: file, firstLine: firstLine)
    }

    var file: String { reader.file }
    var firstLine: Int { reader.firstLine }

    /// File line of a position reported by the YAML parser (whose lines start at 1).
    func fileLine(_ mark: Mark?) -> Int? {
        reader.fileLine(mark)
    }

    /// The root node of `yaml`, or nil when the text holds no document (empty or comments only).
    func compose(_ yaml: String) throws -> Node? {
        do {
            return try reader.read(yaml)
        } catch let error as DiagnosticError {
            throw GANError.combined(error.problems.map { GANError(kind: kind(of: $0.yamlProblem), $0) })!
        }
    }

    private func kind(of problem: YAMLProblem?) -> GANError.Kind {
        switch problem {
        case .duplicateKey: return .conflict
        case .keyNotAName: return .wrongType
        case .syntax, .tooLarge, nil: return .syntax
        }
    }
}
