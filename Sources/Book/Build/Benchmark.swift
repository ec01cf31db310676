import Engine
import Foundation
import GAN

/// `ganbook bench`: full GAN iterations per second of the reference models at batch 64, with the
/// achieved GFLOP/s and this machine's single-threaded sgemm speed for scale.
struct Benchmark {
    let options: BenchOptions
    let console: Console

    struct Row {
        var measurement: StepBenchmark.Measurement
        var peakMegabytes: Double
    }

    func threadCounts() throws -> [Int] {
        guard let text = options.threads else {
            let cores = ComputePool.availableCores
            return cores > 1 ? [1, cores] : [1]
        }
        let counts = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1 && $0 <= 256 }) else {
            throw BookError(file: "", message: "--threads expects counts such as 1,2; got \(text)")
        }
        return counts
    }

    func run() throws {
        let counts = try threadCounts()
        var rows: [Row] = []
        for name in options.models {
            let model: ModelKind = name == "dcgan" ? .dcgan : .mlp
            for threads in counts {
                if !options.json { console.progress("measuring \(name) on \(threads) thread(s)…") }
                let measurement = StepBenchmark(model: model).measure(threads: threads, seconds: options.seconds)
                rows.append(Row(measurement: measurement,
                                peakMegabytes: Double(BLASRuntime.peakResidentBytes) / 1_048_576))
            }
        }
        let sgemm = Sgemm(
            small: BLASRuntime.measureSGEMM(m: 64, n: 784, k: 1024, seconds: 0.5),
            large: BLASRuntime.measureSGEMM(m: 1024, n: 1024, k: 1024, seconds: 0.5),
            ownSmall: BLAS.useOwnKernels ? BLASRuntime.measureSGEMM(m: 64, n: 784, k: 1024, seconds: 0.5, ownKernel: true) : nil)
        console.endProgress()
        console.line(options.json ? json(rows, sgemm) : table(rows, sgemm))
    }

    /// Single-threaded product speeds, GFLOP/s: OpenBLAS at the MLP's largest layer (64×1024×784)
    /// and at 1024³, and our kernel at the former.
    struct Sgemm {
        var small: Double
        var large: Double
        var ownSmall: Double?
    }

    func table(_ rows: [Row], _ sgemm: Sgemm) -> String {
        var lines = ["ganbook \(Ganbook.version) bench: batch 64, one D step (real + fake) and one G step, Adam, BCE on logits",
                     "CPU: \(Benchmark.cpuName), \(ComputePool.availableCores) core(s); OpenBLAS kernel \(BLASRuntime.coreName)",
                     "products: \(BLASRuntime.productKernels)",
                     "OpenBLAS sgemm, 1 thread: \(f(sgemm.small, 0)) GFLOP/s at 64×1024×784, \(f(sgemm.large, 0)) GFLOP/s at 1024³"]
        if let own = sgemm.ownSmall { lines.append("ganbook kernel, 1 thread: \(f(own, 0)) GFLOP/s at 64×1024×784") }
        lines += ["",
                  "model  threads  it/s     images/s  GFLOP/it  GFLOP/s  it/CPU-s  peak MB"]
        for row in rows {
            let m = row.measurement
            lines.append([pad(m.model, 7), pad("\(m.threads)", 9), pad(f(m.iterationsPerSecond, 1), 9),
                          pad(f(m.imagesPerSecond, 0), 10), pad(f(m.flopsPerIteration / 1e9, 3), 10),
                          pad(f(m.gflops, 1), 9), pad(f(m.iterationsPerCPUSecond, 1), 10),
                          f(row.peakMegabytes, 0)].joined())
        }
        return lines.joined(separator: "\n")
    }

    func json(_ rows: [Row], _ sgemm: Sgemm) -> String {
        let objects = rows.map { row -> String in
            let m = row.measurement
            let fields: [(String, String)] = [
                ("model", JSONText.string(m.model)), ("threads", "\(m.threads)"), ("batch_size", "\(m.batchSize)"),
                ("iterations_per_second", f(m.iterationsPerSecond, 2)), ("images_per_second", f(m.imagesPerSecond, 1)),
                ("gflop_per_iteration", f(m.flopsPerIteration / 1e9, 4)), ("gflops", f(m.gflops, 2)),
                ("iterations_per_cpu_second", f(m.iterationsPerCPUSecond, 2)),
                ("peak_memory_mb", f(row.peakMegabytes, 1)), ("blas_core", JSONText.string(BLASRuntime.coreName)),
                ("sgemm_gflops_64x1024x784", f(sgemm.small, 1)), ("sgemm_gflops_1024", f(sgemm.large, 1)),
                ("own_kernel_gflops_64x1024x784", sgemm.ownSmall.map { f($0, 1) } ?? "null"),
                ("product_kernels", JSONText.string(BLASRuntime.productKernels)),
                ("cpu", JSONText.string(Benchmark.cpuName)),
            ]
            return "  {" + fields.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    static var cpuName: String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let name = line.split(separator: ":", maxSplits: 1).last else { return "unknown CPU" }
        return name.trimmingCharacters(in: .whitespaces)
    }

    private func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
}
