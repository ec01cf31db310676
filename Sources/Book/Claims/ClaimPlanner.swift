import Notebook

/// Turns a page's written claims (expect: entries, gan-check lines, inline values) into checked
/// `Claim`s and `PlannedValue`s: syntax and every name are checked here, before any training.
struct ClaimPlanner {
    let file: String
    let targets: ClaimTargets

    /// The block with its expectations attached (a sweep's to each child).
    func attach(_ written: [WrittenExpectation], to block: PlannedBlock) throws -> PlannedBlock {
        guard !written.isEmpty else { return block }
        var problems: [BookError] = []
        var parsed: [(WrittenExpectation, ClaimForm)] = []
        for expectation in written {
            do {
                let subject: ValueReference
                do {
                    subject = try ReferenceParser.parse(expectation.reference, allowFormat: false)
                } catch let error as ClaimSyntaxError {
                    throw error.placed(file: file, line: expectation.line, column: expectation.column)
                }
                guard subject.scope == nil else {
                    throw BookError(file: file, line: expectation.line,
                                    message: "expect: \(expectation.reference): an expectation is about its own run",
                                    hint: "write wall_seconds for the run's time; \(subject.key) over pages goes in a gan-check block",
                                    column: expectation.column)
                }
                guard subject.run == nil else {
                    throw BookError(file: file, line: expectation.line,
                                    message: "expect: \(expectation.reference): an expectation is about its own run",
                                    hint: "write the key alone (\(subject.key)); claims across runs go in a gan-check block",
                                    column: expectation.column)
                }
                do {
                    parsed.append((expectation, try ClaimParser.condition(expectation.condition, subject: .value(subject))))
                } catch let error as ClaimSyntaxError {
                    throw error.placed(file: file, line: expectation.conditionLine, column: expectation.conditionColumn)
                }
            } catch let error as BookError {
                problems.append(error)
            }
        }
        func claims(for runID: String) -> [Claim] {
            parsed.map { expectation, form in
                let bound = form.mapReferences { reference in
                    var reference = reference
                    if reference.run == nil { reference.run = runID }
                    return reference
                }
                return Claim(text: ClaimPlanner.text(bound), form: bound, file: file, line: expectation.line,
                             column: expectation.column)
            }
        }
        let bound: PlannedBlock
        let firstID: String
        switch block {
        case .run(var run):
            firstID = run.id
            run.expectations = claims(for: run.id)
            bound = .run(run)
        case .sweep(let sweep):
            firstID = sweep.children[0].id
            bound = .sweep(PlannedSweep(id: sweep.id, caption: sweep.caption, line: sweep.line, children: sweep.children.map { child in
                var child = child
                child.expectations = claims(for: child.id)
                return child
            }, labels: sweep.labels))
        default:
            return block
        }
        // The names are the same for every child: checking the first child's claims checks them all.
        for claim in claims(for: firstID) { problems += check(claim) }
        if let problem = BookError.combined(problems) { throw problem }
        return bound
    }

    /// A gan-check block: one claim a line; `#` starts a comment.
    func check(_ directive: Directive) throws -> PlannedCheck {
        var claims: [Claim] = []
        var problems: [BookError] = []
        for (index, rawLine) in directive.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(rawLine.prefix { $0 != "#" })
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let line = directive.line + index
            let column = text.prefix { $0 == " " || $0 == "\t" }.count + 1
            do {
                let form = try ClaimParser.claim(trimmed)
                let claim = Claim(text: trimmed, form: form, file: file, line: line, column: column)
                problems += check(claim)
                claims.append(claim)
            } catch let error as ClaimSyntaxError {
                problems.append(error.placed(file: file, line: line, column: column))
            }
        }
        if claims.isEmpty && problems.isEmpty {
            problems.append(BookError(file: file, line: directive.line, message: "gan-check: no claim",
                                      hint: "write one claim a line, e.g. plain.modes_covered < pack4.modes_covered"))
        }
        if let problem = BookError.combined(problems) { throw problem }
        return PlannedCheck(line: directive.line, claims: claims)
    }

    /// An inline value of the prose, checked.
    func value(_ value: InlineValue) throws -> PlannedValue {
        let column = value.column
        let reference: ValueReference
        do {
            reference = try ReferenceParser.parse(value.text, allowFormat: true)
        } catch let error as ClaimSyntaxError {
            throw error.placed(file: file, line: value.line, column: column)
        }
        if let problem = targets.check(reference, file: file, line: value.line, column: column, aggregated: false, inline: true) {
            throw problem
        }
        return PlannedValue(reference: reference, file: file, line: value.line, column: column)
    }

    private func check(_ claim: Claim) -> [BookError] {
        var problems: [BookError] = []
        func visit(_ expression: ClaimExpression) {
            switch expression {
            case .number: break
            case .value(let reference):
                if let problem = targets.check(reference, file: file, line: claim.line, column: claim.column,
                                               aggregated: false, inline: false) { problems.append(problem) }
            case .aggregate(_, let reference):
                if let problem = targets.check(reference, file: file, line: claim.line, column: claim.column,
                                               aggregated: true, inline: false) { problems.append(problem) }
            case .negate(let inner): visit(inner)
            case .binary(_, let left, let right): visit(left); visit(right)
            }
        }
        switch claim.form {
        case .compare(let a, _, let b): visit(a); visit(b)
        case .within(let a, let b, let c): visit(a); visit(b); visit(c)
        }
        return problems
    }

    /// A claim written back as text, run ids filled in.
    static func text(_ form: ClaimForm) -> String {
        switch form {
        case .compare(let a, let op, let b): return "\(text(a)) \(op.rawValue) \(text(b))"
        case .within(let a, let b, let c): return "\(text(a)) in \(text(b))..\(text(c))"
        }
    }

    static func text(_ expression: ClaimExpression) -> String {
        switch expression {
        case .number(let value): return NumberFormatting.plain(value)
        case .value(let reference): return reference.shown
        case .aggregate(let kind, let reference): return "\(kind.rawValue)(\(reference.shown))"
        case .negate(let inner): return "-\(text(inner))"
        case .binary(let op, let a, let b): return "(\(text(a)) \(op) \(text(b)))"
        }
    }
}
