import GAN

/// Estimates runs before they train; `method` says how, for the listing's reader.
protocol RunTimeEstimating {
    var method: String { get }
    func estimate(_ config: RunConfig, threads: Int) -> RunEstimate
}
