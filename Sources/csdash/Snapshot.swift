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
        if let panel {
            guard let i = dataset.panels.firstIndex(where: { $0.id == panel }) else {
                throw ExitCodes.fail(64, "csdash: no panel '\(panel)' (panels: \(dataset.panels.map(\.id).joined(separator: ", ")))")
            }
            state.panelIndex = i
        }
        let (kind, arg) = screen.split(separator: ":", maxSplits: 1).map(String.init).splitPair
        switch kind {
        case "overview": break
        case "help": state.showHelp = true
        case "risks": state.stack.append(Frame(.risks))
        case "indicator":
            guard let ind = dataset.indicator(arg) else { throw ExitCodes.fail(64, "csdash: no indicator '\(arg)'") }
            if panel == nil, let p = dataset.panels.firstIndex(where: { $0.id == ind.panel }) { state.panelIndex = p }
            state.stack.append(Frame(.indicator(arg)))
        case "risk":
            guard dataset.risk(arg) != nil else { throw ExitCodes.fail(64, "csdash: no risk '\(arg)'") }
            state.stack.append(Frame(.risks))
            state.stack.append(Frame(.risk(arg)))
        default:
            throw ExitCodes.fail(64, "csdash: --view must be overview, indicator:ID, risks, risk:ID or help")
        }
        let ascii = view.ascii
        let buffer = AppView.render(state, theme: try view.loadTheme(color: color == .always),
                                    glyphs: ascii ? .ascii : .unicode)
        print(color == .always ? AnsiText.colored(buffer) : AnsiText.plain(buffer), terminator: "")
    }
}

extension Array where Element == String {
    var splitPair: (String, String) { (self.first ?? "", count > 1 ? self[1] : "") }
}
