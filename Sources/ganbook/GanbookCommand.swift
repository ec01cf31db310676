import ArgumentParser
import Book

struct GanbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ganbook",
        abstract: "Lab-notebook pages of GAN experiments, trained on the CPU and rendered as a static site.",
        version: Ganbook.version,
        subcommands: [BuildCommand.self, NewCommand.self, ServeCommand.self, TrainCommand.self, RunsCommand.self,
                      PlanCommand.self, RunCommand.self, CheckCommand.self, BenchCommand.self],
        defaultSubcommand: BuildCommand.self)
}
