import Engine
import GAN

/// The typed values of `ganbook bench`'s options, parsed from the command line's text.
public enum BenchArguments {
    public typealias Precision = Engine.Precision

    /// The models `--model` names.
    public enum Model: String, CaseIterable, Sendable {
        case mlp, dcgan, all

        var kinds: [ModelKind] { self == .all ? [.mlp, .dcgan] : [self == .dcgan ? .dcgan : .mlp] }
    }

    public static let threadRange = 1...256

    /// "1,2" → [1, 2]: whole numbers in `threadRange`, comma-separated, each once.
    public static func threadCounts(_ text: String) throws -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var counts: [Int] = []
        for item in items {
            guard let count = Int(item), threadRange.contains(count) else {
                throw Problem(description: item.isEmpty
                    ? "an empty item in the list; expected thread counts separated by commas, e.g. 1,2"
                    : "\"\(item)\" is not a thread count from \(threadRange.lowerBound) to \(threadRange.upperBound); expected e.g. 1,2")
            }
            guard !counts.contains(count) else { throw Problem(description: "\(count) is listed twice") }
            counts.append(count)
        }
        return counts
    }

    /// "fp32,bf16" → [.fp32, .bf16], each once. Whether this CPU can run each is checked when
    /// the bench starts (`Precision.unavailability`).
    public static func precisions(_ text: String) throws -> [Precision] {
        var list: [Precision] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let precision = Precision(rawValue: name) else {
                throw Problem(description: "\"\(name)\" is not a precision; expected fp32 or bf16, comma-separated")
            }
            guard !list.contains(precision) else { throw Problem(description: "\(name) is listed twice") }
            list.append(precision)
        }
        return list
    }

    /// A bad option value; its description is the message the command line prints.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }
}
