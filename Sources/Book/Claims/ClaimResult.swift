/// A claim checked against the cache: whether it holds, the values it compared and the runs read.
struct ClaimResult {
    let claim: Claim
    let passed: Bool
    /// Each reference with its value (`plain.modes_covered = 3`; an aggregate lists its inputs).
    let values: [String]
    /// The runs read (short hashes), so a failure names the cache entries it rests on.
    let hashes: [String]

    var valuesText: String { values.joined(separator: ", ") }

    /// One line of `ganbook check`: `PASS content/p.md:12: claim (values)`.
    var line: String {
        "\(passed ? "pass" : "FAIL") \(claim.file):\(claim.line): \(claim.text)  (\(valuesText); run \(hashes.joined(separator: ", ")))"
    }

    var failure: BookError {
        BookError(file: claim.file, line: claim.line, message: "claim failed: \(claim.text) (\(valuesText))",
                  hint: "run \(hashes.joined(separator: ", ")); fix the claim to what the data show, or change the experiment",
                  column: claim.column)
    }
}
