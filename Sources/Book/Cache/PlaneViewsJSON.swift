import Foundation
import GAN

/// `samples/planes.json`: GAN Lab's views of a 2-D run at every snapshot, kept compact (about
/// 7 KB a snapshot): σ(D) as one byte per cell (0-255 for 0-1) in hex, row by row from the top;
/// arrows as flat [x, y, dx, dy, …] (−∇ₓL_G per sample); the manifold as flat [x, y, …] over the
/// z grid; coordinates with 4 significant digits.
enum PlaneViewsJSON {
    static let format = 1

    static func encode(_ views: [PlaneView]) -> String {
        let first = views.first
        let header: [(String, String)] = [
            ("format", String(format)),
            ("extent", JSONText.number(first?.extent ?? 0)),
            ("surface_side", String(first?.surfaceSide ?? 0)),
            ("manifold_side", String(first?.manifoldSide ?? 0)),
            ("z_extent", JSONText.number(Double(PlaneView.zExtent))),
        ]
        let rows = views.map { view -> String in
            var arrows: [Float] = []
            for i in 0..<(view.arrowOrigins.count / 2) {
                arrows += [view.arrowOrigins[2 * i], view.arrowOrigins[2 * i + 1], view.arrows[2 * i], view.arrows[2 * i + 1]]
            }
            let fields = [
                "\"iteration\": \(view.iteration)",
                "\"surface\": \"\(hex(view.surface))\"",
                "\"arrows\": [\(numbers(arrows))]",
                "\"manifold\": [\(numbers(view.manifold))]",
            ]
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return "{\n" + header.map { "  \(JSONText.string($0.0)): \($0.1)," }.joined(separator: "\n")
            + "\n  \"views\": [\n" + rows.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Reads the views back (σ(D) to within 1/255, coordinates to 4 significant digits).
    static func decode(_ data: Data, file: String) throws -> [PlaneView] {
        func bad(_ message: String) -> BookError {
            BookError(file: file, message: message, hint: "the run's cache entry is damaged; delete its folder to train it again")
        }
        guard case .object(let root)? = try? JSONDecoder().decode(JSONValue.self, from: data),
              root["format"]?.number == Double(format),
              let extent = root["extent"]?.number, let side = root["surface_side"]?.number,
              let manifoldSide = root["manifold_side"]?.number, case .array(let views)? = root["views"] else {
            throw bad("not a plane-views file of format \(format)")
        }
        return try views.map { value in
            guard case .object(let view) = value, let iteration = view["iteration"]?.number,
                  case .string(let surfaceHex)? = view["surface"], case .array(let arrows)? = view["arrows"],
                  case .array(let manifold)? = view["manifold"] else { throw bad("a view lacks iteration, surface, arrows or manifold") }
            let surface = try bytes(surfaceHex).map { Float($0) / 255 }
            let flat = arrows.map { Float($0.number ?? .nan) }
            guard surface.count == Int(side) * Int(side), flat.count % 4 == 0,
                  manifold.count == 2 * Int(manifoldSide) * Int(manifoldSide) else { throw bad("a view's sizes do not match its header") }
            var origins: [Float] = [], directions: [Float] = []
            for start in stride(from: 0, to: flat.count, by: 4) {
                origins += [flat[start], flat[start + 1]]
                directions += [flat[start + 2], flat[start + 3]]
            }
            let mesh: [Float] = manifold.map { Float($0.number ?? .nan) }
            return PlaneView(iteration: Int(iteration), extent: extent, surfaceSide: Int(side), surface: surface,
                             arrowOrigins: origins, arrows: directions, manifoldSide: Int(manifoldSide), manifold: mesh)
        }
    }

    private static func hex(_ values: [Float]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(2 * values.count)
        for value in values {
            let byte = value.isFinite ? Int((min(max(value, 0), 1) * 255).rounded()) : 128
            text.append(digits[byte >> 4])
            text.append(digits[byte & 15])
        }
        return text
    }

    private static func bytes(_ hex: String) throws -> [UInt8] {
        let characters = Array(hex.utf8)
        guard characters.count % 2 == 0 else { throw BookError(file: "", message: "odd hex length") }
        return try stride(from: 0, to: characters.count, by: 2).map { i in
            guard let value = UInt8(String(decoding: characters[i...i + 1], as: UTF8.self), radix: 16) else {
                throw BookError(file: "", message: "not hex")
            }
            return value
        }
    }

    private static func numbers(_ values: [Float]) -> String {
        values.map { $0.isFinite ? String(format: "%.4g", Double($0)) : "null" }.joined(separator: ",")
    }
}
