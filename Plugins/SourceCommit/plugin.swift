import Foundation
import PackagePlugin

/// Records, at build time, the git commit the Book module is compiled from, so a run's
/// provenance names the source of the executable that trained it, not whatever the checkout
/// holds when it runs. `+changes` marks sources that differ from that commit. The file is
/// rewritten only when its text changes, so an unchanged checkout recompiles nothing.
@main
struct SourceCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectory.appending("SourceCommit.swift")
        let package = context.package.directory.string
        // The paths go in as arguments ($1, $2), never into the script's text: any folder name works.
        // A commit counts only if it tracks this package's Package.swift: a source tarball unpacked
        // inside some other repository (a home folder under git) records none. `--no-optional-locks`
        // keeps `status` from taking the index lock under a commit the user runs meanwhile.
        let script = """
            package="$1"
            g() { git --no-optional-locks -C "$package" "$@" 2>/dev/null; }
            c=""
            if g ls-files --error-unmatch Package.swift >/dev/null; then
              c=$(g rev-parse --short=12 HEAD)
            elif [ -e "$package/.git" ] && ! g rev-parse --git-dir >/dev/null; then
              echo "warning: $package is a git checkout, but git could not read it (is git installed? is the folder owned by another user?); runs will record no git_commit" >&2
            fi
            if [ -n "$c" ]; then
              [ -z "$(g status --porcelain -- Sources Package.swift)" ] || c="$c+changes"
              v="\\"$c\\""
            else
              v=nil
            fi
            printf '/// Generated at build time by the SourceCommit plugin.\\nenum SourceCommit {\\n    static let value: String? = %s\\n}\\n' "$v" > "$2.new"
            if cmp -s "$2.new" "$2"; then rm "$2.new"; else mv "$2.new" "$2"; fi
            """
        return [.prebuildCommand(displayName: "Recording the source commit", executable: Path("/bin/sh"),
                                 arguments: ["-c", script, "source-commit", package, output.string],
                                 outputFilesDirectory: context.pluginWorkDirectory)]
    }
}
