import ArgumentParser
import CsdashCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load a data directory and print every problem in it.",
        discussion: """
            Prints FILE:LINE: error: message for every problem (warnings too: an indicator with a target and \
            no value at the opening quarter, a value far outside its own history). Exit status: 0 no errors, \
            65 the data has errors, 66 the directory or indicators.yaml is missing.
            """
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let path = try data.resolve(try data.settings())
        let result: LoadResult
        do { result = try DataDirectory.load(path) } catch {
            throw ExitCodes.fail(66, error.description)
        }
        let ds = result.dataset
        // Judged as the dashboard and the report open: indicators with a target and no value then are warned of.
        let opening = ds.openingQuarter
        let noData = opening.map { Scorecard(dataset: ds, asAt: $0).noDataWarnings } ?? []
        for d in result.diagnostics + noData { print(d.description) }
        let rows = ds.indicators.reduce(0) { $0 + $1.history.count }
        let series = ds.indicators.filter(\.isBenchmarkSeries).count
        let warnings = result.warnings.count + noData.count
        let summary = "\(path): \(ds.indicators.count - series) indicators in \(ds.panels.count) panels, "
            + (series > 0 ? "\(series) benchmark series, " : "") + "\(rows) history rows, "
            + "\(ds.risks.count) risks" + (ds.latestQuarter.map { ", latest quarter \($0.canonical)" } ?? "")
            + (noData.isEmpty ? "" : ", \(noData.count) no data at \(opening?.canonical ?? "")")
            + "; \(result.errors.count) error\(result.errors.count == 1 ? "" : "s"), "
            + "\(warnings) warning\(warnings == 1 ? "" : "s")"
        if result.hasErrors {
            throw ExitCodes.fail(65, summary)
        }
        print(summary)
    }
}
