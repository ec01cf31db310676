import Foundation

/// Where a run's curves sit when the game is at its equilibrium (G's distribution equals the
/// data's, D can do no better than a constant), so the charts can draw the right line per run.
///
/// D's optimum is target_real · p_data / (p_data + p_g); with one-sided label smoothing the real
/// target is α, so σ(D) settles at α/2 (0.5 without smoothing). Label flipping swaps targets
/// with probability p on both sides alike and leaves α/2 unchanged. The generator's loss there is
/// −log(α/2) for the non-saturating loss (log 2 without smoothing) and log(1 − α/2) for the
/// minimax loss (−log 2: negative by definition, it is log of a probability).
public struct Equilibrium: Hashable, Sendable {
    public enum Loss: String, Sendable { case nonSaturating = "non-saturating", minimax }

    public var loss: Loss?
    /// α, the target for real examples (1: no label smoothing).
    public var realTarget: Double

    public init(loss: Loss?, realTarget: Double = 1) {
        self.loss = loss
        self.realTarget = realTarget
    }

    /// From a resolved config: `loss` and `label_smoothing`.
    init(_ entry: RunEntry) {
        self.init(loss: entry.configText("loss").flatMap(Loss.init(rawValue:)),
                  realTarget: entry.configNumber("label_smoothing") ?? 1)
    }

    var smoothed: Bool { realTarget != 1 }

    public var discriminatorOutput: Double { realTarget / 2 }

    public var generatorLoss: Double? {
        switch loss {
        case .nonSaturating: return -Foundation.log(realTarget / 2)
        case .minimax: return Foundation.log(1 - realTarget / 2)
        case nil: return nil
        }
    }

    public var discriminatorLine: ReferenceLine {
        let value = discriminatorOutput
        let label = smoothed ? "equilibrium α/2 = \(ValueText.format(value)) (α = \(ValueText.plain(realTarget)))"
            : "equilibrium 0.5"
        return ReferenceLine(value: value, label: label)
    }

    public var generatorLine: ReferenceLine? {
        guard let value = generatorLoss, let loss else { return nil }
        let formula: String
        switch (loss, smoothed) {
        case (.nonSaturating, false): formula = "log 2"
        case (.minimax, false): formula = "−log 2"
        case (.nonSaturating, true): formula = "−log(α/2)"
        case (.minimax, true): formula = "log(1 − α/2)"
        }
        return ReferenceLine(value: value, label: "loss_g equilibrium \(formula) ≈ \(ValueText.format(value))")
    }

    /// The σ(D) line of runs charted together: theirs when they share α (whatever their losses),
    /// none when they differ.
    static func sharedDiscriminatorLine(_ runs: [Equilibrium]) -> ReferenceLine? {
        let targets = Set(runs.map(\.realTarget))
        return targets.count == 1 ? Equilibrium(loss: nil, realTarget: targets.first!).discriminatorLine : nil
    }

    /// The loss_g line of runs charted together: only when they share both loss and α.
    static func sharedGeneratorLine(_ runs: [Equilibrium]) -> ReferenceLine? {
        Set(runs).count == 1 ? runs.first?.generatorLine : nil
    }
}
