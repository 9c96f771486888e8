import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the dashboard on an office wall: read-only pages that rotate, live reload, for days.",
        discussion: """
            Pages: one per panel (every indicator as a tile), "Needs attention" and "Risks", or those set in the \
            wall: section of indicators.yaml. Keys do nothing except quit: q twice within 2 seconds (Ctrl-C too). \
            SIGINT, SIGTERM and SIGHUP end it with the terminal restored. Saved data files show within 2 seconds; \
            when they fail to load the last good data stays with a banner naming the file and line.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Seconds each page stays on screen (the wall: section can set it per page).")
    var dwell: Double = 15

    @Option(name: .customLong("stale-after"), help: "Days after which the newest data file counts as stale.")
    var staleAfter: Double = 100

    @Flag(name: .customLong("no-keys"), help: "Ignore every key; only a signal (SIGTERM, SIGINT, SIGHUP) ends the wall.")
    var noKeys = false

    func validate() throws {
        guard dwell >= 2, dwell <= 3600 else { throw ValidationError("--dwell must be 2 to 3600 seconds") }
        guard staleAfter > 0 else { throw ValidationError("--stale-after must be a number of days above 0") }
    }

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw ExitCodes.fail(1, "csdash: the wall needs a terminal (stdin and stdout are not both a tty).\n"
                + "For one frame use 'csdash snapshot --view wall:1'.")
        }
        let path = try data.resolve()
        let dataset = try data.loadValid()
        let period = try view.period.map { _ in try resolvePeriod(view.period, in: dataset) }
        let env = ProcessInfo.processInfo.environment
        let theme = try view.loadTheme(color: (env["NO_COLOR"] ?? "").isEmpty)
        let options = WallOptions(dwell: dwell, staleAfterDays: staleAfter, noKeys: noKeys, period: period)
        let state = WallState(dataset: dataset, newestFile: DataFiles.newest(path), options: options, now: Date())
        do {
            try WallApp.run(state: state, directory: path, theme: theme, forceASCII: view.ascii,
                            forcePolling: env["CSDASH_WATCH"] == "poll")
        } catch let e as TerminalError {
            throw ExitCodes.fail(1, "csdash: \(e.description)\nFor one frame use 'csdash snapshot --view wall:1'.")
        }
    }
}
