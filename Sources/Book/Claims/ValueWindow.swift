/// Which rows of metrics.csv a value is read from (`@last`, `@mean(0.5..1)`, `@epoch(3)`);
/// `.final` reads eval.json (or the provenance timings), falling back to the last row.
enum ValueWindow: Equatable {
    case final
    case last
    /// Mean, min or max over the rows whose iteration lies in this fraction of training (0…1, inclusive).
    case mean(Double, Double)
    case min(Double, Double)
    case max(Double, Double)
    /// The row logged at the end of this epoch (the last row at or before it).
    case epoch(Double)
    /// The row logged at this iteration (the last row at or before it).
    case iteration(Double)

    static let names = ["last", "mean(a..b)", "min(a..b)", "max(a..b)", "epoch(n)", "iteration(n)"]

    var text: String {
        switch self {
        case .final: return ""
        case .last: return "last"
        case .mean(let a, let b): return "mean(\(NumberFormatting.plain(a))..\(NumberFormatting.plain(b)))"
        case .min(let a, let b): return "min(\(NumberFormatting.plain(a))..\(NumberFormatting.plain(b)))"
        case .max(let a, let b): return "max(\(NumberFormatting.plain(a))..\(NumberFormatting.plain(b)))"
        case .epoch(let n): return "epoch(\(NumberFormatting.plain(n)))"
        case .iteration(let n): return "iteration(\(NumberFormatting.plain(n)))"
        }
    }
}
