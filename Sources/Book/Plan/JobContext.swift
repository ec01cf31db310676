import Foundation

/// What a job on another machine needs to find the notebook: the executable and every folder,
/// as the submitting machine sees them (a cluster shares one filesystem).
struct JobContext: Equatable {
    /// The ganbook executable, absolute.
    var executable: String
    /// The folder jobs start in (absolute); the paths below may be relative to it.
    var workingDirectory: String
    var content: String
    var site: String
    var templates: String
    /// The shared cache runs train into, absolute; nil for `site/runs/`.
    var cache: String?
    /// `--data`, absolute, when it was given (otherwise `$GANBOOK_DATA` travels with the job's environment).
    var data: String?
    /// Where the job files are written, relative to the working directory.
    var jobsFolder: String

    /// `ganbook run HASH …` as a worker runs it; `hash` and `threads` are shell text (a run hash,
    /// or an expansion such as `"$hash"`), written as they are.
    func runCommand(hash: String, threads: String) -> String {
        var words = ["--content", content, "--site", site]
        if let cache { words += ["--cache", cache] }
        if let data { words += ["--data", data] }
        return "\(ShellWord.quote(executable)) run \(hash) \(ShellWord.line(words)) --threads \(threads)"
    }

    /// `ganbook build --frozen …`: renders the site from what the workers stored.
    var renderCommand: String {
        var words = [executable, "build", "--frozen", "--content", content, "--site", site, "--templates", templates]
        if let cache { words += ["--cache", cache] }
        return ShellWord.line(words)
    }

    func inJobs(_ name: String) -> String { jobsFolder == "." ? name : "\(jobsFolder)/\(name)" }

    /// The context of this process: its executable and working directory, the given folders.
    static func current(content: String, site: String, templates: String, cache: URL?, data: String?,
                        jobsFolder: String) -> JobContext {
        var executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if executable == "/proc/self/exe" {  // no procfs (macOS): the path this process was started by
            executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return JobContext(executable: executable, workingDirectory: FileManager.default.currentDirectoryPath,
                          content: content, site: site, templates: templates, cache: cache?.path,
                          data: data.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, jobsFolder: jobsFolder)
    }
}
