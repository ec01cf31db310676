import Foundation
import GAN

/// The files a run folder holds (a cache entry, or the `--out` of `ganbook train`): exactly the
/// names `RunFiles` writes, each a regular file, and `samples/` a real folder of sample files.
/// Anything else in such a folder (another name, a link, a subfolder) is someone else's, so a
/// folder holding it is never taken for a run that ganbook may replace.
enum RunFolderShape {
    static let topFiles: Set<String> = [RunEntryLayout.config, RunEntryLayout.metrics, RunEntryLayout.evaluation,
                                        RunEntryLayout.provenance, RunEntryLayout.latentGrid,
                                        RunEntryLayout.evaluationCurves]
    static let sampleFiles: Set<String> = ["final.png", "evolution.png", "points.csv", "planes.json", "latent-evolution.png"]

    /// Whether `name` is a file of `samples/`: a fixed name or `step-<iteration>.png`.
    static func isSampleName(_ name: String) -> Bool {
        if sampleFiles.contains(name) { return true }
        for prefix in [RunEntryLayout.snapshotPrefix, RunEntryLayout.latentPrefix]
        where name.hasPrefix(prefix) && name.hasSuffix(RunEntryLayout.snapshotSuffix) {
            let digits = name.dropFirst(prefix.count).dropLast(RunEntryLayout.snapshotSuffix.count)
            if !digits.isEmpty && digits.utf8.allSatisfy({ (48...57).contains($0) }) { return true }
        }
        return false
    }

    /// Paths in `folder` (relative, sorted) that are not a run's files; empty for a run folder.
    static func foreignPaths(in folder: URL) -> [String] {
        var foreign: [String] = []
        for name in names(in: folder) {
            let kind = FileKind.of(folder.appendingPathComponent(name).path)
            if name == RunEntryLayout.samples {
                guard kind == .directory else { foreign.append(name); continue }
                let samples = folder.appendingPathComponent(name)
                for file in names(in: samples)
                where !isSampleName(file) || FileKind.of(samples.appendingPathComponent(file).path) != .regular {
                    foreign.append(name + "/" + file)
                }
            } else if !topFiles.contains(name) || kind != .regular {
                foreign.append(name)
            }
        }
        return foreign.sorted()
    }

    /// Whether `folder` holds a run that ganbook wrote: only a run's files, among them a run.json
    /// with the provenance numbers and a config.json that decodes as a run configuration.
    static func holdsRun(_ folder: URL) -> Bool {
        guard foreignPaths(in: folder).isEmpty,
              let provenance = try? JSONValue.loadObject(from: folder.appendingPathComponent(RunEntryLayout.provenance)),
              RunProvenanceKey.required.allSatisfy({ provenance[$0]?.number != nil }),
              let config = try? Data(contentsOf: folder.appendingPathComponent(RunEntryLayout.config)),
              (try? RunConfig.decode(yaml: String(decoding: config, as: UTF8.self), file: RunEntryLayout.config)) != nil
        else { return false }
        return true
    }

    private static func names(in folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
}
