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
        var settings = try data.settings(view)
        let palette = try settings.palette()
        let dataset = try data.loadValid(settings)
        let asAt = try resolvePeriod(view.period, in: dataset)
        // The terminal layer caps the depth at what terminfo says the terminal can show.
        let depth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor, isTerminal: true,
                                      requested: settings.requestedDepth, detect: { .trueColor })
        var state = AppState(dataset: dataset, asAt: asAt)
        state.notice = settings.notice
        do {
            try TerminalApp.run(state: state, theme: depth == .mono ? settings.monoPalette : palette,
                                depth: depth, forceASCII: settings.ascii.value)
        } catch let e as TerminalError {
            throw ExitCodes.fail(1, "csdash: \(e.description)\n"
                + "For text use 'csdash report' (text, markdown, csv or json) or 'csdash snapshot' (one frame).")
        }
    }
}
