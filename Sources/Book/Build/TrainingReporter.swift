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
            + "  loss G \(String(format: "%.3f", p.lossG))  D \(String(format: "%.3f", p.lossD))"
        console.progress(text)
        if finished { console.endProgress() }
    }
}
