import ArgumentParser
import CsdashCore
import CsdashUI

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly the frame the dashboard would draw, for tests, documentation and e-mail."
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case never, always }

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Terminal size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .customLong("view"), help: "overview, indicator:ID, risks, risk:ID or help.")
    var screen: String = "overview"

    @Option(help: "The panel to focus (its id).")
    var panel: String?

    @Option(help: "never: plain text; always: ANSI colours.")
    var color: ColorMode = .never

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw ExitCodes.fail(64, "csdash: --size must look like 120x40")
        }
        let dataset = try data.loadValid()
        let asAt = try resolvePeriod(view.period, in: dataset)
        var state = AppState(dataset: dataset, asAt: asAt, width: parts[0], height: parts[1])
        do { try state.open(view: screen, panel: panel) } catch {
            throw ExitCodes.fail(64, "csdash: \(error.description)")
        }
        let ascii = view.ascii
        let buffer = AppView.render(state, theme: try view.loadTheme(color: color == .always),
                                    glyphs: ascii ? .ascii : .unicode)
        print(color == .always ? AnsiText.colored(buffer) : AnsiText.plain(buffer), terminator: "")
    }
}

