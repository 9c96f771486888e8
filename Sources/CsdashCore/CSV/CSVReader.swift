#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A malformed CSV file: what is wrong and on which line.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Where one field lies in the file's bytes.
public struct CSVField: Sendable {
    /// Byte offsets, excluding the surrounding quotes of a quoted field.
    public var start: Int
    public var end: Int
    public var quoted: Bool
    /// The field holds `""` escapes that must be collapsed to read it.
    public var escaped: Bool
}

/// One row as the reader hands it over: valid only inside the callback.
public struct CSVRow {
    /// The 1-based line on which the row starts.
    public let line: Int
    let buffer: UnsafeBufferPointer<UInt8>
    let fields: [CSVField]
    /// The byte offset just after the row's line break, where the next row starts.
    public let end: Int
    /// The line on which the next row starts.
    public let nextLine: Int

    public var count: Int { fields.count }

    /// The field's bytes, with quotes removed and `""` collapsed.
    public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let f = fields[i]
        let slice = UnsafeBufferPointer(rebasing: buffer[f.start..<f.end])
        if !f.escaped { return try body(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var j = 0
        while j < slice.count {
            out.append(slice[j])
            j += (slice[j] == 0x22 && j + 1 < slice.count && slice[j + 1] == 0x22) ? 2 : 1
        }
        return try out.withUnsafeBufferPointer { try body($0) }
    }

    /// The field as a String (invalid UTF-8 is repaired).
    public func string(_ i: Int) -> String {
        withField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The field with surrounding white space removed.
    public func trimmed(_ i: Int) -> String {
        string(i).trimmingSpaces
    }

    public var strings: [String] { (0..<count).map(string) }
}

/// An RFC 4180 CSV reader over bytes: quoted fields (with commas, quotes and line breaks inside),
/// a UTF-8 byte-order mark, CRLF, LF or CR line ends, blank lines skipped, and the line number of every row.
/// It makes no String per field: callers read numbers straight from the bytes (`CSVNumber`).
public enum CSVReader {
    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Thrown by a row callback to stop reading early; `forEachRow` returns normally.
    public struct Stop: Error {
        public init() {}
    }

    /// Calls `body` for every non-blank row, the header included. `firstLine` numbers the first line (for a
    /// part of a file); a UTF-8 byte-order mark is skipped only when `atFileStart`. Returns the line after the
    /// last one read.
    @discardableResult
    public static func forEachRow(in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, atFileStart: Bool = true,
                                  _ body: (CSVRow) throws -> Void) throws -> Int {
        let n = bytes.count
        var i = 0
        if atFileStart, n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = firstLine
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        while i < n {
            let rowLine = line
            fields.removeAll(keepingCapacity: true)
            rowLoop: while true {
                if i < n, bytes[i] == quote {
                    let fieldLine = line
                    i += 1
                    let start = i
                    var escaped = false
                    while true {
                        while i < n, bytes[i] != quote {
                            if bytes[i] == lf || (bytes[i] == cr && (i + 1 >= n || bytes[i + 1] != lf)) { line += 1 }
                            i += 1
                        }
                        if i >= n {
                            throw CSVError(line: fieldLine, message: "quoted field is never closed (missing '\"')")
                        }
                        if i + 1 < n, bytes[i + 1] == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    fields.append(CSVField(start: start, end: i, quoted: true, escaped: escaped))
                    i += 1
                    // Tolerate spaces between the closing quote and the delimiter.
                    while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                    if i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        throw CSVError(line: line, message: "unexpected text after a closing quote")
                    }
                } else {
                    let start = i
                    while i < n {
                        let c = bytes[i]
                        if c == comma || c == lf || c == cr { break }
                        i += 1
                    }
                    fields.append(CSVField(start: start, end: i, quoted: false, escaped: false))
                }
                if i >= n { break rowLoop }
                switch bytes[i] {
                case comma:
                    i += 1
                case cr:
                    i += 1
                    if i < n, bytes[i] == lf { i += 1 }
                    line += 1
                    break rowLoop
                default:
                    i += 1
                    line += 1
                    break rowLoop
                }
            }
            if fields.count == 1, !fields[0].quoted, fields[0].start == fields[0].end { continue }
            do {
                try body(CSVRow(line: rowLine, buffer: bytes, fields: fields, end: i, nextLine: line))
            } catch is Stop {
                return line
            }
        }
        return line
    }

    /// Reads every row of `text` into Strings (for tests and small files).
    public static func rows(_ text: String) throws -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var bytes = Array(text.utf8)
        _ = try bytes.withUnsafeMutableBufferPointer { buf in
            try forEachRow(in: UnsafeBufferPointer(buf)) { out.append(($0.line, $0.strings)) }
        }
        return out
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        let s = String(self)
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return String(s[first...last])
    }
}
