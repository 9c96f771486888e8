import ArgumentParser
import CsdashCore
import Foundation

struct CSDash: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "csdash",
        abstract: "A terminal dashboard of a council's Children's Services performance.",
        discussion: """
            With no subcommand, opens the dashboard. DIR defaults to --data, then $CSDASH_DATA, \
            then data: in the config file ($XDG_CONFIG_HOME/csdash/config.yaml), then the bundled sample data. \
            'csdash config' shows every setting and where it came from.
            """,
        version: version,
        subcommands: [Dashboard.self, Wall.self, Check.self, Report.self, Snapshot.self, Import.self, ConfigCommand.self],
        defaultSubcommand: Dashboard.self
    )
}

/// Options shared by every command that reads a data directory.
struct DataOptions: ParsableArguments {
    @Argument(help: "The data directory (indicators.yaml, history/*.csv, risks.yaml).")
    var dir: String?

    @Option(name: .long, help: "The data directory, when not given as DIR.")
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A config file to use instead of $XDG_CONFIG_HOME/csdash/config.yaml.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    /// The effective settings (command line over environment over config file over defaults).
    func settings(_ view: ViewOptions? = nil) throws -> Settings {
        try Settings.resolve(configOption: config, dataArgument: dir, dataOption: data, view: view,
                             environment: ProcessInfo.processInfo.environment)
    }

    func resolve(_ settings: Settings) throws -> String {
        if let path = settings.data.value { return path }
        guard let path = DataLocator.bundledSample(executable: DataLocator.executable) else {
            throw ExitCodes.fail(66, "csdash: no data directory given and no bundled sample data found; "
                                     + "pass DIR, --data, set CSDASH_DATA or data: in the config file")
        }
        return path
    }

    /// Loads the directory for the dashboard: it starts with whatever loaded cleanly and shows the problems
    /// (a banner, and `!` lists them). Only when nothing usable loaded (no panel with an indicator) does it
    /// print the errors and exit 65 like `loadValid`.
    func loadPartial(_ settings: Settings) throws -> LoadResult {
        let path = try resolve(settings)
        let result: LoadResult
        do { result = try DataDirectory.load(path) } catch {
            throw ExitCodes.fail(66, error.description)
        }
        let ds = result.dataset
        let usable = ds.indicators.contains { ind in ds.panels.contains { $0.id == ind.panel } }
        if !usable {
            let errors = result.errors
            for e in errors.prefix(20) { Stderr.print(e.description) }
            if errors.count > 20 { Stderr.print("... and \(errors.count - 20) more") }
            throw ExitCodes.fail(65, "csdash: nothing to show in \(SafeText.line(path)): no panel has an indicator that loaded; "
                                     + "run 'csdash check \(SafeText.line(path))' for the full list")
        }
        return result
    }

    /// Loads the directory; on errors prints them and exits 65 (66 when the directory is missing).
    func loadValid(_ settings: Settings) throws -> Dataset {
        let path = try resolve(settings)
        do { return try valid(DataDirectory.load(path), settings) } catch let error as LoadFailure {
            throw ExitCodes.fail(66, error.description)
        }
    }

    /// A whole load's data when it has no errors; else prints them and exits 65 (as `loadValid`).
    func valid(_ complete: @autoclosure () throws(LoadFailure) -> LoadResult, _ settings: Settings) throws -> Dataset {
        let path = try resolve(settings)
        let result: LoadResult
        do { result = try complete() } catch {
            throw ExitCodes.fail(66, error.description)
        }
        let errors = result.errors
        if !errors.isEmpty {
            for e in errors.prefix(20) { Stderr.print(e.description) }
            if errors.count > 20 { Stderr.print("... and \(errors.count - 20) more") }
            throw ExitCodes.fail(65, "csdash: \(errors.count) error\(errors.count == 1 ? "" : "s") in \(path); "
                                     + "run 'csdash check \(path)' for the full list")
        }
        return result.dataset
    }
}

/// The quarter shown without `--period`: `opens_at` in indicators.yaml, else the latest quarter with data (nil
/// when there is no history).
func defaultQuarter(in dataset: Dataset) -> Period? {
    guard let latest = dataset.quarters.last else { return nil }
    return dataset.openingQuarter ?? latest
}

/// Picks the quarter to view: `--period` (any form: the quarter containing its end), or the latest with data.
func resolvePeriod(_ text: String?, in dataset: Dataset) throws -> Period {
    // The first and last quarters of the span both hold data (the span runs from the earliest observation's
    // end to the latest's), so this needs each history's ends, not every row (`quartersWithData`).
    let quarters = dataset.quarters
    guard let latest = quarters.last, let earliest = quarters.first else {
        throw ExitCodes.fail(65, "csdash: the data has no history, so there is no quarter to show")
    }
    // Without --period: `opens_at` in indicators.yaml, else the latest quarter with data.
    guard let text else { return defaultQuarter(in: dataset) ?? latest }
    guard let p = Period(spelling: text) else {
        throw ExitCodes.fail(64, "csdash: unreadable period '\(text)' (use Q2 21/22, 2021/22 Q2, Sep 21 or 2021-09)")
    }
    let q = Period.quarter(containingMonthIndex: p.endMonthIndex)
    if q > latest {
        throw ExitCodes.fail(64, "csdash: --period \(text): \(q.short) is after the latest data (\(latest.short)); "
            + "choose \(earliest.short) to \(latest.short)")
    }
    if q < earliest {
        throw ExitCodes.fail(64, "csdash: --period \(text): \(q.short) is before the earliest data (\(earliest.short)); "
            + "choose \(earliest.short) to \(latest.short)")
    }
    return q
}

/// Bytes to standard output with write(2), for output that is already UTF-8 bytes.
enum StandardOutput {
    /// False when the bytes could not all be written (a closed pipe ends the process by SIGPIPE first).
    static func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(1, raw.baseAddress! + done, raw.count - done)
                #else
                let n = Darwin.write(1, raw.baseAddress! + done, raw.count - done)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }
}

enum Stderr {
    static func print(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

/// Exits with a message on stderr and a chosen code (sysexits: 64 usage, 65 data, 66 no input, 78 configuration).
enum ExitCodes {
    static func fail(_ code: Int32, _ message: String) -> ExitCode {
        Stderr.print(message)
        return ExitCode(code)
    }
}
