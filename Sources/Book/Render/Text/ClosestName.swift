/// "Did you mean …?": the candidate nearest to a misspelt name by edit distance.
enum ClosestName {
    /// The closest candidate, when it is close enough to be a plausible typo.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }) else { return nil }
        return best.distance <= max(2, name.count / 3) ? best.candidate : nil
    }

    /// A hint listing what is allowed, with a suggestion first when there is one.
    static func hint(for name: String, among candidates: [String], allowed: String) -> String {
        let list = "\(allowed): \(candidates.sorted().joined(separator: ", "))"
        guard let suggestion = suggestion(for: name, among: candidates) else { return list }
        return "did you mean \(suggestion)? \(list)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
