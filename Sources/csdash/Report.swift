import ArgumentParser
import Foundation
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
        var failure: (any Error)?
        format.write(Scorecard(dataset: dataset, asAt: asAt), width: width) { part in
            guard failure == nil else { return }
            do { try FileHandle.standardOutput.write(contentsOf: UnsafeRawBufferPointer(part)) } catch { failure = error }
        }
        if let failure { throw ExitCodes.fail(74, "csdash: cannot write the report: \(failure.localizedDescription)") }
    }
}
