/// The plan as a GNU parallel job list: one `ganbook run HASH` command a line, each starting with
/// a `cd` into the notebook (a remote login starts in the home folder), for
/// `parallel --sshloginfile NODES < jobs/parallel.txt`, then one `ganbook build --frozen`.
struct ParallelJobList {
    let listing: PlanListing
    let context: JobContext
    let threads: Int

    static let name = "parallel.txt"

    var file: JobFile {
        JobFile(name: ParallelJobList.name, text: listing.hashes.map { hash in
            "cd \(ShellWord.quote(context.workingDirectory)) && " + context.runCommand(hash: hash, threads: "\(threads)")
        }.joined(separator: "\n") + "\n")
    }

    /// Recognises a list this type wrote (it carries no comment: parallel would run it).
    static func isGenerated(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        return !lines.isEmpty && lines.allSatisfy { $0.hasPrefix("cd ") && $0.contains(" run ") }
    }

    var instructions: String {
        """
        wrote \(context.inJobs(ParallelJobList.name)) (\(listing.items.count) job(s), \(threads) thread(s) each)
        run with: parallel --jobs N --sshloginfile NODES < \(ShellWord.quote(context.inJobs(ParallelJobList.name)))
        then render: \(context.renderCommand)
        """
    }
}
