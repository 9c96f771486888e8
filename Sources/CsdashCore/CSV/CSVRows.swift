#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one row engine for the data files' CSV (history and authorities): the header row, then every row after
/// it as byte ranges.
///
/// A row without a quote is split where it lies (`RowSplit`); a row holding a quote is read by the RFC 4180
/// `CSVReader` and its fields, unquoted, are copied into a scratch buffer. Either way the caller gets the same
/// `CSVFields`, so one handler reads both kinds of row and writes the same messages for them.
enum CSVRows {
    /// The header row: its fields as text, its line, and where the rows after it start.
    struct Header {
        var names: [String]
        var line: Int
        /// The byte offset and line just after the header row.
        var end: Int
        var nextLine: Int
    }

    /// The first non-blank row of `bytes` (nil when there is none); a byte-order mark is skipped.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) -> Header? {
        var header: Header?
        do {
            try CSVReader.forEachRow(in: bytes) { row in
                header = Header(names: row.strings, line: row.line, end: row.end, nextLine: row.nextLine)
                throw CSVReader.Stop()
            }
        } catch let e as CSVError {
            throw e
        } catch {
            throw CSVError(line: 1, message: "\(error)")
        }
        return header
    }

    /// Calls `body` with every non-blank row of `bytes` from offset `from` (numbered from `firstLine`), the
    /// first `columns` fields of each at hand. Returns the line after the last row; throws at a CSV syntax
    /// error (the rows before it have been handed over).
    ///
    /// A documented hot loop: it runs once per row of files of millions of rows.
    @discardableResult
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, from: Int, firstLine: Int, columns: Int,
                        _ body: (CSVFields) -> Void) throws(CSVError) -> Int {
        guard let p = bytes.baseAddress else { return firstLine }
        let n = bytes.count
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        defer {
            starts.deallocate()
            ends.deallocate()
        }
        var split = RowSplit(p, count: n)
        var scratch: [UInt8] = []
        var i = from, line = firstLine, nextQuote = -1
        while i < n {
            if nextQuote < i { nextQuote = RowSplit.find(0x22, p, from: i, to: n) }
            let (e, after) = split.line(from: i)
            if nextQuote >= e {
                let count = split.fields(i, e, columns: columns, starts, ends)
                i = after
                line += 1
                if count == 1 && starts[0] == ends[0] { continue }  // a blank line
                body(CSVFields(base: p, starts: starts, ends: ends, count: count, line: line - 1))
                continue
            }
            let next = try quotedRow(bytes, from: i, line: line, columns: columns, starts, ends, &scratch, body)
            i = next.end
            line = next.line
        }
        return line
    }

    /// Reads the one row at `from` that holds a quote with `CSVReader`; returns where the next row starts.
    private static func quotedRow(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, line: Int, columns: Int,
                                  _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>,
                                  _ scratch: inout [UInt8], _ body: (CSVFields) -> Void) throws(CSVError) -> (end: Int, line: Int) {
        var next = (end: bytes.count, line: line)
        do {
            let rest = UnsafeBufferPointer(rebasing: bytes[from...])
            let last = try CSVReader.forEachRow(in: rest, firstLine: line, atFileStart: false) { row in
                scratch.removeAll(keepingCapacity: true)
                for k in 0..<min(row.count, columns) {
                    starts[k] = scratch.count
                    row.withField(k) { scratch.append(contentsOf: $0) }
                    ends[k] = scratch.count
                }
                scratch.append(0)  // a base address even when every field is empty
                scratch.withUnsafeBufferPointer { b in
                    body(CSVFields(base: b.baseAddress!, starts: starts, ends: ends, count: row.count, line: row.line))
                }
                next = (from + row.end, row.nextLine)
                throw CSVReader.Stop()
            }
            if next.end == bytes.count { next.line = last }
        } catch let e as CSVError {
            throw e
        } catch {
            throw CSVError(line: line, message: "\(error)")
        }
        return next
    }
}

/// One row's fields as `CSVRows` hands them over: valid only inside the callback. `count` is the row's number
/// of fields; the first `columns` of them (as asked for) are at hand.
struct CSVFields {
    let base: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int>
    let ends: UnsafePointer<Int>
    let count: Int
    /// The line on which the row starts.
    let line: Int

    /// The field's bytes without surrounding spaces and tabs.
    @inline(__always) func trimmed(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        var lo = starts[k], hi = ends[k]
        while lo < hi, base[lo] == 0x20 || base[lo] == 0x09 { lo &+= 1 }
        while hi > lo, base[hi &- 1] == 0x20 || base[hi &- 1] == 0x09 { hi &-= 1 }
        return UnsafeBufferPointer(start: base + lo, count: hi &- lo)
    }

    @inline(__always) func isEmpty(_ k: Int) -> Bool { starts[k] == ends[k] }

    /// The field as a number (`CSVNumber`).
    @inline(__always) func number(_ k: Int) -> CSVNumber {
        CSVNumber.parse(UnsafeBufferPointer(start: base + starts[k], count: ends[k] &- starts[k]))
    }

    /// The field's text without surrounding white space (invalid UTF-8 repaired).
    func text(_ k: Int) -> String {
        let t = trimmed(k)
        // Printable ASCII at both ends: nothing more to trim.
        if let f = t.first, let l = t.last, f > 0x20, f < 0x7F, l > 0x20, l < 0x7F {
            return String(decoding: t, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: base + starts[k], count: ends[k] - starts[k]),
                      as: UTF8.self).trimmingSpaces
    }

    /// Whether field `k`, trimmed, is the bytes of `other`.
    @inline(__always) func trimmed(_ k: Int, equals other: [UInt8]) -> Bool {
        trimmed(k).sameBytes(as: other)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are `other`'s (one `memcmp`).
    @inline(__always) func sameBytes(as other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return isEmpty || other.withUnsafeBufferPointer { memcmp(baseAddress!, $0.baseAddress!, count) == 0 }
    }
}
