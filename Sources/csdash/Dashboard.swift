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
        // From here on keys typed and signals sent while the data loads wait for the loop (TerminalSession).
        let session = TerminalSession()
        defer { session.end() }
        var settings = try data.settings(view)
        let catalog = settings.catalog
        let palette = try settings.palette(in: catalog)
        let loaded = try data.loadPartial(settings)
        let dataset = loaded.dataset
        let asAt = try resolvePeriod(view.period, in: dataset)
        // The terminal layer caps the depth at what terminfo says the terminal can show.
        let depth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor, isTerminal: true,
                                      requested: settings.requestedDepth, detect: { .trueColor })
        var state = AppState(dataset: dataset, asAt: asAt)
        // `t` cycles through every theme, starting from the chosen one; a theme file with errors is left out.
        var names = [settings.theme.value], palettes = [palette]
        for name in catalog.names where name != settings.theme.value {
            guard case let .success(t) = catalog.theme(name) else {
                Stderr.print("csdash: warning: theme '\(name)' has errors and is left out (csdash config --theme \(name) shows them)")
                continue
            }
            names.append(name)
            palettes.append(t)
        }
        if depth == .mono {
            // No colour: every theme is drawn with the monochrome palette, but `t` still says which is chosen.
            palettes = palettes.map { _ in settings.monoPalette(in: catalog) }
        }
        state.themes = names
        state.notice = settings.notice
        state.problems = loaded.diagnostics
        do {
            // Ended by a signal: the terminal is restored; exit as the shell expects (128 + the signal).
            if let sig = try session.run(DashboardProgram(palettes: palettes), from: DashboardProgram.State(app: state),
                                         depth: depth, forceASCII: settings.ascii.value, watch: try data.resolve(settings),
                                         forcePolling: settings.environment["CSDASH_WATCH"] == "poll") {
                throw ExitCode(128 + sig)
            }
        } catch let e as TerminalError {
            throw ExitCodes.fail(1, "csdash: \(e.description)\n"
                + "For text use 'csdash report' (text, markdown, csv or json) or 'csdash snapshot' (one frame).")
        }
    }
}
