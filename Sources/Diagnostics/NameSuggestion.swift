/// "Did you mean …?": the one search for the valid name closest to a misspelt one, used for
/// configuration keys and values, front-matter keys, run ids, metrics and columns alike.
public enum NameSuggestion {
    /// The candidate closest to `word`, compared case-insensitively, when it is a plausible
    /// typo of it: at most one edit per four characters of the longer name (at least one edit),
    /// and fewer edits than half its length, so a short name is never "close" to an unrelated
    /// one (`lr` is not a typo of `id`). Ties go to the name first in alphabetical order.
    ///
    /// - Parameter aliases: names from other code bases (lowercased) mapped to a candidate;
    ///   an alias wins over any edit distance.
    public static func closest(to word: String, among candidates: [String],
                               aliases: [String: String] = [:]) -> String? {
        let typed = Array(word.lowercased())
        if let alias = aliases[String(typed)], candidates.contains(alias) { return alias }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let name = Array(candidate.lowercased())
            let longer = max(typed.count, name.count)
            // The length difference alone bounds the distance from below: skip hopeless names cheaply.
            guard abs(typed.count - name.count) <= max(1, longer / 4) else { continue }
            let distance = editDistance(typed, name)
            guard distance <= max(1, longer / 4), 2 * distance < longer else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// "did you mean beta1? allowed: name, lr, beta1" (the question only when a name is close).
    public static func hint(for word: String, among candidates: [String], noun: String = "allowed",
                            aliases: [String: String] = [:]) -> String {
        // "ids on this page: none" rather than a list that ends in nothing.
        let allowed = "\(noun): \(candidates.isEmpty ? "none" : candidates.joined(separator: ", "))"
        guard let match = closest(to: word, among: candidates, aliases: aliases) else { return allowed }
        return "did you mean \(match)? \(allowed)"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters each count one.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: the swap looks two rows back.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                var best = min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
