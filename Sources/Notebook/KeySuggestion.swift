/// Finds the valid key an author most likely meant when they wrote an unknown one.
enum KeySuggestion {
    /// The closest key by edit distance (a swap of two neighbouring letters counts as one edit),
    /// or nil when every key is too different to be a plausible typo.
    static func closest(to key: String, among validKeys: [String]) -> String? {
        let typed = Array(key.lowercased())
        let scored = validKeys.map { (key: $0, distance: editDistance(typed, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let tolerance = max(2, typed.count / 3)
        return best.distance <= tolerance ? best.key : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
