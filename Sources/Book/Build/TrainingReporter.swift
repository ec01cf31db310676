import Foundation
import GAN

/// Shows a run's progress: a live line on a terminal, a plain line every ten seconds elsewhere.
final class TrainingReporter {
    let console: Console
    let label: String
    private var lastPlainLine = -Double.infinity

    init(console: Console, label: String) {
        self.console = console
        self.label = label
    }

    func report(_ p: TrainingProgress) {
        let finished = p.iteration == p.totalIterations
        let elapsed = Double(p.iteration) / max(p.iterationsPerSecond, 1e-9)
        if !console.isTerminal && !finished && elapsed - lastPlainLine < 10 { return }
        lastPlainLine = elapsed
        let text = "\(label) it \(p.iteration)/\(p.totalIterations)  epoch \(String(format: "%.2f", p.epoch))  "
            + "\(String(format: "%.0f", p.iterationsPerSecond)) it/s  "
            + (finished ? "done in \(DurationText.format(seconds: elapsed))" : "ETA \(DurationText.format(seconds: p.secondsLeft))")
            + "  loss G \(Self.loss(p.lossG))  D \(Self.loss(p.lossD))"
        console.progress(text)
        if finished { console.endProgress() }
    }

    /// Three decimals for the usual losses; NaN, infinities and huge values (a diverging run's)
    /// as "NaN", "∞" or "1.978e+29" rather than C's "-nan" or thirty digits.
    static func loss(_ value: Float) -> String {
        value.isFinite && abs(value) < 1e6 ? String(format: "%.3f", Double(value)) : ValueText.format(Double(value))
    }
}
