/// Lays equal-size images side by side, left to right, with a thin separator between them:
/// the evolution of samples over training as one picture.
public enum Filmstrip {
    public static func join(_ frames: [PNGImage], separatorWidth: Int = 2, separatorValue: UInt8 = 255) -> PNGImage {
        precondition(!frames.isEmpty, "a filmstrip needs at least one frame")
        precondition(separatorWidth >= 0, "separator width must not be negative")
        let first = frames[0]
        for frame in frames {
            precondition(frame.width == first.width && frame.height == first.height && frame.channels == first.channels,
                         "filmstrip frames differ in size: \(frame.width)x\(frame.height)x\(frame.channels) vs \(first.width)x\(first.height)x\(first.channels)")
        }
        let width = frames.count * first.width + (frames.count - 1) * separatorWidth
        var strip = PNGImage(width: width, height: first.height, channels: first.channels, fill: separatorValue)
        for (index, frame) in frames.enumerated() {
            strip.paste(frame, x: index * (first.width + separatorWidth), y: 0)
        }
        return strip
    }
}
