/// Peak resident memory (`/usr/bin/time -v`, maximum resident set size) of `ganbook train`
/// (debug build, 2 threads, Intel Xeon) on the shipped notebook's configurations, shortened to a
/// few hundred iterations: the peak is reached in the first step.
enum MemoryEstimateMeasurements {
    static let shipped: [(yaml: String, megabytes: Double)] = [
        ("dataset: mnist\niterations: 300\nbatch_size: 64\noptimizer: {name: adam, lr: 0.0002, beta1: 0.5}\n", 118.8),
        ("dataset: mnist\nmodel: dcgan\niterations: 20\n", 206.6),
        ("dataset: ring8\niterations: 500\nbatch_size: 256\nlog_every: 100\n", 39.9),
        ("dataset: ring8\niterations: 500\nbatch_size: 256\nlog_every: 100\npack: 4\n", 38.6),
        // Wider than shipped, so parameters and batch buffers dominate the base.
        ("dataset: mnist\niterations: 3\nbatch_size: 256\ngenerator: {hidden: [4096, 4096, 4096]}\n"
            + "discriminator: {hidden: [4096, 2048]}\n", 960.0),
        ("dataset: mnist\nmodel: dcgan\niterations: 2\nbatch_size: 256\ngenerator: {channels: [256, 128]}\n"
            + "discriminator: {channels: [128, 256]}\n", 981.4),
    ]
}
