import Foundation
import GAN

/// Turns a finished run into the files of its cache entry (relative path → bytes).
enum RunFiles {
    static func make(config: RunConfig, result: TrainingResult, provenance: Provenance) -> [String: Data] {
        var files: [String: Data] = [:]
        // The configuration holds no display-only keys (a page's id is Book's), so the entry's bytes
        // are the same whichever page's directive trained it.
        files[RunEntryLayout.config] = Data(config.prettyJSON.utf8)
        files[RunEntryLayout.metrics] = Data(result.metrics.csv.utf8)
        let evaluation = result.evaluation.keys.sorted().map { ($0, JSONText.number(result.evaluation[$0]!)) }
        files[RunEntryLayout.evaluation] = Data(JSONText.object(evaluation).utf8)

        let frames = result.snapshots.map { picture($0, config: config, result: result) }
        for (snapshot, frame) in zip(result.snapshots, frames) {
            files[RunEntryLayout.snapshot(iteration: snapshot.iteration)] = frame.encode()
        }
        files[RunEntryLayout.finalGrid] = frames.last!.encode()
        files[RunEntryLayout.filmstrip] = Filmstrip.join(result.snapshots.map { stripFrame($0, config: config, result: result) }).encode()
        if !result.planeViews.isEmpty {
            files[RunEntryLayout.planeViews] = Data(PlaneViewsJSON.encode(result.planeViews).utf8)
        }
        files[RunEntryLayout.evaluationCurves] = Data(result.evaluationTable.csv.utf8)
        // Latent grids at half size (14 px a cell): ten of them and their strip keep an entry of
        // textured images (Fashion-MNIST) under 1 MB.
        if let latent = result.latentGrid {
            files[RunEntryLayout.latentGrid] = grid(latent, columns: EvaluationSuite.displayGrid).halved().encode()
        }
        if !result.latentFrames.isEmpty {
            let latentFrames = result.latentFrames.map { grid($0, columns: EvaluationSuite.displayGrid).halved() }
            for (frame, picture) in zip(result.latentFrames, latentFrames) {
                files[RunEntryLayout.latent(iteration: frame.iteration)] = picture.encode()
            }
            files[RunEntryLayout.latentFilmstrip] = Filmstrip.join(latentFrames).encode()
        }
        if !result.finalSnapshot.isImage {
            var csv = "x,y\n"
            let v = result.finalSnapshot.values
            for i in stride(from: 0, to: v.count - 1, by: 2) {
                csv += "\(JSONText.number(Double(v[i]))),\(JSONText.number(Double(v[i + 1])))\n"
            }
            files[RunEntryLayout.points] = Data(csv.utf8)
        }
        files[RunEntryLayout.provenance] = Data(provenance.json.utf8)
        return files
    }

    /// An 8×8 grid for images; for 2-D points GAN Lab's layers of the snapshot in the run's frame.
    static func picture(_ snapshot: Snapshot, config: RunConfig, result: TrainingResult) -> PNGImage {
        if snapshot.isImage { return grid(snapshot, columns: 8) }
        let mixture = GaussianMixture.of(config)
        let view = result.planeViews.first { $0.iteration == snapshot.iteration }
        let extent = view?.extent ?? mixture.map(PlaneFrame.extent(of:)) ?? 3
        return PlanePicture(extent: extent, generated: snapshot.values, real: result.realSample.values,
                            centers: mixture?.centers ?? [], view: view,
                            size: planePictureSize(snapshots: result.snapshots.count)).draw()
    }

    /// Side of a 2-D snapshot picture: smaller for many snapshots, so an entry stays under 1 MB.
    static func planePictureSize(snapshots: Int) -> Int {
        snapshots <= PlaneViewDetail.fullUpTo ? 320 : 128
    }

    /// The filmstrip shows the first 4×4 samples of every snapshot: the same noise vectors frame
    /// after frame, at a quarter of the size of the full grids (which are kept one file each).
    static let stripSamples = 16

    static func stripFrame(_ snapshot: Snapshot, config: RunConfig, result: TrainingResult) -> PNGImage {
        guard snapshot.isImage, snapshot.count > stripSamples else {
            // Many 2-D frames go into the strip as thumbnails (each is also kept full size).
            guard !snapshot.isImage, result.snapshots.count > PlaneViewDetail.fullUpTo else {
                return picture(snapshot, config: config, result: result)
            }
            let mixture = GaussianMixture.of(config)
            let view = result.planeViews.first { $0.iteration == snapshot.iteration }
            return PlanePicture(extent: view?.extent ?? mixture.map(PlaneFrame.extent(of:)) ?? 3, generated: snapshot.values,
                                real: result.realSample.values, centers: mixture?.centers ?? [], view: view,
                                size: 64).draw()
        }
        var first = snapshot
        first.count = stripSamples
        first.values = Array(snapshot.values.prefix(stripSamples * snapshot.sampleShape.reduce(1, *)))
        return grid(first, columns: 4)
    }

    static func grid(_ snapshot: Snapshot, columns: Int) -> PNGImage {
        let shape = snapshot.sampleShape
        return SampleGrid.tile(snapshot.values, count: snapshot.count, channels: shape[0], height: shape[1],
                               width: shape[2], columns: columns)
    }
}
