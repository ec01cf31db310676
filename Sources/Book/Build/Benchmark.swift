import Engine
import Foundation
import GAN

/// `ganbook bench`: full GAN iterations per second of the reference models at batch 64, with the
/// achieved GFLOP/s and this machine's single-threaded sgemm speed for scale.
struct Benchmark {
    let options: BenchOptions
    let console: Console

    /// One model at one thread count: the median of its rounds, with the spread and the peers' medians.
    struct Row {
        var measurement: StepBenchmark.Measurement
        var precision: Precision
        var peakMegabytes: Double
        /// Slowest and fastest round, iterations/s.
        var range: ClosedRange<Double>
        var peers: [PeerBenchmark.Peer: Double] = [:]

        /// ganbook's median over the fastest peer's median.
        var ratioToBestPeer: Double? {
            guard let best = peers.values.max() else { return nil }
            return measurement.iterationsPerSecond / best
        }
    }

    /// Every round of one case.
    private struct Case {
        var model: ModelKind
        var threads: Int
        var precision: Precision
        var rounds: [StepBenchmark.Measurement] = []
        var peakMegabytes = 0.0
        var peers: [PeerBenchmark.Peer: [Double]] = [:]

        var row: Row {
            let sorted = rounds.sorted { $0.iterationsPerSecond < $1.iterationsPerSecond }
            return Row(measurement: sorted[sorted.count / 2], precision: precision, peakMegabytes: peakMegabytes,
                       range: sorted[0].iterationsPerSecond...sorted[sorted.count - 1].iterationsPerSecond,
                       peers: peers.mapValues { $0.sorted()[$0.count / 2] })
        }
    }

    func threadCounts() -> [Int] {
        if let counts = options.threads { return counts }
        let cores = ComputePool.availableCores
        return cores > 1 ? [1, cores] : [1]
    }

    /// Fails before anything is measured when a precision cannot run here.
    func checkPrecisions() throws {
        for precision in options.precisions {
            if let reason = precision.unavailability() {
                throw BookError(file: "", message: "--precision \(precision.rawValue): \(reason)",
                                hint: "measure with --precision fp32")
            }
        }
    }

    /// Measures every case once per round, round-robin (so a slow spell on a shared machine
    /// touches every case alike), ganbook and then each peer.
    func run() throws {
        let counts = threadCounts()
        try checkPrecisions()
        if let iterations = options.iterations, !(1...1_000_000).contains(iterations) {
            throw BookError(file: "", message: "--iterations expects 1 to 1000000; got \(iterations)")
        }
        guard (1...99).contains(options.rounds) else {
            throw BookError(file: "", message: "--rounds expects 1 to 99; got \(options.rounds)")
        }
        let peers = options.peers.map { PeerBenchmark(directory: URL(fileURLWithPath: $0), python: options.python) }
        try peers?.checkScripts(models: options.models.map(\.rawValue))
        var cases = options.models.flatMap { model in
            options.precisions.flatMap { precision in counts.map { Case(model: model, threads: $0, precision: precision) } }
        }
        for round in 1...options.rounds {
            for index in cases.indices {
                let kind = cases[index].model, model = kind.rawValue, threads = cases[index].threads
                let label = options.rounds > 1 ? "round \(round)/\(options.rounds): " : ""
                if !options.json {
                    console.progress("\(label)measuring \(model) \(cases[index].precision.rawValue) on \(threads) thread(s)…")
                }
                let precision = cases[index].precision
                cases[index].rounds.append(StepBenchmark(model: kind).measure(threads: threads, seconds: options.seconds,
                                                                                   iterations: options.iterations,
                                                                                   precision: precision))
                // The process's peak, read in the first round only: later rounds come after the
                // other cases, whose buffers (the DCGAN's) would raise it.
                if round == 1 { cases[index].peakMegabytes = Double(BLASRuntime.peakResidentBytes) / 1_048_576 }
                for peer in PeerBenchmark.Peer.allCases where PeerBenchmark.runs(peer, in: precision) {
                    guard let peers else { break }
                    if !options.json {
                        console.progress("\(label)measuring \(peer.rawValue) \(model) \(precision.rawValue) on \(threads) thread(s)…")
                    }
                    cases[index].peers[peer, default: []].append(
                        try peers.measure(peer, model: model, threads: threads, seconds: options.seconds, precision: precision))
                }
            }
        }
        let rows = cases.map(\.row)
        let sgemm = Sgemm(
            small: BLASRuntime.measureSGEMM(m: 64, n: 784, k: 1024, seconds: 0.5),
            large: BLASRuntime.measureSGEMM(m: 1024, n: 1024, k: 1024, seconds: 0.5),
            ownSmall: BLAS.useOwnKernels ? BLASRuntime.measureSGEMM(m: 64, n: 784, k: 1024, seconds: 0.5, ownKernel: true) : nil,
            bf16Small: options.precisions.contains(.bf16)
                ? BLAS.withPrecision(.bf16) { BLASRuntime.measureSGEMM(m: 64, n: 784, k: 1024, seconds: 0.5) } : nil,
            peak: Dictionary(uniqueKeysWithValues: options.precisions.compactMap { precision in
                BLASRuntime.measurePeak(precision).map { (precision, $0) }
            }))
        console.endProgress()
        console.line(options.json ? json(rows, sgemm) : table(rows, sgemm))
    }

    /// Single-threaded product speeds, GFLOP/s: OpenBLAS at the MLP's largest layer (64×1024×784)
    /// and at 1024³, and our kernel at the former.
    struct Sgemm {
        var small: Double
        var large: Double
        var ownSmall: Double?
        /// Our bf16 kernel at the same shape (operand packing included), when bf16 is measured.
        var bf16Small: Double?
        /// One core's ceiling per measured precision: the kernels' register tile on data in L1.
        var peak: [Precision: Double] = [:]

        /// The share of `threads` cores' ceiling that `gflops` reaches.
        func fractionOfPeak(_ gflops: Double, _ precision: Precision, threads: Int) -> Double? {
            peak[precision].map { gflops / ($0 * Double(threads)) }
        }
    }

    func table(_ rows: [Row], _ sgemm: Sgemm) -> String {
        var lines = ["ganbook \(Ganbook.version) bench: batch 64, one D step (real + fake) and one G step, Adam, BCE on logits",
                     "CPU: \(Benchmark.cpuName), \(ComputePool.availableCores) core(s), \(Benchmark.cpuExtensions); OpenBLAS kernel \(BLASRuntime.coreName)",
                     "products: \(BLASRuntime.productKernels)",
                     "OpenBLAS sgemm, 1 thread: \(f(sgemm.small, 0)) GFLOP/s at 64×1024×784, \(f(sgemm.large, 0)) GFLOP/s at 1024³"]
        if let own = sgemm.ownSmall { lines.append("ganbook kernel, 1 thread: \(f(own, 0)) GFLOP/s at 64×1024×784") }
        if let bf16 = sgemm.bf16Small {
            lines.append("bf16 products: \(BLASRuntime.bf16ProductKernel)")
            lines.append("ganbook bf16 kernel, 1 thread: \(f(bf16, 0)) GFLOP/s at 64×1024×784")
        }
        if !sgemm.peak.isEmpty {
            let peaks = Precision.allCases.compactMap { p in sgemm.peak[p].map { "\(p.rawValue) \(f($0, 0))" } }
            lines.append("core ceiling, 1 thread: \(peaks.joined(separator: ", ")) GFLOP/s (the kernels' register tile on data in L1; "
                         + "of peak = GFLOP/s over the ceiling × threads)")
        }
        let rounds = options.rounds > 1, peers = options.peers != nil
        if peers, options.precisions.contains(.bf16) {
            lines.append("bf16 rows: PyTorch under torch.autocast (--bf16); the JAX references have no bf16 mode")
        }
        if rounds { lines.append("each figure is the median of \(options.rounds) rounds; range: slowest–fastest round, it/s") }
        var header = "model  precision  threads  it/s     images/s  GFLOP/it  GFLOP/s  of peak  it/CPU-s  peak MB"
        if rounds { header += "  range        " }
        if peers { header += (rounds ? "" : "  ") + "PyTorch  JAX      ganbook/best" }
        lines += ["", header.trimmingCharacters(in: .whitespaces)]
        for row in rows {
            let m = row.measurement
            var cells = [pad(m.model, 7), pad(row.precision.rawValue, 11), pad("\(m.threads)", 9), pad(f(m.iterationsPerSecond, 1), 9),
                         pad(f(m.imagesPerSecond, 0), 10), pad(f(m.flopsPerIteration / 1e9, 3), 10),
                         pad(f(m.gflops, 1), 9),
                         pad(sgemm.fractionOfPeak(m.gflops, row.precision, threads: m.threads).map { f($0 * 100, 0) + "%" } ?? "-", 9),
                         pad(f(m.iterationsPerCPUSecond, 1), 10),
                         pad(f(row.peakMegabytes, 0), 9)]
            if rounds { cells.append(pad(f(row.range.lowerBound, 1) + "–" + f(row.range.upperBound, 1), 13)) }
            if peers {
                cells += [pad(row.peers[.pytorch].map { f($0, 1) } ?? "-", 9), pad(row.peers[.jax].map { f($0, 1) } ?? "-", 9),
                          row.ratioToBestPeer.map { f($0, 2) + "×" } ?? "-"]
            }
            lines.append(cells.joined().trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }

    func json(_ rows: [Row], _ sgemm: Sgemm) -> String {
        let objects = rows.map { row -> String in
            let m = row.measurement
            var fields: [(String, String)] = [
                ("model", JSONText.string(m.model)), ("precision", JSONText.string(row.precision.rawValue)),
                ("threads", "\(m.threads)"), ("batch_size", "\(m.batchSize)"),
                ("iterations", "\(m.iterations)"), ("iterations_per_second", f(m.iterationsPerSecond, 2)), ("images_per_second", f(m.imagesPerSecond, 1)),
                ("gflop_per_iteration", f(m.flopsPerIteration / 1e9, 4)), ("gflops", f(m.gflops, 2)),
                ("iterations_per_cpu_second", f(m.iterationsPerCPUSecond, 2)),
                ("peak_memory_mb", f(row.peakMegabytes, 1)), ("blas_core", JSONText.string(BLASRuntime.coreName)),
                ("sgemm_gflops_64x1024x784", f(sgemm.small, 1)), ("sgemm_gflops_1024", f(sgemm.large, 1)),
                ("own_kernel_gflops_64x1024x784", sgemm.ownSmall.map { f($0, 1) } ?? "null"),
                ("bf16_kernel_gflops_64x1024x784", sgemm.bf16Small.map { f($0, 1) } ?? "null"),
                ("core_peak_gflops", sgemm.peak[row.precision].map { f($0, 1) } ?? "null"),
                ("fraction_of_peak", sgemm.fractionOfPeak(m.gflops, row.precision, threads: m.threads).map { f($0, 3) } ?? "null"),
                ("product_kernels", JSONText.string(BLASRuntime.productKernels)),
                ("bf16_product_kernel", row.precision == .bf16 ? JSONText.string(BLASRuntime.bf16ProductKernel) : "null"),
                ("cpu", JSONText.string(Benchmark.cpuName)),
                ("cpu_extensions", "[" + CPUFeatures.current.extensions.map(JSONText.string).joined(separator: ", ") + "]"),
                ("rounds", "\(options.rounds)"),
                ("iterations_per_second_min", f(row.range.lowerBound, 2)),
                ("iterations_per_second_max", f(row.range.upperBound, 2)),
            ]
            if options.peers != nil {
                let torch: String = row.peers[.pytorch].map { f($0, 2) } ?? "null"
                let jax: String = row.peers[.jax].map { f($0, 2) } ?? "null"
                let ratio: String = row.ratioToBestPeer.map { f($0, 3) } ?? "null"
                fields += [("pytorch_iterations_per_second", torch), ("jax_iterations_per_second", jax),
                           ("ratio_to_best_peer", ratio)]
            }
            return "  {" + fields.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    static var cpuName: String { CPUFeatures.current.modelName }

    /// The instruction-set extensions the kernels choose by, e.g. "avx avx2 fma f16c".
    static var cpuExtensions: String {
        let list = CPUFeatures.current.extensions
        return list.isEmpty ? "no AVX" : list.joined(separator: " ")
    }

    private func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
}
