import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print exactly the frame the dashboard would draw, for tests, documentation and e-mail."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Terminal size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .customLong("view"), help: "overview, indicator:ID, risks, risk:ID, worst, problems, help, or wall:N (the wall's page N).")
    var screen: String = "overview"

    @Option(help: "The panel to focus (its id).")
    var panel: String?

    @Option(help: "The wall's clock, as \"2021-11-15 09:30\" local time (default: now). Only for --view wall:N.")
    var now: String?

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw ExitCodes.fail(64, "csdash: --size must look like 120x40")
        }
        var settings = try data.settings(view)
        // The same rules as the dashboard: --color auto means colour only on a terminal and without NO_COLOR.
        let env = settings.environment
        let depth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor,
                                      isTerminal: isatty(STDOUT_FILENO) == 1, requested: settings.requestedDepth,
                                      detect: { TerminalColors.depth(environment: env) })
        // Plain text when there is no colour at all, so pipes and files get clean text.
        let plain = depth == .mono && settings.color.value != .always
        // Plain text shows no style, so it needs no palette (the text of a frame is the same in every theme:
        // a test checks it). A theme the user named is still read, so that a broken one fails as always.
        let theme: Theme
        if plain {
            if !settings.theme.isDefault { _ = try settings.palette() }
            theme = Theme(name: "plain")
        } else {
            let catalog = settings.catalog
            let palette = try settings.palette(in: catalog)
            theme = depth == .mono ? settings.monoPalette(in: catalog) : palette
        }
        let glyphs: Glyphs = settings.ascii.value ? .ascii : .unicode
        // The frame is written and the process ends at once: nothing is left to do, and freeing the data and
        // the screen's state cost more than writing it.
        func finish(_ buffer: Buffer) throws -> Never {
            let bytes = plain ? AnsiText.plainUTF8(buffer) : Array(AnsiText.colored(buffer, depth: depth).utf8)
            guard StandardOutput.write(bytes) else { throw ExitCodes.fail(74, "csdash: cannot write the frame to standard output") }
            exitNow(0)
        }
        func page(_ dataset: Dataset, _ quarter: Period) throws(ViewSpecError) -> AppState {
            var state = AppState(dataset: dataset, asAt: quarter, width: parts[0], height: parts[1])
            try state.open(view: screen, panel: panel)
            state.notice = settings.notice
            return state
        }
        let dataset = try data.loadValid(settings)
        if screen.hasPrefix("wall") {
            try finish(try wall(dataset, settings: settings, theme: theme, glyphs: glyphs, width: parts[0], height: parts[1]))
        }
        let asAt = try resolvePeriod(view.period, in: dataset)
        let state: AppState
        do { state = try page(dataset, asAt) } catch {
            throw ExitCodes.fail(64, "csdash: \(error.description)")
        }
        try finish(AppView.render(state, theme: theme, glyphs: glyphs))
    }
}

extension Snapshot {
    /// `--view wall:N`: page N of the wall at the given size, its clock at `--now`.
    func wall(_ dataset: Dataset, settings: Settings, theme: Theme, glyphs: Glyphs, width: Int, height: Int) throws -> Buffer {
        let spec = screen.split(separator: ":", maxSplits: 1)
        guard spec.count == 2, spec[0] == "wall", let n = Int(spec[1]), n >= 1 else {
            throw ExitCodes.fail(64, "csdash: --view wall:N needs a page number from 1, not '\(screen)'")
        }
        var clock = Date()
        if let now {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_GB_POSIX")
            f.timeZone = .current
            guard let d = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"].lazy
                .compactMap({ f.dateFormat = $0; return f.date(from: now) }).first else {
                throw ExitCodes.fail(64, "csdash: --now must look like \"2021-11-15 09:30\", not '\(now)'")
            }
            clock = d
        }
        let period = try view.period.map { _ in try resolvePeriod(view.period, in: dataset) }
        var state = WallState(dataset: dataset, newestFile: DataFiles.newest(try data.resolve(settings)),
                              options: WallOptions(staleAfterDays: Double(settings.wallStaleAfter.value), period: period), now: clock, width: width, height: height)
        let pages = state.pages
        guard n <= pages.count else {
            throw ExitCodes.fail(64, "csdash: the wall has \(pages.count) pages at \(width)x\(height), not \(n)")
        }
        state.pageIndex = n - 1
        return WallView.render(state, theme: theme, glyphs: glyphs)
    }
}

/// Ends the process at once (the C library's `exit`: its handlers run and standard output is flushed; nothing
/// is freed). Inside a command, `exit` names the argument parser's own.
func exitNow(_ status: Int32) -> Never {
    exit(status)
}
