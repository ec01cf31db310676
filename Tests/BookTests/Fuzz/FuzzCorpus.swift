/// Generates notebook pages for the fuzz pass: well-formed directives and front matter built from
/// the real keys and values, then mutated (characters inserted, lines cut, duplicated, swapped,
/// re-indented) and salted with hostile fragments (deep nesting, alias bombs, control and
/// line-break characters, stray fences). Case `n` of a seed is always the same text.
struct FuzzCorpus {
    let seed: UInt64

    static let ganKeys = ["id", "caption", "dataset", "model", "classes", "subset", "generator", "discriminator",
                          "z_dim", "loss", "epochs", "iterations", "batch_size", "optimizer", "d_optimizer", "init",
                          "d_steps", "label_smoothing", "label_flip", "instance_noise", "pack", "freeze_generator",
                          "seed", "log_every", "snapshots", "epoch", "lr", "beta1", "hidden", "bogus", "ID", "seeds", "sweep", "expect"]
    static let nestedKeys = ["hidden", "channels", "kernel", "activation", "batchnorm", "output", "dropout",
                             "minibatch_discrimination", "name", "lr", "beta1", "beta2", "eps", "momentum", "beta"]
    static let values = ["ring8", "grid25", "mnist", "fashion-mnist", "mlp", "mlp2d", "dcgan", "adam", "sgd",
                         "minimax", "non-saturating", "relu", "leaky_relu", "tanh", "sigmoid", "linear", "true", "false",
                         "0", "1", "-1", "2", "50", "64", "0.5", "1e300", "-0", ".nan", ".inf", "-.inf", "1e-400",
                         "99999999999999999999", "~", "null", "''", "\"x\"", "[1, 2]", "[]", "{}", "[8192, 8192]",
                         "{name: adam, lr: 0.001}", "abc", "é", "\u{1F600}"]
    static let frontKeys = ["title", "summary", "order", "titel", "author", "ordre"]
    static let displayKeys = ["runs", "metric", "title", "smooth", "columns", "metrics", "run"]
    static let metrics = ["loss_g", "loss_d", "d_real", "d_fake", "grad_norm_g", "modes_covered", "los_g", "x"]
    /// Texts inserted at random places: YAML and Markdown syntax that changes what follows.
    static let fragments = ["[", "]", "{", "}", ": ", "- ", "? ", "&a ", "*a", "*b", "&b [*a, *a]", "'", "\"", "#",
                            "|", ">", "\t", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{0}", "\u{7}", "\u{FEFF}", "\u{FFFD}",
                            "---", "...", "```", "```gan", "~~~", "    ", "%YAML 1.1", "!!str ", "!!map ", "<<: *a",
                            "<!--ganbook-directive-0-->", "\u{FF}", "\\", "%", "@", "`", "*", "[^1]", "> ", "1. ",
                            "!!binary ", "!!python/object:os.system ", "!foo ", "<<: {hidden: [16]}", "<<: [*a, *b]",
                            "*a* [b](c) ", "_", "]", "{{>page}}", "\u{FF}1\u{FF}"]

    /// Inline values and claims, good and bad.
    static let references = ["`=a.d_real`", "`=run-1.loss_g@mean(0.5..1):.2`", "`=x`", "`=a.@`", "`= `", "`==`",
                             "`=a.d_fake@epoch(-1)`", "`=a[seed=1].d_real:%`", "`=a.modes_covered@last`", "`=b.wall_seconds:time`"]
    static let claims = ["a.d_real < b.d_real", "mean(a.loss_g) >= 0", "a.d_real@mean(0.5..1) - 1 > 2 * b.x", "(", "a.d_real <",
                         "< 3", "std(a)", "a.d_real == 1e400", "a.loss_g ÷ 0 ≠ 1", "# only a comment", "min(a.d_real@last) ≤ max(b.d_fake)"]

    /// A page, mostly plausible, sometimes hostile.
    func page(_ index: Int) -> String {
        var random = FuzzRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        var parts: [String] = []
        if random.chance(0.6) { parts.append("---\n" + frontMatter(&random) + "---\n") }
        parts.append("# Page \(index)\n\nSome prose with `code`.\n")
        if random.chance(0.3) { parts.append("Values: \(random.pick(Self.references)) and \(random.pick(Self.references)).\n") }
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            parts.append(directive(&random))
            if random.chance(0.5) { parts.append("\nMore prose.[^1]\n\n[^1]: A note.\n") }
        }
        var text = parts.joined(separator: "\n")
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            text = mutate(text, &random)
        }
        if random.chance(0.05) { text += hostile(&random) }
        return text
    }

    /// A configuration text as `ganbook train` would read it.
    func config(_ index: Int) -> String {
        var random = FuzzRandom(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var text = ganBody(&random)
        for _ in 0..<Int.random(in: 0...3, using: &random) { text = mutate(text, &random) }
        if random.chance(0.05) { text += hostile(&random) }
        return text
    }

    private func frontMatter(_ random: inout FuzzRandom) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in
            "\(random.pick(Self.frontKeys)): \(random.pick(Self.values + ["A title", "3"]))\n"
        }.joined()
    }

    private func directive(_ random: inout FuzzRandom) -> String {
        let fence = random.pick(["```", "```", "````", "~~~"])
        switch Int.random(in: 0..<7, using: &random) {
        case 6:
            let lines = (0..<Int.random(in: 0...3, using: &random)).map { _ in random.pick(Self.claims) }
            return "\(fence)gan-check\n\(lines.map { $0 + "\n" }.joined())\(fence)\n"
        case 0, 1, 2:
            return "\(fence)\(random.pick(["gan", "gan", "GAN", "Gan"]))\n\(ganBody(&random))\(fence)\n"
        case 3, 4:
            let kind = random.pick(["gan-compare", "gan-table", "GAN-Compare"])
            let lines = (0..<Int.random(in: 0...4, using: &random)).map { _ -> String in
                let key = random.pick(Self.displayKeys)
                let value = key == "runs" || key == "columns"
                    ? "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in random.pick(Self.metrics + ["a", "b", "run-1"]) }
                        .joined(separator: ", ") + "]"
                    : random.pick(Self.metrics + Self.values)
                return "\(key): \(value)\n"
            }
            return "\(fence)\(kind)\n\(lines.joined())\(fence)\n"
        default:
            return "\(fence)\(random.pick(["python", "", "yaml"]))\nx = [1, 2]\n\(fence)\n"
        }
    }

    private func ganBody(_ random: inout FuzzRandom) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            let key = random.pick(Self.ganKeys)
            if random.chance(0.2) {
                let nested = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    "\(random.pick(Self.nestedKeys)): \(random.pick(Self.values))"
                }
                if random.chance(0.5) {
                    lines.append("\(key): {\(nested.joined(separator: ", "))}")
                } else {
                    lines.append("\(key):")
                    lines += nested.map { "  " + $0 }
                }
            } else {
                lines.append("\(key): \(random.pick(Self.values))")
            }
            if random.chance(0.1) { lines.append("# a comment [") }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func mutate(_ text: String, _ random: inout FuzzRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return random.pick(Self.fragments) }
        let at = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            var scalars = Array(lines[at].unicodeScalars)
            let position = Int.random(in: 0...scalars.count, using: &random)
            scalars.insert(contentsOf: random.pick(Self.fragments).unicodeScalars, at: position)
            lines[at] = String(String.UnicodeScalarView(scalars))
        case 1:
            lines.remove(at: at)
        case 2:
            lines.insert(lines[at], at: at)
        case 3:
            lines.swapAt(at, Int.random(in: 0..<lines.count, using: &random))
        case 4:
            lines[at] = String(repeating: " ", count: Int.random(in: 0...6, using: &random)) + lines[at]
        case 5:
            let scalars = Array(lines[at].unicodeScalars)
            lines[at] = String(String.UnicodeScalarView(scalars.prefix(Int.random(in: 0...scalars.count, using: &random))))
        default:
            lines.insert(random.pick(Self.fragments), at: at)
        }
        return lines.joined(separator: "\n")
    }

    /// Deep nesting, alias bombs, inputs that make a parser slow (a paragraph dense with
    /// emphasis and links, a huge scalar, many directives), small enough to build fast.
    private func hostile(_ random: inout FuzzRandom) -> String {
        let levels = random.pick([50, 150, 5_000, 20_000])
        switch Int.random(in: 0..<8, using: &random) {
        case 5: return "\n" + String(repeating: random.pick(["*a* [b](c) ", "_a_ [b][] ", "**a [b](c) "]), count: levels) + "\n"
        case 6: return "caption: " + String(repeating: random.pick(["x", "é", "'", "[", "\\"]), count: min(levels, 5_000) * 20) + "\n"
        case 7: return String(repeating: "\n```gan-table\ncolumns: [loss_g]\n```\n", count: min(levels, 2_000))
        case 0: return "x: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        case 1: return "x: " + String(repeating: "{a: ", count: levels) + "1" + String(repeating: "}", count: levels) + "\n"
        case 2: return "x:\n" + String(repeating: "- ", count: levels) + "1\n"
        case 3: return (0..<min(levels, 300)).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1\n"
        default:
            var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            for level in 1...8 {
                lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
            }
            lines.append(random.chance(0.5) ? "? *a8\n: 1" : "title: *a8")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
