extension Substring {
    /// The line without the spaces and tabs at its end.
    func trimmingTrailingBlanks() -> Substring {
        var trimmed = self
        while let last = trimmed.last, last == " " || last == "\t" {
            trimmed = trimmed.dropLast()
        }
        return trimmed
    }
}
