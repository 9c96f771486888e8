import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (the default when no subcommand is given)."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw ExitCodes.fail(1, "csdash: the dashboard needs a terminal (stdin and stdout are not both a tty).\n"
                + "For text use 'csdash report' (text, markdown, csv or json) or 'csdash snapshot' (one frame).")
        }
        let loaded = try data.loadPartial()
        let dataset = loaded.dataset
        let asAt = try resolvePeriod(view.period, in: dataset)
        let env = ProcessInfo.processInfo.environment
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let theme = try view.loadTheme(color: !noColor)
        do {
            var state = AppState(dataset: dataset, asAt: asAt)
            state.problems = loaded.diagnostics
            // Ended by a signal: the terminal is restored; exit as the shell expects (128 + the signal).
            if let sig = try TerminalApp.run(state: state, theme: theme, forceASCII: view.ascii,
                                             watch: try data.resolve(), forcePolling: env["CSDASH_WATCH"] == "poll") {
                throw ExitCode(128 + sig)
            }
        } catch let e as TerminalError {
            throw ExitCodes.fail(1, "csdash: \(e.description)\n"
                + "For text use 'csdash report' (text, markdown, csv or json) or 'csdash snapshot' (one frame).")
        }
    }
}
