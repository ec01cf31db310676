import CPNG
import Foundation

/// PNG encoding and decoding through libpng's simplified `png_image` API, which reports
/// errors in the struct instead of longjmp-ing (a longjmp through Swift frames is undefined).
enum PNGCodec {
    // PNG_FORMAT_RGB is a macro alias Swift does not import; it is the colour flag alone.
    private static let rgbFormat = png_uint_32(PNG_FORMAT_FLAG_COLOR)
    private static let grayFormat = png_uint_32(PNG_FORMAT_GRAY)

    static func encode(_ image: PNGImage) -> Data {
        var control = makeControl(width: image.width, height: image.height, channels: image.channels)
        defer { png_image_free(&control) }
        let stride = png_int_32(image.rowStride)
        var size: png_alloc_size_t = 0
        // The simplified writer writes no time chunk and uses a fixed zlib level,
        // so the same pixels give the same bytes.
        let sized = image.bytes.withUnsafeBytes { pixels in
            png_image_write_to_memory(&control, nil, &size, 0, pixels.baseAddress, stride, nil)
        }
        guard sized != 0, size > 0 else {
            preconditionFailure("libpng cannot size a \(image.width)x\(image.height) image: \(message(of: &control))")
        }
        var output = Data(count: Int(size))
        let written = output.withUnsafeMutableBytes { buffer in
            image.bytes.withUnsafeBytes { pixels in
                png_image_write_to_memory(&control, buffer.baseAddress, &size, 0, pixels.baseAddress, stride, nil)
            }
        }
        guard written != 0 else {
            preconditionFailure("libpng failed to encode: \(message(of: &control))")
        }
        output.count = Int(size)
        return output
    }

    static func decode(_ data: Data, file: String) throws -> PNGImage {
        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&control) }
        let begun = data.withUnsafeBytes { bytes in
            png_image_begin_read_from_memory(&control, bytes.baseAddress, bytes.count)
        }
        guard begun != 0 else {
            throw BookError(file: file, message: "not a readable PNG (\(message(of: &control)))",
                            hint: "delete the file so the build writes it again")
        }
        let hasAlpha = control.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
        let isColor = control.format & png_uint_32(PNG_FORMAT_FLAG_COLOR) != 0
        let channels = isColor ? 3 : 1
        control.format = isColor ? rgbFormat : grayFormat
        let width = Int(control.width), height = Int(control.height)
        if let problem = PNGSizeLimit.problem(width: width, height: height, channels: channels, fileSize: data.count) {
            throw BookError(file: file, message: problem,
                            hint: "ganbook writes small PNGs; delete the file so the build writes it again")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = withUnsafePointer(to: &white) { background in
            pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&control, hasAlpha ? background : nil, buffer.baseAddress,
                                      png_int_32(width * channels), nil)
            }
        }
        guard finished != 0 else {
            throw BookError(file: file, message: "PNG data is damaged (\(message(of: &control)))",
                            hint: "delete the file so the build writes it again")
        }
        return PNGImage(width: width, height: height, channels: channels, bytes: pixels)
    }

    private static func makeControl(width: Int, height: Int, channels: Int) -> png_image {
        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        control.width = png_uint_32(width)
        control.height = png_uint_32(height)
        control.format = channels == 3 ? rgbFormat : grayFormat
        return control
    }

    /// The NUL-terminated message libpng left in the struct.
    private static func message(of control: inout png_image) -> String {
        withUnsafeBytes(of: &control.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
