import Foundation

/// `csdash import dfe`: turns DfE underlying-data files into a csdash history CSV for one authority, with England,
/// its region, the mean of its statistical neighbours, and its rank and quartile among all authorities.
public enum DfEImport {
    /// The history columns after `indicator,period,value,England,<region>,Statistical neighbours`.
    public static let positionColumns = BenchmarkPosition.columns

    /// What an import produced: the history CSV, the every-authority CSV, and warnings.
    public struct Output: Sendable {
        public var authority: AuthorityDirectory.Authority
        public var history: String
        public var authorities: String
        public var historyRows: Int
        public var warnings: [Diagnostic]
    }

    /// A file the mapping can use: where it is and how to name it in messages.
    public struct InputFile: Sendable {
        public var path: String
        public var display: String
        public init(path: String, display: String) {
            self.path = path
            self.display = display
        }
        var baseName: String { String(path.split(separator: "/").last ?? Substring(path)) }
    }

    /// The one file whose name matches the mapping's `file:` (a name or a pattern with `*` and `?`).
    public static func resolve(_ pattern: String, among files: [InputFile], at: SourceLocation,
                               what: String) throws(ImportError) -> InputFile {
        let base = String(pattern.split(separator: "/").last ?? Substring(pattern))
        let hits = files.filter { fnmatch(base, $0.baseName, 0) == 0 }
        if hits.count == 1 { return hits[0] }
        let given = files.map(\.baseName).sorted().joined(separator: ", ")
        if hits.isEmpty {
            throw ImportError(at, "\(what): no DfE file matches '\(pattern)' (files given: \(given.isEmpty ? "none" : given))")
        }
        throw ImportError(at, "\(what): '\(pattern)' matches \(hits.count) files (\(hits.map(\.baseName).sorted().joined(separator: ", "))); "
                          + "name one")
    }

    /// Runs the import. Every problem is thrown as an `ImportError` naming the file and line.
    public static func run(mapping: ImportMapping, files: [InputFile], authority query: String) throws(ImportError) -> Output {
        let sources = try Sources.read(mapping, files)
        let me = try sources.find(query)
        var warnings: [Diagnostic] = []
        var neighbourCodes: [String] = []
        if let neighbours = sources.neighbours {
            if let g = neighbours.neighbours(of: me.oldCode) { neighbourCodes = g.neighbours } else {
                warnings.append(.warning(SourceLocation(file: neighbours.file),
                                         "\(me.label) has no statistical neighbour group here: the 'Statistical neighbours' column is left empty"))
            }
        }
        var writer = Writer(me: me, neighbourCodes: neighbourCodes, directory: sources.directory)
        for (i, e) in mapping.entries.enumerated() {
            try writer.add(e, sources.tables[sources.fileOf[i]], warnings: &warnings)
        }
        return Output(authority: me, history: writer.history.text, authorities: writer.everyone.text,
                      historyRows: writer.rows, warnings: warnings)
    }

    /// The files an import reads, each once, checked against the mapping, and the authorities they name.
    struct Sources {
        var tables: [DfETable] = []
        /// For each mapping entry, the index of its table.
        var fileOf: [Int] = []
        var neighbours: NeighbourGroups?
        var directory = AuthorityDirectory()

        static func read(_ mapping: ImportMapping, _ files: [InputFile]) throws(ImportError) -> Sources {
            var s = Sources()
            var paths: [InputFile] = []
            for e in mapping.entries {
                let f = try resolve(e.file, among: files, at: e.location, what: "mapping for '\(e.id)'")
                if let k = paths.firstIndex(where: { $0.path == f.path }) { s.fileOf.append(k) } else {
                    paths.append(f)
                    s.fileOf.append(paths.count - 1)
                }
            }
            for f in paths { s.tables.append(try DfETable.read(path: f.path, display: f.display)) }
            if let n = mapping.neighbours {
                let f = try resolve(n, among: files, at: mapping.neighboursLocation, what: "neighbours")
                s.neighbours = try NeighbourGroups.read(path: f.path, display: f.display)
            }
            // Check every entry against its file before reading values, so a typo is reported first.
            for (i, e) in mapping.entries.enumerated() { try check(e, s.tables[s.fileOf[i]]) }
            for t in s.tables { t.addAuthorities(to: &s.directory) }
            if s.directory.all.isEmpty {
                throw ImportError(SourceLocation(file: s.tables.first?.file ?? "--la"),
                                  "the DfE files have no 'Local authority' rows, so there is no authority to import")
            }
            return s
        }

        /// The authority `--la` names, or an error listing near matches.
        func find(_ query: String) throws(ImportError) -> AuthorityDirectory.Authority {
            switch directory.find(query) {
            case let .success(a): return a
            case let .failure(.unknown(q, suggestions)):
                let hint = suggestions.isEmpty ? "" : "; did you mean: " + suggestions.joined(separator: "; ")
                throw ImportError(SourceLocation(file: "--la"), "no local authority '\(q)' in the DfE files\(hint)")
            }
        }
    }

    /// Builds the two CSV texts, one mapping entry at a time.
    struct Writer {
        let me: AuthorityDirectory.Authority
        /// Old codes, SN1 first.
        let neighbourCodes: [String]
        let directory: AuthorityDirectory
        var history = CSVText()
        var everyone = CSVText()
        var rows = 0

        init(me: AuthorityDirectory.Authority, neighbourCodes: [String], directory: AuthorityDirectory) {
            self.me = me
            self.neighbourCodes = neighbourCodes
            self.directory = directory
            let comparatorNames = ["England", me.region.isEmpty ? "Region" : me.region, "Statistical neighbours"]
            history.row(["indicator", "period", "value"] + comparatorNames + positionColumns)
            everyone.row(["indicator", "period", "old_la_code", "new_la_code", "la_name", "value", "group"])
        }

        mutating func add(_ e: ImportMapping.Entry, _ t: DfETable, warnings: inout [Diagnostic]) throws(ImportError) {
            let series = try Series.collect(e, t)
            let myCode = t.code(of: me)
            if series.authorities.allSatisfy({ $0.value.lookup(myCode) == nil }) {
                warnings.append(.warning(e.location, "'\(e.id)': \(me.label) has no row in \(t.file)"))
            }
            // Neighbours in SN1...SN10 order (so the mean is summed the same way every time), in the file's codes.
            let codes = neighbourCodes.compactMap { code in
                t.usesOldCodes ? code : directory.all.first { $0.oldCode == code }?.newCode
            }
            var jointNoted = false
            for period in series.periods {
                let places = series.authorities[period] ?? Series.Places()
                let mine = places.lookup(myCode)
                if let key = mine?.key, key != myCode, !jointNoted {
                    jointNoted = true
                    warnings.append(.warning(e.location, "'\(e.id)': \(me.label) is reported jointly in \(t.file) as "
                        + "'\(mine?.place.name ?? key)' (\(key)); that row's figures are used"))
                }
                let neighbourRows = Self.neighbourRows(codes, in: places, except: mine?.key)
                let (snValue, position) = self.position(mine?.place.number, places, neighbourRows, polarity: e.polarity)
                history.row([e.id, period.canonical, mine?.place.text ?? "", series.national[period]?.text ?? "",
                             series.regional[period]?[me.region.lowercased()]?.text ?? "", snValue] + position.cells)
                rows += 1
                for (code, p) in places.byCode.sorted(by: { $0.key < $1.key }) where p.number != nil {
                    let group = code == mine?.key ? "self" : neighbourRows.contains(code) ? "neighbour" : ""
                    everyone.row([e.id, period.canonical, p.oldCode, p.newCode, p.name, p.text, group])
                }
            }
        }

        /// The row each neighbour's figure comes from, SN1 first. A joint row stands for each neighbour it names
        /// (Kingston and Richmond's workforce row is the figure of both, and counts twice in the mean), but never
        /// for a neighbour that shares the authority's own row.
        static func neighbourRows(_ codes: [String], in places: Series.Places, except mine: String?) -> [String] {
            codes.compactMap { code in places.lookup(code).flatMap { $0.key == mine ? nil : $0.key } }
        }

        /// The neighbours' mean as written, and the authority's rank, quartile and place among its neighbours.
        func position(_ mine: Double?, _ places: Series.Places, _ neighbourRows: [String],
                      polarity: Polarity) -> (String, BenchmarkPosition) {
            var position = BenchmarkPosition()
            let values = places.byCode.values.compactMap(\.number)
            if let v = mine {
                position.rank = Ranking.rank(of: v, among: values, polarity: polarity)
                position.rankOf = values.count
                position.quartile = Ranking.quartile(rank: position.rank!, of: values.count)
            }
            guard !neighbourCodes.isEmpty else { return ("", position) }
            var snValue = ""
            let nvals = neighbourRows.map { places.byCode[$0]?.number }
            if let m = Ranking.mean(nvals) {
                snValue = decimal(m.mean)
                position.neighboursContributing = m.count
            } else {
                position.neighboursContributing = 0
            }
            if let v = mine {
                let group = nvals.compactMap { $0 } + [v]
                position.neighbourRank = Ranking.rank(of: v, among: group, polarity: polarity)
                position.neighbourRankOf = group.count
            }
            return (snValue, position)
        }
    }

    /// A mean as written to the history file: three decimals, trailing zeros dropped (enough that rounding it again
    /// to the one or two decimals the DfE publishes gives the same result as rounding the exact mean).
    static func decimal(_ v: Double) -> String {
        var s = String(Int64((abs(v) * 1000).rounded()))
        while s.count < 4 { s = "0" + s }
        var whole = String(s.dropLast(3)), frac = String(s.suffix(3))
        while frac.hasSuffix("0") { frac.removeLast() }
        if whole.isEmpty { whole = "0" }
        return (v < 0 ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)
    }

    /// The entry's measure and filters against the file's header and values: an unknown column or value is an error
    /// naming the file and listing what exists.
    static func check(_ e: ImportMapping.Entry, _ t: DfETable) throws(ImportError) {
        let what = "mapping for '\(e.id)'"
        let filterNames = Set(e.filters.map { $0.column.lowercased() })
        let others = t.header.filter { !DfETable.placeColumns.contains($0.lowercased()) && !$0.isEmpty }
        guard let m = t.column(e.measure) else {
            throw ImportError(e.location, "\(what): no measure column '\(e.measure)' in \(t.file) "
                              + "(its columns: \(others.joined(separator: ", ")))")
        }
        if DfETable.placeColumns.contains(t.kept[m]) || filterNames.contains(t.kept[m]) {
            throw ImportError(e.location, "\(what): '\(e.measure)' in \(t.file) is a place, time or filter column, not a measure")
        }
        for f in e.filters {
            guard let c = t.column(f.column) else {
                throw ImportError(e.location, "\(what): no filter column '\(f.column)' in \(t.file) "
                                  + "(its columns: \(others.joined(separator: ", ")))")
            }
            let want = f.value.lowercased()
            if !t.rows.contains(where: { $0.cells[c].lowercased() == want }) {
                var values: [String] = []
                var seen = Set<String>()
                for r in t.rows where seen.insert(r.cells[c]).inserted { values.append(r.cells[c]) }
                throw ImportError(e.location, "\(what): no row of \(t.file) has \(f.column) '\(f.value)' "
                                  + "(its values: \(values.map { "'\($0)'" }.joined(separator: ", ")))")
            }
        }
    }
}
