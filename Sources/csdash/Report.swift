import ArgumentParser
import CsdashCore

extension ReportFormat: ExpressibleByArgument {}

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

    @Option(help: "Line width of the text report, in columns (at least 60); titles and cells wrap to fit.")
    var width: Int = 100

    func validate() throws {
        guard width >= 60 else { throw ValidationError("--width must be at least 60 columns (got \(width))") }
    }

    func run() throws {
        let dataset = try data.loadValid(try data.settings())
        let asAt = try resolvePeriod(period, in: dataset)
        print(format.render(Scorecard(dataset: dataset, asAt: asAt), width: width), terminator: "")
    }
}
