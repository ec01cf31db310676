/// What the `claims` partial shows under a block: its checked claims, each passed or failed,
/// with the values it compared. The partial decides what to show (the shipped one marks
/// failures and shows passed claims as a small ✓).
public struct ClaimsView: Sendable {
    public struct Item: Sendable {
        public let text: String
        public let values: String
        public let passed: Bool
        public let failed: Bool
        /// Failed because a run it needs is not trained (then `failed` too).
        public let notCheckable: Bool
    }

    public let items: [Item]
    public let hasFailures: Bool

    init(_ results: [ClaimResult]) {
        items = results.map { Item(text: $0.claim.text, values: $0.valuesText, passed: $0.passed, failed: !$0.passed,
                                  notCheckable: $0.notCheckable) }
        hasFailures = results.contains { !$0.passed }
    }
}
