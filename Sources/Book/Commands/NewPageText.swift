/// The Markdown a new page starts with: front matter, a heading and one small `gan` block
/// that builds in seconds, with the common keys listed as comments to uncomment.
enum NewPageText {
    static func text(title: String, id: String) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        summary: ""
        ---
        # \(title)

        What this page asks, and why.

        ```gan
        id: \(id)
        dataset: ring8            # mnist | fashion-mnist | ring8 | grid25
        iterations: 500
        # model: mlp2d            # mlp | dcgan | mlp2d (the default follows the dataset)
        # z_dim: 2
        # loss: non-saturating    # non-saturating | minimax
        # epochs: 5               # for mnist / fashion-mnist, instead of iterations
        # batch_size: 64
        # optimizer: {name: adam, lr: 0.0002, beta1: 0.5}
        # label_smoothing: 0.9
        # instance_noise: 0.5
        # seed: 1
        # log_every: 50
        ```

        """
    }

    /// A YAML double-quoted scalar holding `text` exactly.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
