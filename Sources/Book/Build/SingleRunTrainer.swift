import Foundation
import GAN

/// `ganbook train CONFIG.yaml --out DIR`: one run, outside any notebook.
struct SingleRunTrainer {
    let options: TrainOptions
    let console: Console

    func run() throws {
        // A page's id and caption may stay in a config copied from it; they change nothing here.
        let config = try RunConfig.load(file: options.config, handledKeys: ["id", "caption"])
        try config.checkMemory(file: options.config, line: nil)
        try config.checkPrecision(file: options.config, line: nil)
        let search = DataSearchPath.standard(dataArgument: options.data)
        try search.ensureAvailable(config.dataset)
        let output = TrainOutput(path: options.output)
        try output.check(config: options.config, replace: options.replace, original: options.output)
        let lock = try output.lock()
        defer { lock.release() }
        try output.check(config: options.config, replace: options.replace, original: options.output)
        BuildInterruption.active?.planned(1)
        BuildInterruption.active?.started(options.config)
        console.line("training \(options.config) (run \(config.runHash.prefix(12))) on \(options.threads) thread(s)")
        // Outside a notebook the classifiers live in ./.ganbook (or $GANBOOK_CACHE).
        let classifiers = ClassifierFolder.cache(content: URL(fileURLWithPath: "content", isDirectory: true))
        let files = try RunTraining.train(config, search: search, threads: options.threads, console: console,
                                          label: "  ", classifiers: classifiers)
        // Checked again: the folder may have changed while the run trained.
        try output.check(config: options.config, replace: options.replace, original: options.output)
        try output.replace(with: files)
        BuildInterruption.active?.finished(output.url.path)
        console.line("wrote \(files.count) files to \(output.url.path)")
    }
}
