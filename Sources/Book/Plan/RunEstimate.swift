/// How long a planned run should train and how much memory it needs.
struct RunEstimate: Equatable {
    var seconds: Double
    var memoryBytes: Double
}
