extension RunConfig {
    /// Bumped by hand only when cached results change meaning (metrics renamed, evaluation
    /// redefined): every run hash changes with it. 2: `pack` draws batch_size × pack samples,
    /// the mixtures' geometry is in the resolved config; the evaluation at every snapshot
    /// (evaluation.csv), the classifier's metrics, PacGAN's mode count, D's verdicts on the
    /// evaluation sample, latent grids and churn; `diversity` dropped.
    public static let resultsFormatVersion = 2

    /// The identity of the run's dataset, known without its files (see `DatasetName.identity`).
    /// A mixture's identity carries its geometry.
    public var datasetIdentity: String { GaussianMixture.of(self)?.identity ?? dataset.identity }

    /// The text the run hash is computed from:
    /// `canonicalJSON + "\n" + datasetIdentity + "\n" + "results-format:<N>"`.
    public func hashInput(datasetIdentity: String? = nil,
                          resultsFormat: Int = RunConfig.resultsFormatVersion) -> String {
        canonicalJSON + "\n" + (datasetIdentity ?? self.datasetIdentity) + "\n" + "results-format:\(resultsFormat)"
    }

    /// SHA-256 (lowercase hex) of `hashInput()`: names the run's cache entry `site/runs/<hash>/`.
    public var runHash: String {
        SHA256.hash(data: Array(hashInput().utf8)).hexString
    }
}
