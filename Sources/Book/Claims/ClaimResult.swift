/// A claim checked against the cache: whether it holds, the values it compared and the runs read.
struct ClaimResult {
    let claim: Claim
    let passed: Bool
    /// Each reference with its value (`plain.modes_covered = 3`; an aggregate lists its inputs).
    let values: [String]
    /// The runs read (short hashes), so a failure names the cache entries it rests on.
    let hashes: [String]
    /// The claim needs a run this build has no entry for: neither true nor false, and not a pass.
    var notCheckable = false

    var valuesText: String { values.joined(separator: ", ") }

    /// `run a1b2…, c3d4…`; empty for a claim on notebook values alone (they name how many runs they count).
    private var runsText: String { hashes.isEmpty ? "" : "run \(hashes.joined(separator: ", "))" }

    /// One line of `ganbook check`: `PASS content/p.md:12: claim (values)`.
    var line: String {
        if notCheckable { return "FAIL \(claim.file):\(claim.line): \(claim.text)  (not checkable: \(valuesText))" }
        return "\(passed ? "pass" : "FAIL") \(claim.file):\(claim.line): \(claim.text)  (\([valuesText, runsText].filter { !$0.isEmpty }.joined(separator: "; ")))"
    }

    /// A claim that needs a run that is not trained.
    static func notCheckable(_ claim: Claim, _ missing: RunNotTrained) -> ClaimResult {
        ClaimResult(claim: claim, passed: false, values: ["\(missing)"], hashes: [], notCheckable: true)
    }

    var failure: BookError {
        if notCheckable {
            return BookError(file: claim.file, line: claim.line, message: "claim not checkable: \(claim.text) (\(valuesText))",
                             hint: "train the run, then build again", column: claim.column)
        }
        return BookError(file: claim.file, line: claim.line, message: "claim failed: \(claim.text) (\(valuesText))",
                  hint: (hashes.isEmpty ? "" : runsText + "; ") + "fix the claim to what the data show, or change the experiment",
                  column: claim.column)
    }
}
