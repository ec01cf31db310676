/// `optimizer:` and `d_optimizer:`.
extension RunConfigDecoder {
    /// Reads an optimizer over `base`: keys not written keep `base`'s values, unless the YAML
    /// names a different algorithm, whose own defaults are used then. `optimizer: sgd` is short
    /// for `optimizer: {name: sgd}`.
    func decodeOptimizer(_ value: ConfigValue, over base: OptimizerConfig) throws -> OptimizerConfig {
        if value.node.scalar != nil {
            let name = try value.choice(OptimizerName.self)
            return name == base.name ? base : .defaults(for: name)
        }
        // The algorithm decides which other keys are allowed, so read it first.
        let name = try value.unvalidatedChild("name")?.choice(OptimizerName.self) ?? base.name
        let section = try ConfigMapping(value, allowed: OptimizerConfig.keys(for: name), problems: problems) { key in
            guard OptimizerConfig.allKeys.contains(key) else { return nil }
            let owners = OptimizerName.allCases.filter { OptimizerConfig.keys(for: $0).contains(key) }
            return ("applies to \(owners.map(\.rawValue).joined(separator: " and ")), and this optimizer is \(name.rawValue)",
                    "\(name.rawValue) keys: \(OptimizerConfig.keys(for: name).joined(separator: ", "))")
        }
        var optimizer = name == base.name ? base : .defaults(for: name)
        if let lr = section["lr"] {
            optimizer.lr = problems.attempt {
                try lr.double(where: { $0 > 0 }, "must be greater than 0",
                              hint: name == .adam ? "Adam's usual rate for GANs is 0.0002" : "try 0.01")
            } ?? optimizer.lr
        }
        if let beta1 = section["beta1"] {
            optimizer.beta1 = problems.attempt { try decay(beta1, hint: "DCGAN uses 0.5") } ?? optimizer.beta1
        }
        if let beta2 = section["beta2"] {
            optimizer.beta2 = problems.attempt { try decay(beta2, hint: "usually 0.999") } ?? optimizer.beta2
        }
        if let eps = section["eps"] {
            optimizer.eps = problems.attempt {
                try eps.double(where: { $0 > 0 }, "must be greater than 0", hint: "usually 1e-8")
            } ?? optimizer.eps
        }
        if let momentum = section["momentum"] {
            optimizer.momentum = problems.attempt { try decay(momentum, hint: "usually 0.5 to 0.9") } ?? optimizer.momentum
        }
        return optimizer
    }

    private func decay(_ value: ConfigValue, hint: String) throws -> Double {
        try value.double(where: { $0 >= 0 && $0 < 1 }, "must be at least 0 and less than 1", hint: hint)
    }
}
