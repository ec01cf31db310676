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
        let script = """
            c=$(git -C '\(package)' rev-parse --short=12 HEAD 2>/dev/null)
            if [ -n "$c" ]; then
              [ -z "$(git -C '\(package)' status --porcelain -- Sources Package.swift 2>/dev/null)" ] || c="$c+changes"
              v="\\"$c\\""
            else
              v=nil
            fi
            printf '/// Generated at build time by the SourceCommit plugin.\\nenum SourceCommit {\\n    static let value: String? = %s\\n}\\n' "$v" > '\(output.string).new'
            if cmp -s '\(output.string).new' '\(output.string)'; then rm '\(output.string).new'; else mv '\(output.string).new' '\(output.string)'; fi
            """
        return [.prebuildCommand(displayName: "Recording the source commit", executable: Path("/bin/sh"),
                                 arguments: ["-c", script], outputFilesDirectory: context.pluginWorkDirectory)]
    }
}
