import ArgumentParser
import Book

struct GanbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ganbook",
        abstract: "Lab-notebook pages of GAN experiments, trained on the CPU and rendered as a static site.",
        version: Ganbook.version,
        subcommands: [BuildCommand.self, TrainCommand.self, RunsCommand.self, BenchCommand.self, PlanCommand.self,
                      RunCommand.self],
        defaultSubcommand: BuildCommand.self)
}
