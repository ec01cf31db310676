import Foundation

/// One number format for a whole table column, so its values line up and compare at a glance:
/// whole numbers when every value is whole, otherwise the same count of decimals for all, chosen
/// so the largest magnitude shows four significant digits (scientific notation for a column of
/// very large or very small values).
struct ColumnFormat: Equatable {
    enum Style: Equatable {
        case whole
        case decimals(Int)
        case scientific
    }

    let style: Style

    init(values: [Double]) {
        let finite = values.filter(\.isFinite)
        guard let largest = finite.map(abs).max() else { style = .whole; return }
        if finite.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }) {
            style = .whole
        } else if largest >= 1e6 || largest < 1e-3 {
            style = .scientific
        } else {
            let digitsBeforePoint = Int(Foundation.floor(log10(largest))) + 1
            style = .decimals(min(6, max(0, 4 - digitsBeforePoint)))
        }
    }

    func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return ValueText.format(value) }
        let text: String
        switch style {
        case .whole: text = ValueText.plain(value.rounded())
        case .decimals(let count): text = String(format: "%.\(count)f", value)
        case .scientific: text = String(format: "%.3e", value)
        }
        // "−0.000" would claim a sign the value does not have at this precision.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }
}
