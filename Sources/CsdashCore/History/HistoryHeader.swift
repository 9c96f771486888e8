/// What each column of a history CSV file means, read from its header row.
///
/// Columns are matched by name, ignoring case and surrounding spaces, in any order. `indicator`, `period`
/// and `value` are required; every other named column is a comparator series. To give a column name a
/// meaning of its own (so it is not taken for a comparator), add it to `reserved` and read it in
/// `HistoryLoader` through `reservedColumns`.
struct HistoryHeader {
    static let required = ["indicator", "period", "value"]
    /// Lower-case names with a meaning of their own that are not comparator series.
    static let reserved: Set<String> = []

    /// The header's names, trimmed.
    var names: [String]
    var indicator: Int
    var period: Int
    var value: Int
    /// Comparator series in file order: the column and the series name as written.
    var comparators: [(column: Int, name: String)]
    /// Reserved columns present, by lower-case name.
    var reservedColumns: [String: Int]

    /// Reads the header row; reports problems at `location`. Nil when a required column is missing
    /// (the file's rows cannot be read then).
    static func read(_ raw: [String], at location: SourceLocation, log: DiagnosticLog) -> HistoryHeader? {
        let names = raw.map(\.trimmingSpaces)
        var columnOf: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            let key = n.lowercased()
            if key.isEmpty {
                log.error(location, "column \(i + 1) has no name")
                continue
            }
            if columnOf[key] != nil {
                log.error(location, "column '\(n)' appears twice in the header")
                continue
            }
            columnOf[key] = i
        }
        let missing = required.filter { columnOf[$0] == nil }
        if !missing.isEmpty {
            log.error(location, "header lacks required column\(missing.count > 1 ? "s" : "") "
                + missing.map { "'\($0)'" }.joined(separator: ", "))
            return nil
        }
        var comparators: [(column: Int, name: String)] = []
        var reservedColumns: [String: Int] = [:]
        for (i, n) in names.enumerated() where !n.isEmpty {
            let key = n.lowercased()
            guard columnOf[key] == i, !required.contains(key) else { continue }
            if reserved.contains(key) {
                reservedColumns[key] = i
            } else {
                comparators.append((i, n))
            }
        }
        return HistoryHeader(names: names, indicator: columnOf["indicator"]!, period: columnOf["period"]!,
                             value: columnOf["value"]!, comparators: comparators, reservedColumns: reservedColumns)
    }
}
