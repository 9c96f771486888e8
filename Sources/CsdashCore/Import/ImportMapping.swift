/// The mapping file of `csdash import dfe`: which DfE file, measure column and filter values give each indicator.
///
/// ```yaml
/// neighbours: New_Statistical_Neighbour_Groupings_April_2021.csv
/// indicators:
///   - id: re-referrals-dfe
///     file: c1_children_in_need_referrals_and_rereferrals_*.csv
///     measure: rereferral_percent
///     filters: {category: Referrals and Re-referrals}
///     polarity: lower
/// ```
public struct ImportMapping: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// A file name, or a pattern with `*` and `?` (DfE file names carry the years they cover).
        public var file: String
        public var measure: String
        /// Filter column -> value, in the order written.
        public var filters: [(column: String, value: String)]
        public var polarity: Polarity
        public var location: SourceLocation

        public init(id: String, file: String, measure: String, filters: [(column: String, value: String)] = [],
                    polarity: Polarity, location: SourceLocation = .none) {
            self.id = id
            self.file = file
            self.measure = measure
            self.filters = filters
            self.polarity = polarity
            self.location = location
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.id == b.id && a.file == b.file && a.measure == b.measure && a.polarity == b.polarity
                && a.filters.map(\.column) == b.filters.map(\.column) && a.filters.map(\.value) == b.filters.map(\.value)
        }
    }

    public var neighbours: String?
    public var neighboursLocation: SourceLocation
    public var entries: [Entry]

    static let topKeys: Set<String> = ["neighbours", "indicators"]
    static let entryKeys: Set<String> = ["id", "file", "measure", "filters", "polarity"]

    /// Parses the mapping; problems (with file and line) go to the diagnostics, and nil means it cannot be used.
    public static func parse(_ text: String, file: String) -> (mapping: ImportMapping?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let mapping = parse(text, file: file, log: log)
        return (log.items.contains { $0.severity == .error } ? nil : mapping, log.items)
    }

    static func parse(_ text: String, file: String, log: DiagnosticLog) -> ImportMapping? {
        guard let root = YAMLNode.parse(text, file: file, log: log),
              let top = YAMLFields(root, what: "the mapping file", known: topKeys) else { return nil }
        var out = ImportMapping(neighbours: nil, neighboursLocation: .none, entries: [])
        if let n = top["neighbours"] {
            out.neighbours = n.string("neighbours")
            out.neighboursLocation = n.location
        }
        var seen: [String: Int] = [:]
        for node in top.required("indicators", in: "the mapping file")?.list("indicators") ?? [] {
            guard let f = YAMLFields(node, what: "a mapping entry", known: entryKeys),
                  let id = f.required("id", in: "mapping entry")?.string("id") else { continue }
            let what = "mapping for '\(id)'"
            if let first = seen[id] {
                log.error(node.location, "duplicate mapping for '\(id)' (first at line \(first))")
                continue
            }
            seen[id] = node.line
            guard let file = f.required("file", in: what)?.string("file"),
                  let measure = f.required("measure", in: what)?.string("measure"),
                  let pol = f.required("polarity", in: what)?.enumValue("\(what): polarity", Polarity.self) else { continue }
            var filters: [(column: String, value: String)] = []
            if let fl = f["filters"], let entries = fl.mapping("\(what): filters") {
                for (k, v) in entries {
                    guard let value = v.string("\(what): filter '\(k)'") else { continue }
                    filters.append((k.trimmingSpaces, value))
                }
            }
            out.entries.append(Entry(id: id, file: file, measure: measure, filters: filters, polarity: pol,
                                     location: node.location))
        }
        if out.entries.isEmpty, !log.items.contains(where: { $0.severity == .error }) {
            log.error(root.location, "the mapping file lists no indicators")
        }
        return out
    }
}
