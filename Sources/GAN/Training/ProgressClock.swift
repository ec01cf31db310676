import Foundation

/// Times the run and sends progress reports about twice a second (and at the last iteration).
final class ProgressClock {
    let total: Int
    let report: ((TrainingProgress) -> Void)?
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastReport: UInt64 = 0

    init(total: Int, report: ((TrainingProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func tick(iteration: Int, epoch: Double, stats: StepStatistics) {
        guard let report else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastReport > 500_000_000 || iteration == total else { return }
        lastReport = now
        let seconds = Double(now - start) / 1e9
        let rate = Double(iteration) / max(seconds, 1e-9)
        report(TrainingProgress(iteration: iteration, totalIterations: total, epoch: epoch,
                                iterationsPerSecond: rate, secondsLeft: Double(total - iteration) / rate,
                                lossG: stats.lossG, lossD: stats.lossDReal + stats.lossDFake))
    }
}
