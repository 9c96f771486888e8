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
        var warnings: [Diagnostic] = []
        // Which file each entry reads; each file is read once.
        var fileOf: [Int: Int] = [:]
        var paths: [InputFile] = []
        for (i, e) in mapping.entries.enumerated() {
            let f = try resolve(e.file, among: files, at: e.location, what: "mapping for '\(e.id)'")
            if let k = paths.firstIndex(where: { $0.path == f.path }) { fileOf[i] = k } else {
                paths.append(f)
                fileOf[i] = paths.count - 1
            }
        }
        var tables: [DfETable] = []
        for f in paths {
            tables.append(try DfETable.read(path: f.path, display: f.display))
        }
        var neighbours: NeighbourGroups?
        if let n = mapping.neighbours {
            let f = try resolve(n, among: files, at: mapping.neighboursLocation, what: "neighbours")
            neighbours = try NeighbourGroups.read(path: f.path, display: f.display)
        }

        // Check every entry against its file before reading values, so a typo is reported first.
        for (i, e) in mapping.entries.enumerated() { try check(e, tables[fileOf[i]!]) }

        var directory = AuthorityDirectory()
        for t in tables { t.addAuthorities(to: &directory) }
        if directory.all.isEmpty {
            throw ImportError(SourceLocation(file: tables.first?.file ?? "--la"),
                              "the DfE files have no 'Local authority' rows, so there is no authority to import")
        }
        let me: AuthorityDirectory.Authority
        switch directory.find(query) {
        case let .success(a): me = a
        case let .failure(.unknown(q, suggestions)):
            let hint = suggestions.isEmpty ? "" : "; did you mean: " + suggestions.joined(separator: "; ")
            throw ImportError(SourceLocation(file: "--la"), "no local authority '\(q)' in the DfE files\(hint)")
        }
        var neighbourCodes: [String] = []
        if let neighbours {
            if let g = neighbours.neighbours(of: me.oldCode) { neighbourCodes = g.neighbours } else {
                warnings.append(.warning(SourceLocation(file: neighbours.file),
                                         "\(me.label) has no statistical neighbour group here: the 'Statistical neighbours' column is left empty"))
            }
        }

        var history = CSVText()
        let comparatorNames = ["England", me.region.isEmpty ? "Region" : me.region, "Statistical neighbours"]
        history.row(["indicator", "period", "value"] + comparatorNames + positionColumns)
        var everyone = CSVText()
        everyone.row(["indicator", "period", "old_la_code", "new_la_code", "la_name", "value", "group"])
        var rows = 0
        for (i, e) in mapping.entries.enumerated() {
            let t = tables[fileOf[i]!]
            let series = try Series.collect(e, t)
            let myCode = t.code(of: me)
            if series.authorities.allSatisfy({ $0.value.lookup(myCode) == nil }) {
                warnings.append(.warning(e.location, "'\(e.id)': \(me.label) has no row in \(t.file)"))
            }
            // Neighbours in SN1...SN10 order (so the mean is summed the same way every time).
            let neighbourCodes2 = neighbourCodes.compactMap { code in t.usesOldCodes ? code : directory.all.first { $0.oldCode == code }?.newCode }
            var jointNoted = false
            for period in series.periods {
                let places = series.authorities[period] ?? Series.Places()
                let mineFound = places.lookup(myCode)
                let mine = mineFound?.place
                if let key = mineFound?.key, key != myCode, !jointNoted {
                    jointNoted = true
                    warnings.append(.warning(e.location, "'\(e.id)': \(me.label) is reported jointly in \(t.file) as "
                        + "'\(mine?.name ?? key)' (\(key)); that row's figures are used"))
                }
                let values = places.byCode.values.compactMap(\.number)
                var position = BenchmarkPosition()
                if let v = mine?.number {
                    position.rank = Ranking.rank(of: v, among: values, polarity: e.polarity)
                    position.rankOf = values.count
                    position.quartile = Ranking.quartile(rank: position.rank!, of: values.count)
                }
                // A joint row counts once, and never as a neighbour of an authority it includes.
                var neighbourKeys: [String] = []
                for code in neighbourCodes2 {
                    if let k = places.lookup(code)?.key, k != mineFound?.key, !neighbourKeys.contains(k) { neighbourKeys.append(k) }
                }
                var snValue = ""
                if !neighbourCodes.isEmpty {
                    let nvals = neighbourKeys.map { places.byCode[$0]?.number }
                    if let m = Ranking.mean(nvals) {
                        snValue = Self.decimal(m.mean)
                        position.neighboursContributing = m.count
                    } else {
                        position.neighboursContributing = 0
                    }
                    if let v = mine?.number {
                        let group = nvals.compactMap { $0 } + [v]
                        position.neighbourRank = Ranking.rank(of: v, among: group, polarity: e.polarity)
                        position.neighbourRankOf = group.count
                    }
                }
                history.row([e.id, period.canonical, mine?.text ?? "", series.national[period]?.text ?? "",
                             series.regional[period]?[me.region.lowercased()]?.text ?? "", snValue] + position.cells)
                rows += 1
                for (code, p) in places.byCode.sorted(by: { $0.key < $1.key }) where p.number != nil {
                    let group = code == mineFound?.key ? "self" : neighbourKeys.contains(code) ? "neighbour" : ""
                    everyone.row([e.id, period.canonical, p.oldCode, p.newCode, p.name, p.text, group])
                }
            }
        }
        return Output(authority: me, history: history.text, authorities: everyone.text, historyRows: rows, warnings: warnings)
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

/// One entry's rows from its file: England, every region and every authority, by period.
struct Series {
    struct Place {
        var line: Int
        var text: String
        var number: Double?
        var oldCode = "", newCode = "", name = ""
    }

    struct Places {
        var byCode: [String: Place] = [:]

        /// The row of an authority by code, or a joint row whose code lists it (`940 / 941`: the two
        /// Northamptonshire authorities report their workforce together).
        func lookup(_ code: String) -> (key: String, place: Place)? {
            if let p = byCode[code] { return (code, p) }
            for (k, p) in byCode.sorted(by: { $0.key < $1.key }) where k.contains("/") {
                if k.split(separator: "/").contains(where: { $0.trimmingSpaces == code }) { return (k, p) }
            }
            return nil
        }
    }

    var periods: [Period] = []
    var national: [Period: Place] = [:]
    var regional: [Period: [String: Place]] = [:]
    var authorities: [Period: Places] = [:]

    static func collect(_ e: ImportMapping.Entry, _ t: DfETable) throws(ImportError) -> Series {
        let what = "'\(e.id)'"
        let m = t.column(e.measure)!
        let filters = e.filters.map { (t.column($0.column)!, $0.value.lowercased()) }
        let tp = t.column("time_period")!, ti = t.column("time_identifier")!, level = t.column("geographic_level")!
        let region = t.column("region_name"), old = t.column("old_la_code"), new = t.column("new_la_code"), name = t.column("la_name")
        var s = Series()
        var periodCache: [String: Period] = [:]
        var seenPeriods = Set<Period>()
        func at(_ r: DfETable.Row, _ col: Int?) -> SourceLocation {
            SourceLocation(file: t.file, line: r.line, column: col.map { t.header[$0] })
        }
        func duplicate(_ r: DfETable.Row, _ first: Int, _ place: String, _ p: Period) -> ImportError {
            let other = t.rows.first { $0.line == first }!
            let differ = t.header.indices.filter { c in
                !DfETable.placeColumns.contains(t.kept[c]) && c != m && other.cells[c] != r.cells[c]
                    && CSVNumber.parse(r.cells[c]) == .invalid
            }.map { t.header[$0] }
            let hint = differ.isEmpty ? "" : "; add a filter on \(differ.map { "'\($0)'" }.joined(separator: " or "))"
            return ImportError(at(r, nil), "\(what): a second row for \(place) in \(p.canonical) (first at line \(first))\(hint)")
        }
        rows: for r in t.rows {
            for (c, v) in filters where r.cells[c].lowercased() != v { continue rows }
            let key = r.cells[tp] + "|" + r.cells[ti]
            let period: Period
            if let p = periodCache[key] { period = p } else {
                switch DfEPeriod.period(timePeriod: r.cells[tp], identifier: r.cells[ti]) {
                case let .success(p): period = p
                case let .failure(.unknownIdentifier(id)):
                    throw ImportError(at(r, ti), "time_identifier '\(id)' is not one csdash can map to a year "
                                      + "(it reads: \(DfEPeriod.supportedIdentifiers.joined(separator: ", ")))")
                case let .failure(.unreadable(text, id)):
                    throw ImportError(at(r, tp), "unreadable time_period '\(text)' for '\(id)' "
                                      + "(expected \(id.lowercased() == "reporting year" ? "a year such as 2022" : "a year pair such as 202122"))")
                }
                periodCache[key] = period
            }
            let text = r.cells[m]
            var place = Place(line: r.line, text: text)
            switch CSVNumber.parse(text) {
            case let .value(v): place.number = v
            case .missing: place.number = nil
            case .invalid: throw ImportError(at(r, m), "\(what): '\(text)' is neither a number nor a suppression code (c, x, z, u, low)")
            }
            if seenPeriods.insert(period).inserted { s.periods.append(period) }
            switch r.cells[level].lowercased() {
            case "national":
                if let f = s.national[period] { throw duplicate(r, f.line, "England", period) }
                s.national[period] = place
            case "regional":
                let key = region.map { r.cells[$0].lowercased() } ?? ""
                if let f = s.regional[period]?[key] { throw duplicate(r, f.line, r.cells[region!], period) }
                s.regional[period, default: [:]][key] = place
            case "local authority":
                place.oldCode = old.map { r.cells[$0] } ?? ""
                place.newCode = new.map { r.cells[$0] } ?? ""
                place.name = name.map { r.cells[$0] } ?? ""
                let code = t.usesOldCodes ? place.oldCode : place.newCode
                if code.isEmpty { throw ImportError(at(r, t.usesOldCodes ? old : new), "\(what): a local authority row without a code") }
                if let f = s.authorities[period]?.byCode[code] { throw duplicate(r, f.line, place.name, period) }
                s.authorities[period, default: Places()].byCode[code] = place
            default:
                continue // other levels (e.g. local authority district) are not compared
            }
        }
        s.periods.sort()
        return s
    }
}

extension DfETable {
    /// The index of a column by name, ignoring case.
    func column(_ name: String) -> Int? { kept.firstIndex(of: name.trimmingSpaces.lowercased()) }

    /// Authorities are matched by old code when the file has them (every DfE file to date), else by new code.
    var usesOldCodes: Bool { column("old_la_code") != nil }

    func code(of a: AuthorityDirectory.Authority) -> String { usesOldCodes ? a.oldCode : a.newCode }

    func addAuthorities(to d: inout AuthorityDirectory) {
        guard let level = column("geographic_level") else { return }
        let old = column("old_la_code"), new = column("new_la_code"), name = column("la_name"), region = column("region_name")
        for r in rows where r.cells[level].lowercased() == "local authority" {
            d.add(.init(oldCode: old.map { r.cells[$0] } ?? "", newCode: new.map { r.cells[$0] } ?? "",
                        name: name.map { r.cells[$0] } ?? "", region: region.map { r.cells[$0] } ?? ""))
        }
    }
}

/// CSV text written the way csdash reads it: comma-separated, quoted only where needed, LF line ends.
struct CSVText {
    private(set) var text = ""

    mutating func row(_ cells: [String]) {
        text += cells.map(Self.field).joined(separator: ",") + "\n"
    }

    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
