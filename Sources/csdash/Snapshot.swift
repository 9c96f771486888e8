import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly the frame the dashboard would draw, for tests, documentation and e-mail."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Terminal size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .customLong("view"), help: "overview, indicator:ID, risks, risk:ID or help.")
    var screen: String = "overview"

    @Option(help: "The panel to focus (its id).")
    var panel: String?

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw ExitCodes.fail(64, "csdash: --size must look like 120x40")
        }
        var settings = try data.settings(view)
        let palette = try settings.palette()
        let dataset = try data.loadValid(settings)
        let asAt = try resolvePeriod(view.period, in: dataset)
        var state = AppState(dataset: dataset, asAt: asAt, width: parts[0], height: parts[1])
        do { try state.open(view: screen, panel: panel) } catch {
            throw ExitCodes.fail(64, "csdash: \(error.description)")
        }
        state.notice = settings.notice
        // The same rules as the dashboard: --color auto means colour only on a terminal and without NO_COLOR.
        let env = settings.environment
        let depth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor,
                                      isTerminal: isatty(STDOUT_FILENO) == 1, requested: settings.requestedDepth,
                                      detect: { TerminalColors.depth(environment: env) })
        let buffer = AppView.render(state, theme: depth == .mono ? settings.monoPalette : palette,
                                    glyphs: settings.ascii.value ? .ascii : .unicode)
        // Plain text when there is no colour at all, so pipes and files get clean text.
        print(depth == .mono && settings.color.value != .always ? AnsiText.plain(buffer)
              : AnsiText.colored(buffer, depth: depth), terminator: "")
    }
}
