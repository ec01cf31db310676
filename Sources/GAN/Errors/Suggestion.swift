import Diagnostics

/// "Did you mean …?" for misspelt configuration keys and values: Diagnostics' one search, with
/// the names other GAN code bases use for this configuration's keys.
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

    static func closest(to word: String, among candidates: [String]) -> String? {
        NameSuggestion.closest(to: word, among: candidates, aliases: aliases)
    }

    /// "did you mean beta1? allowed: name, lr, beta1" (the question only when a name is close).
    static func hint(for word: String, among candidates: [String], noun: String = "allowed") -> String {
        NameSuggestion.hint(for: word, among: candidates, noun: noun, aliases: aliases)
    }
}
