extension Dataset {
    /// One example's shape as the engine uses it: [C, H, W] or [dimension].
    var sampleShape: [Int] {
        switch shape {
        case let .image(channels, height, width): return [channels, height, width]
        case let .point(dimension): return [dimension]
        }
    }

    var sampleSize: Int { shape.elementCount }

    var isImage: Bool {
        if case .image = shape { return true }
        return false
    }
}
