@testable import CsdashCore
import Foundation
import XCTest

/// How `CSVRows` splits unquoted rows (`RowSplit`: line breaks by memchr, commas eight bytes at a time) and the
/// loaders built on it: every row and field where a byte-by-byte reading puts them, whatever the word
/// boundaries, the buffer's end and the kinds of line break.
final class RowSplitTests: XCTestCase {
    /// A row at `i`, byte by byte: its end (LF, CR or the buffer's end), the next row's start, its fields.
    func reference(_ b: [UInt8], _ i: Int) -> (end: Int, next: Int, fields: [Range<Int>]) {
        var k = i
        while k < b.count, b[k] != 0x0A, b[k] != 0x0D { k += 1 }
        let next = k == b.count ? k : (b[k] == 0x0D && k + 1 < b.count && b[k + 1] == 0x0A ? k + 2 : k + 1)
        var fields: [Range<Int>] = [], start = i
        for j in i..<k where b[j] == 0x2C {
            fields.append(start..<j)
            start = j + 1
        }
        fields.append(start..<k)
        return (k, next, fields)
    }

    func check(_ b: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        guard !b.isEmpty else { return }
        b.withUnsafeBufferPointer { buf in
            var split = RowSplit(buf.baseAddress!, count: b.count)
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: 100)
            let ends = UnsafeMutablePointer<Int>.allocate(capacity: 100)
            defer {
                starts.deallocate()
                ends.deallocate()
            }
            var i = 0
            while i < b.count {
                let want = reference(b, i)
                let got = split.line(from: i)
                XCTAssertEqual(got.end, want.end, "row at \(i) in \(b)", file: file, line: line)
                XCTAssertEqual(got.next, want.next, "row at \(i) in \(b)", file: file, line: line)
                for columns in [2, 100] {
                    let count = split.fields(i, got.end, columns: columns, starts, ends)
                    XCTAssertEqual(count, want.fields.count, "row at \(i) in \(b)", file: file, line: line)
                    for k in 0..<min(count, columns, want.fields.count) {
                        XCTAssertEqual(starts[k]..<ends[k], want.fields[k], "field \(k) at \(i) in \(b)", file: file, line: line)
                    }
                }
                i = got.next
            }
        }
    }

    func testCommasAndLineBreaksAtEveryPositionAroundWordBoundaries() {
        for n in 1...34 {
            for d in 0..<n {
                for c: UInt8 in [0x2C, 0x0A, 0x0D] {
                    var b = [UInt8](repeating: 0x61, count: n)
                    b[d] = c
                    check(b)
                    if d + 1 < n {
                        b[d + 1] = 0x2C
                        check(b)
                    }
                }
            }
        }
    }

    func testNoFalseCommasFromNeighbouringBytes() {
        // Bytes one either side of a comma, zero and high bytes: none of them is a comma.
        let near: [UInt8] = [0x2B, 0x2D, 0x00, 0x80, 0xAC, 0xAB, 0xAD, 0xFF, 0x01, 0x22, 0x09, 0x0B, 0x0C, 0x0E]
        var b: [UInt8] = []
        for k in 0..<40 { b.append(near[k % near.count]) }
        check(b)
        b[17] = 0x2C
        b[39] = 0x0A
        check(b)
    }

    func testRandomBuffersAgainstByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab1.-\" ,,\r\n\t".utf8) + [0x00, 0x80, 0xE2, 0xFF]
        for _ in 0..<3_000 {
            let n = Int.random(in: 1...90, using: &rng)
            check((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
        }
    }

    /// Files with one kind of line break (CR, LF or CRLF) throughout.
    func testEachKindOfLineBreakThroughout() {
        for lineBreak in ["\r", "\n", "\r\n"] {
            check(Array(String(repeating: "a,b,c" + lineBreak, count: 200).utf8))
            check(Array((String(repeating: "a,b,c" + lineBreak, count: 20) + "x,y").utf8))
        }
    }

    // MARK: The history loader on the split

    func load(_ text: String, ids: [String], split: Bool = false) -> (histories: [[Observation]], diagnostics: [String]) {
        var loader = HistoryLoader()
        loader.partSize = split ? 1 : Int.max
        loader.read(Data(text.utf8), file: "h.csv")
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

    /// Many short rows (more than a byte-count estimate of the rows expects): every row is kept, in one part
    /// and in several.
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
