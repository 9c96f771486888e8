@testable import CsdashCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The history loader: a body read in parts, quoted and unquoted rows, the grouped and interleaved layouts
/// and the contiguous history storage all give what a plain sequential reading gives.
final class HistoryLoadingTests: XCTestCase {
    /// Three indicators of each frequency.
    let dataset = Dataset(panels: [Panel(id: "p", title: "P")], indicators: [
        Indicator(id: "m", panel: "p", title: "Monthly", frequency: .monthly),
        Indicator(id: "q", panel: "p", title: "Quarterly", frequency: .quarterly),
        Indicator(id: "y", panel: "p", title: "Annual", frequency: .annual),
    ])

    struct Loaded: Equatable {
        var histories: [[Observation]]
        var comparators: [String]
        var diagnostics: [String]
    }

    func load(_ files: [(String, String)], split: Bool) -> Loaded {
        var loader = HistoryLoader()
        loader.partSize = split ? 1 : Int.max
        for (name, text) in files { loader.read(Data(text.utf8), file: name) }
        var ds = dataset
        let log = DiagnosticLog()
        loader.finish(into: &ds, log: log)
        return Loaded(histories: ds.indicators.map { Array($0.history) }, comparators: ds.comparatorNames,
                      diagnostics: log.items.map(\.description))
    }

    /// A file with every kind of row: quoted fields (with commas, quotes and a line break), CRLF, blank lines,
    /// suppressed and empty values, each kind of error, and a duplicate across its two halves.
    func messyFile(rows: Int) -> String {
        var s = "\u{FEFF}indicator,period,value,England,\"Region, South\"\r\n"
        for k in 0..<rows {
            let month = Period.month(year: 2000, month: 1).shifted(by: k)
            switch k % 11 {
            case 3: s += "m,\(month.canonical),\"1,234.5\",\" 7\",2\r\n"
            case 5: s += "\r\n"
            case 7: s += "m,\(month.canonical),c,,\n"
            default: s += "m,\(month.canonical),\(Double(k) / 10),\(k % 7),\(k % 5)\n"
            }
            if k % 4 == 0 { s += "q,\(Period.quarter(containingMonthIndex: month.startMonthIndex).canonical),\(k),1,2\n" }
        }
        s += "m,2000-01,99,1,1\n"                 // duplicate of the first month, in the second half
        s += "zz,2000-01,1,1,1\n"                 // unknown indicator
        s += "q,2000-01,1,1,1\n"                  // a month for a quarterly indicator
        s += "y,2000/01,7,\"multi\nline\",1\n"    // a line break inside a quoted comparator: non-numeric
        s += "y,2001/02,eight,1,1\n"               // non-numeric
        s += "y,2001,1,1,1\n"                      // unreadable period
        s += "y,2002/03,1,1\n"                     // too few fields
        s += ",2002/03,1,1,1\n"                    // empty id
        s += " y ,2003/04,5,,x"                    // no final line break, spaces around the id
        return s
    }

    func testSplitAcrossThreadsGivesTheSequentialResult() throws {
        let text = messyFile(rows: 600)
        let one = load([("a.csv", text)], split: false)
        let two = load([("a.csv", text)], split: true)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.comparators, ["England", "Region, South"])
        XCTAssertGreaterThan(one.histories[0].count, 500)
        XCTAssertEqual(one.histories[2].map(\.value), [5], "only the good annual row is kept")
        let errors = one.diagnostics
        XCTAssertEqual(errors.count, 8, errors.joined(separator: "\n"))
        XCTAssertTrue(errors.contains { $0.contains("unknown indicator 'zz'") })
        XCTAssertTrue(errors.contains { $0.contains("period '2000-01' is a month, but indicator 'q' is quarterly") })
        XCTAssertTrue(errors.contains { $0.contains("non-numeric value 'multi line'") && $0.contains("(column 'England')") }, "messages are one line (SafeText)")
        XCTAssertTrue(errors.contains { $0.contains("empty indicator id") })
        XCTAssertTrue(errors.last!.contains("duplicate row for indicator 'm' and period 2000-01"), errors.last!)
        // Lines are those of the file, in order, whichever half found them.
        let lines = errors.dropLast().compactMap { Int($0.split(separator: ":")[1]) }
        XCTAssertEqual(lines, lines.sorted())
        let total = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.count
        XCTAssertTrue(errors.contains { $0.hasPrefix("a.csv:\(total - 1):") && $0.contains("empty indicator id") }, errors.joined(separator: "\n"))
    }

    func testSplitInsideAQuotedFieldFallsBackToOnePiece() {
        // A long quoted comment with line breaks straddles the middle of the file.
        var text = "indicator,period,value,Note\n"
        for k in 0..<50 { text += "m,\(Period.month(year: 2000, month: 1).shifted(by: k).canonical),\(k),\n" }
        text += "m,2010-01,1,\"" + String(repeating: "a long note\n", count: 400) + "\"\n"
        for k in 0..<50 { text += "m,\(Period.month(year: 2011, month: 1).shifted(by: k).canonical),\(k),\n" }
        let one = load([("a.csv", text)], split: false)
        let two = load([("a.csv", text)], split: true)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.histories[0].count, 100, "the note is text: a non-numeric comparator drops its row")
        XCTAssertEqual(one.diagnostics.count, 1)
        XCTAssertTrue(one.diagnostics[0].hasPrefix("a.csv:52: error: non-numeric value"), one.diagnostics[0])
    }

    func testInterleavedFileGivesTheSameHistoriesAsAGroupedOne() {
        // The same rows, one file grouped by indicator, the other month by month (every row changes indicator).
        var grouped = "indicator,period,value,England\n", interleaved = grouped
        let months = (0..<120).map { Period.month(year: 2010, month: 1).shifted(by: $0) }
        for id in ["m", "q"] {
            for (k, p) in months.enumerated() where id == "m" || k % 3 == 2 {
                let period = id == "m" ? p.canonical : Period.quarter(containingMonthIndex: p.startMonthIndex).canonical
                grouped += "\(id),\(period),\(k),\(k % 9 == 0 ? "" : String(k * 2))\n"
            }
        }
        for (k, p) in months.enumerated() {
            interleaved += "m,\(p.canonical),\(k),\(k % 9 == 0 ? "" : String(k * 2))\n"
            if k % 3 == 2 {
                interleaved += "q,\(Period.quarter(containingMonthIndex: p.startMonthIndex).canonical),\(k),\(k % 9 == 0 ? "" : String(k * 2))\n"
            }
        }
        let a = load([("a.csv", grouped)], split: false), b = load([("a.csv", interleaved)], split: true)
        XCTAssertEqual(a.histories.map { $0.map(\.period) }, b.histories.map { $0.map(\.period) })
        XCTAssertEqual(a.histories.map { $0.map(\.value) }, b.histories.map { $0.map(\.value) })
        XCTAssertEqual(a.histories.map { $0.map(\.comparators) }, b.histories.map { $0.map(\.comparators) })
        XCTAssertEqual(a.histories[1].count, 40)
        XCTAssertEqual(a.diagnostics, [])
    }

    func testRowsOutOfOrderAcrossFilesAreSortedAndTheirSourcesKept() {
        let newer = "indicator,period,value\nm,2021-03,3\nm,2021-02,2\n"
        let older = "indicator,period,value,England\nm,2021-01,1,9\n"
        let r = load([("b.csv", newer), ("a.csv", older)], split: false)
        let h = r.histories[0]
        XCTAssertEqual(h.map(\.period.canonical), ["2021-01", "2021-02", "2021-03"])
        XCTAssertEqual(h.map(\.source.text), ["a.csv:2", "b.csv:3", "b.csv:2"])
        XCTAssertEqual(h.map { $0.comparator(0) }, [9, nil, nil])
    }

    // MARK: Storage

    func testHistoryReadsLikeTheObservationsItWasBuiltFrom() {
        let obs = [
            Observation(period: Period("2020-12")!, value: 1.5, comparators: [nil, 2], source: SourceLocation(file: "a", line: 3)),
            Observation(period: Period("2020/21 Q3")!, value: nil, comparators: [4]),
            Observation(period: Period("2020/21")!, value: -0.0),
        ]
        let h = History(obs)
        XCTAssertEqual(h.count, 3)
        XCTAssertEqual(h[0].comparators, [nil, 2])
        XCTAssertEqual(h[1].comparators, [4, nil])
        XCTAssertNil(h.comparator(5, at: 0))
        XCTAssertEqual(h.map(\.period), obs.map(\.period))
        XCTAssertEqual(h.map(\.value), obs.map(\.value))
        XCTAssertEqual(h[0].source, SourceLocation(file: "a", line: 3))
        XCTAssertEqual(h.lastIndex(endingByMonth: Period("2020-12")!.endMonthIndex), 1, "the quarter ends in December too")
        XCTAssertEqual(h.lastIndex(endingByMonth: Period("2020-11")!.endMonthIndex), nil)
        XCTAssertEqual(h, History(obs), "equal histories compare equal, missing values included")
        XCTAssertNotEqual(h, History(Array(obs.prefix(2))))
        XCTAssertEqual(Array(h[1...]).map(\.period), [Period("2020/21 Q3")!, Period("2020/21")!])
    }

    func testPeriodCodesRoundTripAndOrderLikePeriods() {
        var all: [Period] = []
        for y in [1899, 1999, 2000, 2021, 2099] {
            for m in 1...12 { all.append(.month(year: y, month: m)) }
            for q in 1...4 { all.append(.quarter(startYear: y, quarter: q)) }
            all.append(.financialYear(startYear: y))
        }
        for p in all {
            XCTAssertEqual(PeriodCode(p).period, p)
            XCTAssertEqual(PeriodCode(p).endMonthIndex, p.endMonthIndex)
        }
        for a in all.prefix(40) {
            for b in all.suffix(40) + all.prefix(40) {
                XCTAssertEqual(PeriodCode.precedes(PeriodCode(a), PeriodCode(b)), a < b, "\(a) < \(b)")
            }
        }
    }

    // MARK: Numbers and the C locale

    /// After ncurses calls setlocale(LC_ALL, ""), C's strtod follows the locale's decimal comma; csdash parses
    /// history in the running dashboard and wall (live reload), so its number parser must never depend on it.
    /// The test builds its own de_DE locale, so it runs where none is installed.
    func testNumbersParseTheSameInADecimalCommaLocale() throws {
        let dir = NSTemporaryDirectory() + "csdash-locale-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["localedef", "-i", "de_DE", "-f", "UTF-8", dir + "/de_DE.UTF-8"]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        guard (try? make.run()) != nil else { throw XCTSkip("localedef is not installed") }
        make.waitUntilExit()
        let old = getenv("LOCPATH").map { String(cString: $0) }
        setenv("LOCPATH", dir, 1)
        defer { if let old { setenv("LOCPATH", old, 1) } else { unsetenv("LOCPATH") } }
        guard let german = newlocale(1 << LC_NUMERIC, "de_DE.UTF-8", nil) else {
            throw XCTSkip("could not build a de_DE locale")
        }
        defer { freelocale(german) }
        let previous = uselocale(german)
        defer { uselocale(previous) }
        // The locale is really in force: C's strtod now reads a decimal comma.
        XCTAssertEqual(strtod("1,5", nil), 1.5)
        XCTAssertEqual(strtod("1.5", nil), 1)

        for (text, expected) in [("1.5", 1.5), ("1e3", 1000.0), ("1.5e1", 15.0), ("2.5E-2", 0.025), ("-3.25%", -3.25),
                                 ("12345678901234567890.5", 12345678901234567890.5), ("1,234.5", 1234.5),
                                 ("0.1234567890123456789", 0.1234567890123456789)] {
            XCTAssertEqual(CSVNumber.parse(text), .value(expected), text)
        }
        XCTAssertEqual(CSVNumber.parse("1,5"), .invalid, "a decimal comma is not a number in the data")
        XCTAssertEqual(ValueFormat.number(1234.5, decimals: 1), "1,234.5")
        XCTAssertEqual(ValueFormat.number(-1234567.891, decimals: 2), "-1,234,567.89")
        XCTAssertEqual(ValueFormat.number(999.95, decimals: 1), "1,000.0")
        XCTAssertEqual(ValueFormat.number(-0.04, decimals: 1), "0.0")
        XCTAssertEqual(ValueFormat.number(123, decimals: 0), "123")
        // And through the loader (fast and general paths).
        let r = load([("a.csv", "indicator,period,value\nm,2020-01,1e2\nm,2020-02,\"2.5\"\nm,2020-03,0.5\n")], split: false)
        XCTAssertEqual(r.histories[0].map(\.value), [100, 2.5, 0.5])
    }
}

extension HistoryLoader {
    /// One file through the steps `DataDirectory.load` takes: its header, then its parts (one after the other).
    mutating func read(_ data: Data, file: String) {
        let jobs = plan(data, file: file)
        var parts = jobs.map { $0.read() }
        add(&parts, parts.indices, of: jobs)
    }
}
