import Engine
import GAN

public struct BuildOptions {
    public var content: String
    public var site: String
    public var templates: String
    public var data: String?
    public var threads: Int
    public var frozen: Bool
    /// `--cache DIR` (else `$GANBOOK_CACHE_DIR`): train into a cache outside the site, copy what pages use into site/runs/.
    public var cache: String? = nil
    /// `--only PAGE`: that page (by slug, file name or path) and the index; nothing else is touched.
    public var only: String? = nil
    /// `--rerun ID|HASH`: runs to train again; each entry is replaced only once the new one is whole.
    public var rerun: [String] = []
    /// `--dry-run`: list what would train, with estimated times; train and write nothing.
    public var dryRun = false
    /// `-j N`: runs trained at once (nil: `BuildOptions.defaultJobs`).
    public var jobs: Int? = nil
    /// `--keep-going`: train and render what can be, list the failures, fail at the end.
    public var keepGoing = false
    /// The child process of `-j`: train this one run of the plan into the cache, render nothing.
    public var trainOnly: String? = nil
    /// With `trainOnly`: the run as the parent resolved it, so the child trains exactly that run
    /// without reading the pages again (an author may edit them while a long build trains).
    public var trainChild: TrainChild? = nil
    /// The CPU the runs would train on, for the checks before training (nil: this machine's).
    /// Only tests set it, to see what a build does on a CPU it does not run on.
    public var cpu: CPUFeatures? = nil

    public init(content: String, site: String, templates: String, data: String?, threads: Int, frozen: Bool) {
        self.content = content
        self.site = site
        self.templates = templates
        self.data = data
        self.threads = threads
        self.frozen = frozen
    }
}

public struct TrainOptions {
    public var config: String
    public var output: String
    public var data: String?
    public var threads: Int
    public var replace: Bool

    public init(config: String, output: String, data: String?, threads: Int, replace: Bool) {
        self.config = config
        self.output = output
        self.data = data
        self.threads = threads
        self.replace = replace
    }
}

public struct RunsOptions {
    public var content: String
    public var site: String
    public var prune: Bool
    /// With `prune`: list what would be removed, delete nothing.
    public var dryRun: Bool

    public init(content: String, site: String, prune: Bool, dryRun: Bool = false) {
        self.content = content
        self.site = site
        self.prune = prune
        self.dryRun = dryRun
    }
}

public struct BenchOptions {
    public var models: [ModelKind]
    /// Thread counts, nil for 1 and all cores.
    public var threads: [Int]?
    /// The precisions to measure; each must be one this CPU and build can run.
    public var precisions: [Precision]
    public var seconds: Double
    /// Exactly this many iterations per case instead of `seconds` (for instruction counts).
    public var iterations: Int?
    public var json: Bool
    /// Each case is measured this many times, round-robin, and its median reported.
    public var rounds: Int
    /// The folder of the PyTorch and JAX reference scripts to measure in the same rounds, if any.
    public var peers: String?
    /// The Python that runs them.
    public var python: String

    public init(model: BenchArguments.Model, threads: [Int]?, precisions: [Precision] = [.fp32], seconds: Double,
                iterations: Int? = nil, json: Bool, rounds: Int = 1, peers: String? = nil, python: String = "python3") {
        self.models = model.kinds
        self.threads = threads
        self.precisions = precisions
        self.seconds = seconds
        self.iterations = iterations
        self.json = json
        self.rounds = rounds
        self.peers = peers
        self.python = python
    }
}
