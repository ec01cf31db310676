import Foundation

/// Training times for people: "42 s", "3 min 12 s", "2 h 05 min".
enum DurationText {
    /// Above this (about 30,000 years) a time is shown in hours with three digits; it can only
    /// come from a damaged or hand-edited run.json.
    static let longest = 1e12

    static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "—" }
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        guard seconds < longest else { return String(format: "%.3g h", seconds / 3600) }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        let minutes = (total + 30) / 60
        return "\(minutes / 60) h \(String(format: "%02d", minutes % 60)) min"
    }
}
