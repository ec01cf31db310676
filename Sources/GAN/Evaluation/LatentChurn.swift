/// `latent_churn`: between two consecutive snapshots, the share of latent-grid cells whose
/// classifier-predicted class changed. High values mean the map from z to classes keeps moving.
public enum LatentChurn {
    public static func share(_ before: [Int], _ after: [Int]) -> Double {
        precondition(before.count == after.count && !before.isEmpty, "grids of \(before.count) and \(after.count) cells")
        return Double(zip(before, after).filter { $0 != $1 }.count) / Double(before.count)
    }

    /// The mean over the second half of training: churn values whose snapshot iteration is past
    /// half of `total`. NaN when there is none.
    public static func secondHalfMean(_ curve: [(iteration: Int, churn: Double)], total: Int) -> Double {
        let late = curve.filter { 2 * $0.iteration > total }.map(\.churn)
        return late.isEmpty ? .nan : late.reduce(0, +) / Double(late.count)
    }
}
