/// The Slurm job files of a plan: a job array with one task per missing run (task N trains the
/// run on line N of the hash list), a render job, and a script that queues both, the render job
/// with `--dependency=afterok` on the whole array.
struct SlurmJobs {
    let listing: PlanListing
    let context: JobContext
    let resources: SlurmResources

    static let hashList = "runs.txt"
    static let trainScript = "train.sbatch"
    static let renderScript = "render.sbatch"
    static let submitScript = "submit.sh"
    /// The render job reads every entry and writes the site: small, whatever the runs.
    static let renderTime = "00:15:00"
    static let renderMemory = "1024M"

    var files: [JobFile] {
        [JobFile(name: SlurmJobs.hashList, text: hashList),
         JobFile(name: SlurmJobs.trainScript, text: trainScript),
         JobFile(name: SlurmJobs.renderScript, text: renderScript),
         JobFile(name: SlurmJobs.submitScript, text: submitScript, executable: true)]
    }

    var hashList: String {
        (["# \(JobFile.marker) --slurm: one run hash a line; array task N trains line N"] + listing.hashes)
            .joined(separator: "\n") + "\n"
    }

    var trainScript: String {
        let count = listing.items.count
        var lines = [
            "#!/bin/bash",
            "# \(JobFile.marker) --slurm: trains the notebook's \(count) missing run(s), one array task each",
            "# (estimated \(DurationText.format(seconds: listing.longestSeconds)) for the longest on \(resources.cpusPerTask) CPU(s)).",
            "# Queue it with \(context.inJobs(SlurmJobs.submitScript)), which also queues the render job after it.",
            "#SBATCH --job-name=ganbook-train",
            "#SBATCH --array=1-\(count)",
        ]
        lines += resourceLines(time: resources.time, memory: resources.memory)
        lines += [
            "#SBATCH --output=\(context.inJobs("train-%A_%a.log"))",
            "set -euo pipefail",
            "hash=$(grep -v '^#' \(ShellWord.quote(context.inJobs(SlurmJobs.hashList))) | sed -n \"${SLURM_ARRAY_TASK_ID}p\")",
            "if [ -z \"$hash\" ]; then echo \"no run for array task $SLURM_ARRAY_TASK_ID in \(context.inJobs(SlurmJobs.hashList))\" >&2; exit 1; fi",
            "exec " + context.runCommand(hash: "\"$hash\"", threads: "\"${SLURM_CPUS_PER_TASK:-\(resources.cpusPerTask)}\""),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    var renderScript: String {
        var lines = [
            "#!/bin/bash",
            "# \(JobFile.marker) --slurm: renders the site from the cache once every training task succeeded.",
            "#SBATCH --job-name=ganbook-render",
        ]
        lines += resourceLines(time: SlurmJobs.renderTime, memory: SlurmJobs.renderMemory, cpus: 1)
        lines += [
            "#SBATCH --output=\(context.inJobs("render-%j.log"))",
            "set -euo pipefail",
            "exec " + context.renderCommand,
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    var submitScript: String {
        [
            "#!/bin/sh",
            "# \(JobFile.marker) --slurm: queues the training array, then the render job (after every task succeeded).",
            "set -eu",
            "cd \(ShellWord.quote(context.workingDirectory))",
            "train=$(sbatch --parsable \(ShellWord.quote(context.inJobs(SlurmJobs.trainScript))))",
            "train=${train%%;*}",
            "render=$(sbatch --parsable --dependency=afterok:\"$train\" \(ShellWord.quote(context.inJobs(SlurmJobs.renderScript))))",
            "echo \"queued training array $train (\(listing.items.count) task(s)) and render job ${render%%;*} (starts when all of them succeeded)\"",
        ].joined(separator: "\n") + "\n"
    }

    func resourceLines(time: String, memory: String, cpus: Int? = nil) -> [String] {
        var lines: [String] = []
        if let partition = resources.partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += ["#SBATCH --cpus-per-task=\(cpus ?? resources.cpusPerTask)", "#SBATCH --mem=\(memory)",
                  "#SBATCH --time=\(time)", "#SBATCH --chdir=\(context.workingDirectory)"]
        return lines
    }

    /// What to type next.
    var instructions: String {
        """
        wrote \(files.map { context.inJobs($0.name) }.joined(separator: ", "))
        submit with: sh \(ShellWord.quote(context.inJobs(SlurmJobs.submitScript)))
          (or by hand: jid=$(sbatch --parsable \(context.inJobs(SlurmJobs.trainScript))) && sbatch --dependency=afterok:${jid%%;*} \(context.inJobs(SlurmJobs.renderScript)))
        each of the \(listing.items.count) array task(s) asks for \(resources.cpusPerTask) CPU(s), --mem=\(resources.memory), --time=\(resources.time)\(resources.partition.map { " on partition \($0)" } ?? "")
        """
    }
}
