import Foundation

/// Reads `authorities/*.csv` (written by `csdash import dfe --authorities`): every authority's value per indicator
/// and year, with `group` `self` or `neighbour` marking the authority and its statistical neighbours.
///
/// Columns by name in any order: `indicator`, `period`, `value` and `group` are required; `old_la_code`,
/// `new_la_code` and `la_name` identify the authority. Rows without a value are not needed and are skipped.
enum AuthorityValuesFile {
    static let required = ["indicator", "period", "value", "group"]

    /// One file read without the indicator list (so it can be read while `indicators.yaml` is parsed): its values
    /// by indicator id, and its problems in row order, some of them depending on whether a row's indicator is
    /// known. `apply` settles them: exactly what reading the file after the indicators would have said.
    struct Parsed: Sendable {
        enum Entry: Sendable {
            /// A problem whatever the indicators are.
            case always(Diagnostic)
            /// A problem of a row whose indicator is `id`: reported only when `id` is a known indicator (a row with
            /// an unknown indicator is reported for that alone).
            case ifKnown(String, Diagnostic)
            /// Consecutive rows naming indicator `id`: each is "unknown indicator" when `id` is not known.
            case unknownRun(String, SourceLocation, lines: [Int])
        }
        var entries: [Entry] = []
        var values: [String: [Period: [AuthorityValue]]] = [:]
    }

    /// Reads one file and puts it into `dataset` (the indicators must be there already).
    static func load(_ data: Data, file: String, into dataset: inout Dataset, log: DiagnosticLog) {
        apply(read(data, file: file), into: &dataset, log: log)
    }

    /// Logs a read file's problems and stores the values of known indicators.
    static func apply(_ parsed: Parsed, into dataset: inout Dataset, log: DiagnosticLog) {
        var known = Set<String>()
        for ind in dataset.indicators { known.insert(ind.id) }
        for entry in parsed.entries {
            switch entry {
            case let .always(d): log.items.append(d)
            case let .ifKnown(id, d): if known.contains(id) { log.items.append(d) }
            case let .unknownRun(id, at, lines):
                guard !known.contains(id) else { continue }
                for line in lines {
                    var loc = at
                    loc.line = line
                    log.error(loc, "unknown indicator '\(id)' (not in indicators.yaml)")
                }
            }
        }
        for (id, byPeriod) in parsed.values where known.contains(id) {
            for (p, list) in byPeriod { dataset.authorityValues[id, default: [:]][p, default: []].append(contentsOf: list) }
        }
    }

    /// Reads one file without the indicator list (see `Parsed`): rows through `CSVRows`, read by `AuthorityRows`.
    static func read(_ data: Data, file: String) -> Parsed {
        data.withUnsafeBytes { raw in
            var reader = AuthorityRows(file: file)
            reader.read(raw.bindMemory(to: UInt8.self))
            return reader.parsed
        }
    }
}
