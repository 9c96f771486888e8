import Foundation

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

    /// The entry's rows of `t`, by period: every row that passes the filters, each place once per period.
    static func collect(_ e: ImportMapping.Entry, _ t: DfETable) throws(ImportError) -> Series {
        var reader = Reader(e, t)
        rows: for r in t.rows {
            for (c, v) in reader.filters where r.cells[c].lowercased() != v { continue rows }
            try reader.add(r)
        }
        reader.series.periods.sort()
        return reader.series
    }

    /// Reads one entry's rows into a `Series`.
    private struct Reader {
        let e: ImportMapping.Entry
        let t: DfETable
        let what: String
        let m: Int, tp: Int, ti: Int, level: Int
        let region: Int?, old: Int?, new: Int?, name: Int?
        let filters: [(Int, String)]
        var series = Series()
        var periodCache: [String: Period] = [:]
        var seenPeriods = Set<Period>()

        /// `check` has made sure that the measure, filter and time columns exist.
        init(_ e: ImportMapping.Entry, _ t: DfETable) {
            self.e = e
            self.t = t
            what = "'\(e.id)'"
            m = t.column(e.measure)!
            filters = e.filters.map { (t.column($0.column)!, $0.value.lowercased()) }
            tp = t.column("time_period")!
            ti = t.column("time_identifier")!
            level = t.column("geographic_level")!
            region = t.column("region_name")
            old = t.column("old_la_code")
            new = t.column("new_la_code")
            name = t.column("la_name")
        }

        func at(_ r: DfETable.Row, _ col: Int?) -> SourceLocation {
            SourceLocation(file: t.file, line: r.line, column: col.map { t.header[$0] })
        }

        mutating func add(_ r: DfETable.Row) throws(ImportError) {
            let period = try self.period(r)
            let text = r.cells[m]
            var place = Place(line: r.line, text: text)
            switch CSVNumber.parse(text) {
            case let .value(v): place.number = v
            case .missing: place.number = nil
            case .invalid: throw ImportError(at(r, m), "\(what): '\(text)' is neither a number nor a suppression code (c, x, z, u, low)")
            }
            if seenPeriods.insert(period).inserted { series.periods.append(period) }
            switch r.cells[level].lowercased() {
            case "national":
                if let f = series.national[period] { throw duplicate(r, f.line, "England", period) }
                series.national[period] = place
            case "regional":
                let key = region.map { r.cells[$0].lowercased() } ?? ""
                if let f = series.regional[period]?[key] { throw duplicate(r, f.line, r.cells[region!], period) }
                series.regional[period, default: [:]][key] = place
            case "local authority":
                place.oldCode = old.map { r.cells[$0] } ?? ""
                place.newCode = new.map { r.cells[$0] } ?? ""
                place.name = name.map { r.cells[$0] } ?? ""
                let code = t.usesOldCodes ? place.oldCode : place.newCode
                if code.isEmpty { throw ImportError(at(r, t.usesOldCodes ? old : new), "\(what): a local authority row without a code") }
                if let f = series.authorities[period]?.byCode[code] { throw duplicate(r, f.line, place.name, period) }
                series.authorities[period, default: Places()].byCode[code] = place
            default:
                break  // other levels (e.g. local authority district) are not compared
            }
        }

        /// The row's period, from its time_period and time_identifier (each pair worked out once).
        mutating func period(_ r: DfETable.Row) throws(ImportError) -> Period {
            let key = r.cells[tp] + "|" + r.cells[ti]
            if let p = periodCache[key] { return p }
            switch DfEPeriod.period(timePeriod: r.cells[tp], identifier: r.cells[ti]) {
            case let .success(p):
                periodCache[key] = p
                return p
            case let .failure(.unknownIdentifier(id)):
                throw ImportError(at(r, ti), "time_identifier '\(id)' is not one csdash can map to a year "
                                  + "(it reads: \(DfEPeriod.supportedIdentifiers.joined(separator: ", ")))")
            case let .failure(.unreadable(text, id)):
                throw ImportError(at(r, tp), "unreadable time_period '\(text)' for '\(id)' "
                                  + "(expected \(id.lowercased() == "reporting year" ? "a year such as 2022" : "a year pair such as 202122"))")
            }
        }

        /// A second row for one place and period: the error names both lines and the columns that tell them apart.
        func duplicate(_ r: DfETable.Row, _ first: Int, _ place: String, _ p: Period) -> ImportError {
            let other = t.rows.first { $0.line == first }!
            let differ = t.header.indices.filter { c in
                !DfETable.placeColumns.contains(t.kept[c]) && c != m && other.cells[c] != r.cells[c]
                    && CSVNumber.parse(r.cells[c]) == .invalid
            }.map { t.header[$0] }
            let hint = differ.isEmpty ? "" : "; add a filter on \(differ.map { "'\($0)'" }.joined(separator: " or "))"
            return ImportError(at(r, nil), "\(what): a second row for \(place) in \(p.canonical) (first at line \(first))\(hint)")
        }
    }
}
