import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall",
        abstract: "Show the dashboard on an office wall: read-only pages that rotate, live reload, for days.",
        discussion: """
            Pages: one per panel (every indicator as a tile), "Needs attention" and "Risks", or those set in the \
            wall: section of indicators.yaml. Keys do nothing except quit: q twice within 2 seconds (Ctrl-C too). \
            SIGINT, SIGTERM and SIGHUP end it with the terminal restored and exit 128 + the signal. Saved data \
            files show within 2 seconds; when they fail to load the last good data stays with a banner naming \
            the file and line.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Seconds every page stays on screen (over the wall: section's dwells; default 15, or wall.dwell in the config file, or the wall: section's).")
    var dwell: Double?

    @Option(name: .customLong("stale-after"), help: "Days after which the newest data file counts as stale (default 100, or wall.stale-after in the config file).")
    var staleAfter: Double?

    @Flag(name: .customLong("no-keys"), help: "Ignore every key; only a signal (SIGTERM, SIGINT, SIGHUP) ends the wall.")
    var noKeys = false

    func validate() throws {
        if let dwell { guard dwell >= 2, dwell <= 3600 else { throw ValidationError("--dwell must be 2 to 3600 seconds") } }
        if let staleAfter { guard staleAfter > 0 else { throw ValidationError("--stale-after must be a number of days above 0") } }
    }

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw ExitCodes.fail(1, "csdash: the wall needs a terminal (stdin and stdout are not both a tty).\n"
                + "For one frame use 'csdash snapshot --view wall:1'.")
        }
        // From here on keys typed and signals sent while the data loads wait for the loop (TerminalSession).
        let session = TerminalSession()
        defer { session.end() }
        var settings = try data.settings(view)
        let catalog = settings.catalog
        let palette = try settings.palette(in: catalog)
        let path = try data.resolve(settings)
        // Like the dashboard, the wall starts with whatever loaded cleanly and a banner naming the problems.
        let loaded = try data.loadPartial(settings)
        let dataset = loaded.dataset
        let period = try view.period.map { _ in try resolvePeriod(view.period, in: dataset) }
        let env = settings.environment
        let depth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor, isTerminal: true,
                                      requested: settings.requestedDepth, detect: { .trueColor })
        // Command line over the config file's wall: settings over the defaults.
        var options = WallOptions(dwell: dwell ?? Double(settings.wallDwell.value),
                                  staleAfterDays: staleAfter ?? Double(settings.wallStaleAfter.value),
                                  noKeys: noKeys || settings.wallNoKeys.value, period: period)
        // Given on the command line, they also beat the data's wall: section.
        options.dwellOverride = dwell
        options.staleAfterOverride = staleAfter
        var state = WallState(dataset: dataset, newestFile: DataFiles.newest(path), options: options, now: Date())
        state.startProblems = loaded.errors
        do {
            let program = WallProgram(theme: depth == .mono ? settings.monoPalette(in: catalog) : palette)
            // Ended by a signal: the terminal is restored; exit as the shell expects (128 + the signal).
            if let sig = try session.run(program, from: state, depth: depth, forceASCII: settings.ascii.value,
                                         watch: path, forcePolling: env["CSDASH_WATCH"] == "poll") {
                throw ExitCode(128 + sig)
            }
        } catch let e as TerminalError {
            throw ExitCodes.fail(1, "csdash: \(e.description)\nFor one frame use 'csdash snapshot --view wall:1'.")
        }
    }
}
