/// The overall progress line of a long build: runs done of all, time so far, time left
/// (the mean time per finished run times the runs left).
struct BuildProgress {
    let total: Int
    let clock = BuildClock()

    func finished(_ done: Int) -> String {
        let elapsed = clock.seconds
        var text = "progress: \(done)/\(total) run(s) done, \(DurationText.format(seconds: elapsed)) elapsed"
        if done < total && done > 0 {
            text += ", ETA \(DurationText.format(seconds: elapsed / Double(done) * Double(total - done)))"
        }
        return text
    }
}
