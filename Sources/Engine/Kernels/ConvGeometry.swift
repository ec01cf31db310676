/// The shapes of one convolution: planes [C×H×W] read through k×k windows at `stride`, with
/// `padding` zeros around them, giving an output grid [OH×OW]. Conv2D uses it forwards
/// (input → grid); ConvTranspose2D uses it backwards (its output is the planes, its input the grid).
struct ConvGeometry: Equatable {
    let channels: Int
    let height: Int
    let width: Int
    let kernel: Int
    let stride: Int
    let padding: Int
    let outHeight: Int
    let outWidth: Int

    /// Output grid as PyTorch's Conv2d computes it: (H + 2p − k) / s + 1, rounded down.
    init(channels: Int, height: Int, width: Int, kernel: Int, stride: Int, padding: Int) {
        self.init(channels: channels, height: height, width: width, kernel: kernel, stride: stride, padding: padding,
                  outHeight: (height + 2 * padding - kernel) / stride + 1,
                  outWidth: (width + 2 * padding - kernel) / stride + 1)
    }

    init(channels: Int, height: Int, width: Int, kernel: Int, stride: Int, padding: Int,
         outHeight: Int, outWidth: Int) {
        precondition(kernel >= 1 && stride >= 1 && padding >= 0, "kernel \(kernel), stride \(stride), padding \(padding)")
        precondition(height + 2 * padding >= kernel && width + 2 * padding >= kernel,
                     "a \(kernel)×\(kernel) kernel does not fit a padded \(height)×\(width) image (padding \(padding))")
        self.channels = channels
        self.height = height
        self.width = width
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.outHeight = outHeight
        self.outWidth = outWidth
    }

    /// Rows of the columns matrix: C·k·k.
    var columnRows: Int { channels * kernel * kernel }
    /// Positions of the output grid: OH·OW.
    var gridSize: Int { outHeight * outWidth }
    /// H·W.
    var planeSize: Int { height * width }

    /// The output columns `ow` whose input column ow·s − p + kj lies inside the image.
    @inline(__always)
    func validColumns(kernelColumn kj: Int) -> Range<Int> {
        let first = padding - kj  // input column of ow = 0 is −first
        let low = first > 0 ? (first + stride - 1) / stride : 0
        let last = width - 1 + padding - kj
        let high = last < 0 ? 0 : min(outWidth, last / stride + 1)
        return low..<max(low, high)
    }
}
