@testable import CsdashCore
import Foundation
import XCTest

/// The eight-bytes-at-a-time delimiter scan and the loaders built on it: every delimiter found exactly where a
/// byte-by-byte scan finds it, whatever the word boundaries, the buffer's end and the jumps forward.
final class DelimiterScanTests: XCTestCase {
    /// The first comma, CR or LF at or after `i`, byte by byte.
    func reference(_ b: [UInt8], _ i: Int) -> Int {
        var k = i
        while k < b.count, b[k] != 0x2C, b[k] != 0x0A, b[k] != 0x0D { k += 1 }
        return k
    }

    func check(_ b: [UInt8], steps: [Int], file: StaticString = #filePath, line: UInt = #line) {
        b.withUnsafeBufferPointer { buf in
            // An empty array's buffer may have no address: scan a one-byte buffer of count 0 then.
            let one: [UInt8] = [0]
            one.withUnsafeBufferPointer { o in
                let p = buf.baseAddress ?? o.baseAddress!
                var scan = DelimiterScan(p, count: b.count)
                var i = 0
                var s = 0
                while i <= b.count {
                    let got = scan.next(i)
                    XCTAssertEqual(got, reference(b, i), "at \(i) in \(b)", file: file, line: line)
                    // Move on as a parser does: just past the delimiter, or further (a row read elsewhere).
                    i = min(got, b.count) + 1 + (steps.isEmpty ? 0 : steps[s % steps.count])
                    s += 1
                }
            }
        }
    }

    func testDelimitersAtEveryPositionAroundWordBoundaries() {
        for n in 0...34 {
            for d in 0..<max(n, 1) {
                for c: UInt8 in [0x2C, 0x0A, 0x0D] {
                    var b = [UInt8](repeating: 0x61, count: n)
                    if d < n { b[d] = c }
                    check(b, steps: [])
                    check(b, steps: [0, 3, 9])
                }
            }
        }
    }

    func testNoFalseDelimitersFromNeighbouringBytes() {
        // Bytes one either side of each delimiter, zero and high bytes: none of them is a delimiter.
        let near: [UInt8] = [0x2B, 0x2D, 0x09, 0x0B, 0x0C, 0x0E, 0x00, 0x80, 0xAC, 0x8A, 0x8D, 0xFF, 0x01, 0x22]
        var b: [UInt8] = []
        for k in 0..<40 { b.append(near[k % near.count]) }
        check(b, steps: [])
        b[17] = 0x2C
        b[39] = 0x0A
        check(b, steps: [])
    }

    func testRandomBuffersAgainstByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab1.-\" ,\r\n\t".utf8) + [0x00, 0x80, 0xE2, 0xFF]
        for _ in 0..<2_000 {
            let n = Int.random(in: 0...70, using: &rng)
            let b = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            check(b, steps: [Int.random(in: 0...3, using: &rng), Int.random(in: 0...12, using: &rng)])
        }
    }

    /// `following()` goes from delimiter to delimiter; `seek(i)` starts again at `i` (after a row read elsewhere).
    func testFollowingAndSeekAgainstByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab1.-\" ,\r\n".utf8) + [0x00, 0x80, 0xFF]
        for _ in 0..<2_000 {
            let n = Int.random(in: 1...70, using: &rng)
            let b = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            b.withUnsafeBufferPointer { buf in
                var scan = DelimiterScan(buf.baseAddress!, count: n)
                var from = 0
                var steps = 0
                while from <= n, steps < 200 {
                    steps += 1
                    if Int.random(in: 0...5, using: &rng) == 0 {
                        from = min(n, from + Int.random(in: 0...20, using: &rng))
                        scan.seek(from)
                    }
                    let j = scan.following()
                    XCTAssertEqual(j, reference(b, from), "from \(from) in \(b)")
                    if j >= n {
                        XCTAssertEqual(scan.following(), n)
                        break
                    }
                    from = j + 1
                }
            }
        }
    }

    // MARK: The history loader on the scan

    func load(_ text: String, ids: [String], split: Bool = false) -> (histories: [[Observation]], diagnostics: [String]) {
        var loader = HistoryLoader()
        loader.splitThreshold = split ? 0 : Int.max
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { loader.load(UnsafeBufferPointer($0), file: "h.csv") }
        var ds = Dataset(panels: [Panel(id: "p", title: "P")],
                         indicators: ids.map { Indicator(id: $0, panel: "p", title: $0, frequency: .monthly) })
        let log = DiagnosticLog()
        loader.finish(into: &ds, log: log)
        return (ds.indicators.map { Array($0.history) }, log.items.map(\.description))
    }

    /// Random files of valid rows (ids and numbers of every length, so fields cross word boundaries anywhere;
    /// LF, CRLF and CR line ends; blank lines; quoted fields now and then; with and without a last line break)
    /// load to what `CSVReader` reads from them.
    func testRandomHistoryFilesLoadAsCSVReaderReadsThem() throws {
        var rng = SystemRandomNumberGenerator()
        let ids = (1...20).map { String(repeating: "i", count: $0) }
        for round in 0..<60 {
            var text = "indicator,period,value,England\n"
            var month = [Int](repeating: 0, count: ids.count)
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                let k = Int.random(in: 0..<ids.count, using: &rng)
                month[k] += 1
                let period = Period.month(year: 2000, month: 1).shifted(by: month[k]).canonical
                let value = Int.random(in: 0...3, using: &rng) == 0 ? "" : String(Double(Int.random(in: -99_999...99_999, using: &rng)) / 100)
                let comp = String(Int.random(in: 0...123_456, using: &rng))
                var fields = [ids[k], period, value, comp]
                if Int.random(in: 0...9, using: &rng) == 0 {
                    let f = Int.random(in: 0..<4, using: &rng)
                    fields[f] = "\"" + fields[f] + "\""
                }
                text += fields.joined(separator: ",")
                text += ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"].randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) {
                while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            }
            var expected = [[(Period, Double?, Double?, Int)]](repeating: [], count: ids.count)
            for row in try CSVReader.rows(text).dropFirst() {
                let k = ids.firstIndex(of: row.fields[0])!
                let v: Double? = row.fields[2].isEmpty ? nil : Double(row.fields[2])!
                expected[k].append((Period(row.fields[1])!, v, Double(row.fields[3])!, row.line))
            }
            for split in [false, true] {
                let got = load(text, ids: ids, split: split)
                XCTAssertEqual(got.diagnostics, [], "round \(round)")
                for k in ids.indices {
                    XCTAssertEqual(got.histories[k].map(\.period), expected[k].map(\.0), "round \(round) id \(ids[k])")
                    XCTAssertEqual(got.histories[k].map(\.value), expected[k].map(\.1), "round \(round) id \(ids[k])")
                    XCTAssertEqual(got.histories[k].map { $0.comparator(0) }, expected[k].map(\.2), "round \(round)")
                    XCTAssertEqual(got.histories[k].map(\.source.line), expected[k].map(\.3), "round \(round)")
                }
            }
        }
    }

    func testQuotesMidWordAndLastLinesWithoutBreaks() {
        // A quote inside a word is text (the row goes to the general reader, which reads it the same way).
        let a = load("indicator,period,value\nab,2000-01,1\"5\nab,2000-02,2\n", ids: ["ab"])
        XCTAssertEqual(a.diagnostics, ["h.csv:2: error: non-numeric value '1\"5' (column 'value')"])
        XCTAssertEqual(a.histories[0].map(\.value), [2])
        let b = load("indicator,period,value\na\"b,2000-01,1\n", ids: ["a\"b"])
        XCTAssertEqual(b.histories[0].map(\.value), [1])
        // No line break at the end, a CR at the end, a trailing comma at the end.
        XCTAssertEqual(load("indicator,period,value\nab,2000-01,1.25", ids: ["ab"]).histories[0].map(\.value), [1.25])
        XCTAssertEqual(load("indicator,period,value\nab,2000-01,7\r", ids: ["ab"]).histories[0].map(\.value), [7])
        XCTAssertEqual(load("indicator,period,value\nab,2000-01,", ids: ["ab"]).histories[0].map(\.value), [nil])
        XCTAssertEqual(load("indicator,period,value\nab,2000-01,1,", ids: ["ab"]).diagnostics,
                       ["h.csv:2: error: row has 4 fields, the header has 3"])
    }

    /// Rows shorter than the columns' first estimate (16 bytes a row): the columns grow mid-file and every row
    /// is kept, on one thread and on two.
    func testColumnsGrowWhenRowsAreShort() {
        var text = "indicator,period,value\n"
        for k in 0..<500 { text += "a,\(Period.month(year: 1900, month: 1).shifted(by: k).canonical),\(k % 10)\n" }
        for split in [false, true] {
            let got = load(text, ids: ["a"], split: split)
            XCTAssertEqual(got.diagnostics, [])
            XCTAssertEqual(got.histories[0].map(\.value), (0..<500).map { Double($0 % 10) })
            XCTAssertEqual(got.histories[0].map(\.source.line), Array(2...501))
        }
    }
}
