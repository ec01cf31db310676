extension DatasetName {
    /// What the run hash records about the data. Computed from constants, never from files, so
    /// a site rebuilds from its cache with no dataset installed: the name plus the canonical
    /// training-image digest for image datasets, the generator version and parameters for the
    /// 2-D mixtures.
    public var identity: String {
        if let digests = CanonicalDigests.of(self) {
            return "\(rawValue) train-images-sha256:\(digests.trainImages)"
        }
        guard let mixture = GaussianMixture.named(self) else {
            preconditionFailure("\(rawValue) is neither an image dataset nor a mixture")
        }
        return mixture.identity
    }
}
