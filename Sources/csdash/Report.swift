import ArgumentParser
import CsdashCore

// The values spelt out: the library's defaults for a CaseIterable type describe each value through
// String(describing:), whose first use looks the conformances up at run time (over a million instructions at
// every start that parses these options).
extension ReportFormat: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the scorecard for a quarter: indicators by panel, then the risks."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The quarter, e.g. \"2021/22 Q2\" (default: the latest quarter with data).")
    var period: String?

    @Option(help: "text, markdown, csv, json or html (the board pack: one self-contained page).")
    var format: ReportFormat = .text

    func run() throws {
        let dataset = try data.loadValid(try data.settings())
        let asAt = try resolvePeriod(period, in: dataset)
        print(format.render(Scorecard(dataset: dataset, asAt: asAt)), terminator: "")
    }
}
