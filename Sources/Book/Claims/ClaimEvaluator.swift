/// Evaluates claims and inline values from the cache.
struct ClaimEvaluator {
    let resolver: ValueResolver

    func evaluate(_ claim: Claim) throws -> ClaimResult {
        var shown: [String] = []
        var hashes: [String] = []
        func value(_ expression: ClaimExpression) throws -> Double {
            switch expression {
            case .number(let number): return number
            case .value(let reference):
                let found = try resolver.values(reference, file: claim.file, line: claim.line, column: claim.column)
                guard let first = found.first, found.count == 1 else { return .nan }
                shown.append("\(reference.shown) = \(ValueFormat.automatic.format(first.value))")
                hashes.append(String(first.run.hash.prefix(12)))
                return first.value
            case .aggregate(let kind, let reference):
                let found = try resolver.values(reference, file: claim.file, line: claim.line, column: claim.column)
                let result = kind.apply(found.map(\.value))
                shown.append("\(kind.rawValue)(\(reference.shown)) = \(ValueFormat.automatic.format(result)) of "
                             + "[\(found.map { ValueFormat.automatic.format($0.value) }.joined(separator: ", "))]")
                hashes += found.map { String($0.run.hash.prefix(12)) }
                return result
            case .negate(let inner): return -(try value(inner))
            case .binary(let op, let left, let right):
                let (a, b) = (try value(left), try value(right))
                switch op {
                case "+": return a + b
                case "-": return a - b
                case "*": return a * b
                default: return a / b
                }
            }
        }
        let passed: Bool
        switch claim.form {
        case .compare(let left, let comparison, let right):
            let (a, b) = (try value(left), try value(right))
            passed = a.isFinite && b.isFinite ? comparison.holds(a, b) : (comparison == .notEqual && a != b)
        case .within(let subject, let low, let high):
            let (x, a, b) = (try value(subject), try value(low), try value(high))
            passed = x >= a && x <= b
        }
        var seen = Set<String>()
        return ClaimResult(claim: claim, passed: passed, values: shown.filter { seen.insert($0).inserted },
                           hashes: hashes.filter { seen.insert($0).inserted })
    }

    /// An inline value as text: the number, or `mean ± std (n = k)` over a sweep.
    func text(_ value: PlannedValue) throws -> (text: String, runs: [PlannedRun]) {
        let found = try resolver.values(value.reference, file: value.file, line: value.line, column: value.column)
        let format = value.reference.format
        if found.count == 1 { return (format.format(found[0].value), found.map(\.run)) }
        let numbers = found.map(\.value)
        let text = "\(format.format(ClaimAggregate.mean.apply(numbers))) ± \(format.format(ClaimAggregate.std.apply(numbers))) (n = \(numbers.count))"
        return (text, found.map(\.run))
    }
}
