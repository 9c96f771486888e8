import ArgumentParser
import CsdashCore
import CsdashUI
import Foundation

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly the frame the dashboard would draw, for tests, documentation and e-mail."
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case never, always }

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Terminal size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .customLong("view"), help: "overview, indicator:ID, risks, risk:ID, help, or wall:N (the wall's page N).")
    var screen: String = "overview"

    @Option(help: "The panel to focus (its id).")
    var panel: String?

    @Option(help: "never: plain text; always: ANSI colours.")
    var color: ColorMode = .never

    @Option(help: "The wall's clock, as \"2021-11-15 09:30\" local time (default: now). Only for --view wall:N.")
    var now: String?

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw ExitCodes.fail(64, "csdash: --size must look like 120x40")
        }
        let dataset = try data.loadValid()
        if screen.hasPrefix("wall") {
            return try wall(dataset, width: parts[0], height: parts[1])
        }
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

extension Snapshot {
    /// `--view wall:N`: page N of the wall at the given size, its clock at `--now`.
    func wall(_ dataset: Dataset, width: Int, height: Int) throws {
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
        var state = WallState(dataset: dataset, newestFile: DataFiles.newest(try data.resolve()),
                              options: WallOptions(period: period), now: clock, width: width, height: height)
        let pages = state.pages
        guard n <= pages.count else {
            throw ExitCodes.fail(64, "csdash: the wall has \(pages.count) pages at \(width)x\(height), not \(n)")
        }
        state.pageIndex = n - 1
        let buffer = WallView.render(state, theme: try view.loadTheme(color: color == .always),
                                     glyphs: view.ascii ? .ascii : .unicode)
        print(color == .always ? AnsiText.colored(buffer) : AnsiText.plain(buffer), terminator: "")
    }
}
