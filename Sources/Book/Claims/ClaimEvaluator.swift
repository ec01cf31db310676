/// Evaluates claims and inline values from the cache.
struct ClaimEvaluator {
    let resolver: ValueResolver

    /// The claim checked; one that needs a run this build has no entry for is not checkable.
    func evaluate(_ claim: Claim) throws -> ClaimResult {
        do { return try evaluateTrained(claim) } catch let missing as RunNotTrained { return .notCheckable(claim, missing) }
    }

    private func evaluateTrained(_ claim: Claim) throws -> ClaimResult {
        var shown: [String] = []
        var hashes: [String] = []
        func value(_ expression: ClaimExpression) throws -> Double {
            switch expression {
            case .number(let number): return number
            case .value(let reference) where reference.scope != nil, .aggregate(_, let reference) where reference.scope != nil:
                let (number, runs) = try resolver.notebookValue(reference)
                shown.append("\(reference.shown) = \(ValueFormat.automatic.format(number)) over \(runs.count) run(s)")
                return number
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

    /// An inline value as text: the number, or `mean ± std (n = k)` over a sweep; "(not trained)"
    /// when it needs a run this build has no entry for.
    func text(_ value: PlannedValue) throws -> (text: String, runs: [PlannedRun], trained: Bool) {
        do {
            let (text, runs) = try trainedText(value)
            return (text, runs, true)
        } catch is RunNotTrained {
            return (RunNotTrained.valueText, [], false)
        }
    }

    private func trainedText(_ value: PlannedValue) throws -> (text: String, runs: [PlannedRun]) {
        if let measure = value.reference.measure {
            let (number, runs) = try resolver.notebookValue(value.reference)
            let format = value.reference.format == .automatic ? measure.defaultFormat : value.reference.format
            return (format.format(number), runs)
        }
        let found = try resolver.values(value.reference, file: value.file, line: value.line, column: value.column)
        let format = value.reference.format
        if found.count == 1 { return (format.format(found[0].value), found.map(\.run)) }
        let numbers = found.map(\.value)
        let text = "\(format.format(ClaimAggregate.mean.apply(numbers))) ± \(format.format(ClaimAggregate.std.apply(numbers))) (n = \(numbers.count))"
        return (text, found.map(\.run))
    }
}
