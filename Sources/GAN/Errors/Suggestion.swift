/// "Did you mean …?" for misspelt keys and values.
enum Suggestion {
    /// Common names from other GAN code bases, mapped to this configuration's key.
    static let aliases: [String: String] = [
        "learning_rate": "lr", "learningrate": "lr",
        "latent_dim": "z_dim", "noise_dim": "z_dim", "nz": "z_dim",
        "steps": "iterations", "iters": "iterations", "num_iterations": "iterations",
        "num_epochs": "epochs", "batch": "batch_size",
        "weight_init": "init", "initialization": "init",
        "activation_fn": "activation", "bn": "batchnorm", "batch_norm": "batchnorm",
        "kernel_size": "kernel", "momentum1": "beta1", "epsilon": "eps",
    ]

    /// The candidate closest to `word` by edit distance (case-insensitive), if it is close
    /// enough to be a plausible typo: at most 2 edits, or a third of the word's length.
    static func closest(to word: String, among candidates: [String]) -> String? {
        if let alias = aliases[word.lowercased()], candidates.contains(alias) { return alias }
        let lowered = word.lowercased()
        let limit = max(2, lowered.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance (insertions, deletions, substitutions), counted in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A hint such as "did you mean beta1? allowed: name, lr, beta1" (the first part only when a
    /// candidate is close).
    static func hint(for word: String, among candidates: [String], noun: String = "allowed") -> String {
        let allowed = "\(noun): \(candidates.joined(separator: ", "))"
        guard let match = closest(to: word, among: candidates) else { return allowed }
        return "did you mean \(match)? \(allowed)"
    }
}
