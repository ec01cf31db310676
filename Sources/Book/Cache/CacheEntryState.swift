/// What the cache holds under one run hash.
enum CacheEntryState {
    /// Nothing: the run was never trained (or its entry was deleted).
    case absent
    /// A complete entry that verifies.
    case present(RunEntry)
    /// Something is there, but not a complete, verifying entry; the error names the file and the fix.
    case damaged(BookError)
}
