import Foundation

/// The rows of metrics.csv: one per logged iteration, columns fixed and documented here.
public struct MetricsLog: Equatable {
    public static let columns = [
        "iteration", "epoch", "images_seen", "loss_g", "loss_d_real", "loss_d_fake", "d_real", "d_fake",
        "grad_norm_g", "grad_norm_d", "grad_norm_d_loss", "fake_mean", "fake_std", "real_mean", "real_std",
    ]

    public struct Row: Equatable {
        public var iteration: Int
        public var epoch: Double
        public var imagesSeen: Int
        /// Batch statistics already converted to display scale by the trainer.
        public var step: StepStatistics

        var values: [Double] {
            [Double(iteration), epoch, Double(imagesSeen), Double(step.lossG), Double(step.lossDReal),
             Double(step.lossDFake), Double(step.dReal), Double(step.dFake), step.gradNormG, step.gradNormD,
             step.gradNormDLoss, step.fakeMean, step.fakeStd, step.realMean, step.realStd]
        }
    }

    public private(set) var rows: [Row] = []

    public init() {}

    public mutating func append(_ row: Row) { rows.append(row) }

    /// CSV text: header, then one line per row; numbers in a fixed, locale-free format so the
    /// same run always writes the same bytes.
    public var csv: String {
        var text = MetricsLog.columns.joined(separator: ",") + "\n"
        for row in rows {
            text += row.values.map(MetricsLog.format).joined(separator: ",") + "\n"
        }
        return text
    }

    /// Integers as integers, everything else with 6 significant digits.
    static func format(_ value: Double) -> String {
        if !value.isFinite { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}

