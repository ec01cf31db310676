import Foundation
import GAN

/// `ganbook train CONFIG.yaml --out DIR`: one run, outside any notebook.
struct SingleRunTrainer {
    let options: TrainOptions
    let console: Console

    func run() throws {
        let config = try RunConfig.load(file: options.config)
        let search = DataSearchPath.standard(dataArgument: options.data)
        try search.ensureAvailable(config.dataset)
        let output = URL(fileURLWithPath: options.output)
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !existing.isEmpty && !options.replace {
            throw BookError(file: output.path, message: "folder is not empty",
                            hint: "choose another --out, or pass --force to replace it")
        }
        _ = Provenance.engineCommit  // read before training, like the site build
        console.line("training \(options.config) (run \(config.runHash.prefix(12))) on \(options.threads) thread(s)")
        let files = try RunTraining.train(config, search: search, threads: options.threads, console: console,
                                          label: "  ")
        // Same all-at-once write as the cache: a killed run leaves the old folder or nothing.
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        // One fixed name, so a folder left by a run killed while writing is cleared by the next run.
        let partial = parent.appendingPathComponent(".\(output.lastPathComponent).partial")
        try? manager.removeItem(at: partial)
        for (path, data) in files {
            let url = partial.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        if manager.fileExists(atPath: output.path) { try manager.removeItem(at: output) }
        try manager.moveItem(at: partial, to: output)
        console.line("wrote \(files.count) files to \(output.path)")
    }
}
