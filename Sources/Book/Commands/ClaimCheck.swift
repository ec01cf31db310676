import Foundation

/// `ganbook check`: every inline value and claim of every page evaluated from the verified cache
/// entries, without rendering or training; one line per claim, then a summary. Any failure (a
/// false claim, a value that cannot be read, a run not trained) makes the command fail.
struct ClaimCheck {
    let options: CheckOptions
    let console: Console

    func run() throws {
        let stages = BuildStages(content: options.content, site: options.site, templates: "", console: console)
        let plan = try stages.plan(try stages.loadPages())
        try stages.cache.checkRoot()
        var passed = 0
        var failed = 0
        var values = 0
        var unreadable = 0
        let untrained = Set(plan.distinctRuns.map(\.run.hash).filter { hash in
            if case .absent = stages.cache.state(hash) { return true } else { return false }
        })
        for page in plan.pages {
            var resolver = ValueResolver(targets: page.targets, entry: { hash in
                if case .damaged(let error) = stages.cache.state(hash) { throw error }
                return try stages.cache.load(hash)
            })
            resolver.untrained = untrained
            resolver.notebook = NotebookRuns(plan: plan, page: page)
            let evaluator = ClaimEvaluator(resolver: resolver)
            for claim in page.claims {
                do {
                    let result = try evaluator.evaluate(claim)
                    console.line(result.line)
                    if result.passed { passed += 1 } else { failed += 1 }
                } catch {
                    console.line("FAIL \(claim.file):\(claim.line): \(claim.text)  (\(ClaimCheck.oneLine(error)))")
                    failed += 1
                }
            }
            for value in page.values {
                do {
                    let read = try evaluator.text(value)
                    guard read.trained else {
                        console.line("FAIL \(value.file):\(value.line): =\(value.reference.text)  (\(RunNotTrained.valueText); ganbook build trains it)")
                        unreadable += 1
                        continue
                    }
                    values += 1
                } catch {
                    console.line("FAIL \(value.file):\(value.line): =\(value.reference.text)  (\(ClaimCheck.oneLine(error)))")
                    unreadable += 1
                }
            }
        }
        let summary = "\(passed + failed) claim(s): \(passed) passed, \(failed) failed; "
            + "\(values + unreadable) inline value(s): \(values) read, \(unreadable) unreadable"
        console.line(summary)
        if failed + unreadable > 0 {
            throw BookError(file: "", message: "check failed: \(summary)",
                            hint: "each FAIL line above names the claim's page:line, its values and runs")
        }
    }

    static func oneLine(_ error: Error) -> String {
        "\(error)".replacingOccurrences(of: "\n", with: "; ")
    }
}
