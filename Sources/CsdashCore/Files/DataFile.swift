import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one data file defensively: only regular files (a FIFO or a device would block or never end), at
/// most a documented size, with no line longer than a documented length. A file that breaks a limit is
/// refused at once with a clear message instead of being read for minutes (docs/data-format.md, "Limits").
enum DataFile {
    /// The largest history CSV file: about 3.5 million rows of the usual shape.
    static let maxCSVBytes = 128 << 20
    /// The largest indicators.yaml or risks.yaml: hundreds of times the size of a large council's.
    static let maxYAMLBytes = 8 << 20
    /// The longest line in any file.
    static let maxLineBytes = 1 << 20

    enum Outcome: Sendable {
        case data(Data)
        /// The file cannot be opened or read (permissions, a directory, a symlink loop, not a regular file).
        case unreadable(String)
        /// The file breaks a limit: refused with the line where it does (0 for the whole file).
        case refused(line: Int, String)
    }

    /// `checkLines: false` leaves long lines to the caller (a YAML file drops just the long line's value).
    static func read(_ path: String, maxBytes: Int, checkLines: Bool = true) -> Outcome {
        // stat and open for the kind of file and the C library's reason ("Permission denied", "Too many levels
        // of symbolic links"); FileHandle for the reading.
        var st = stat()
        if stat(path, &st) != 0 { return .unreadable(reason(errno)) }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { return .unreadable("it is a directory, not a file") }
        if kind != S_IFREG { return .unreadable("not a regular file (a pipe, device or socket)") }
        if Int(st.st_size) > maxBytes {
            return .refused(line: 0, "the file is \(megabytes(Int(st.st_size))), more than the \(megabytes(maxBytes)) "
                + "csdash reads (see docs/data-format.md, Limits)")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .unreadable(reason(errno)) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let data: Data
        do {
            // One byte more than the limit tells a file that grew after stat.
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            return .unreadable("\(error.localizedDescription)")
        }
        return check(data, maxBytes: maxBytes, checkLines: checkLines)
    }

    /// `data` as read, or refused when it is over `maxBytes` (it grew after stat, or it was made in memory) or
    /// holds a line over `maxLineBytes`.
    static func check(_ data: Data, maxBytes: Int, checkLines: Bool = true) -> Outcome {
        if data.count > maxBytes {
            return .refused(line: 0, "the file is more than the \(megabytes(maxBytes)) csdash reads")
        }
        if checkLines, let (line, length) = longLine(data) {
            return .refused(line: line, "line \(line) is \(megabytes(length)) long; csdash reads lines of at most "
                + "\(megabytes(maxLineBytes)) (see docs/data-format.md, Limits)")
        }
        return .data(data)
    }

    /// The C library's words for an error number, e.g. "Permission denied".
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The first line longer than `maxLineBytes`, and its length; memchr keeps this fast on large files.
    /// Lines end at LF; a long stretch without one is split at CRs too (old Mac line ends).
    static func longLine(_ data: Data) -> (Int, Int)? {
        data.withUnsafeBytes { raw -> (Int, Int)? in
            guard let base = raw.baseAddress else { return nil }
            let n = raw.count
            if n <= maxLineBytes { return nil }
            // Most files have none: jump a line limit ahead at a time, to the last LF before it (found, looking
            // back, within a line's length). Only a stretch of more than the limit without an LF needs the exact
            // walk below.
            let bytes = base.assumingMemoryBound(to: UInt8.self)
            var from = 0
            while n - from > maxLineBytes {
                var q = from + maxLineBytes
                while q >= from, bytes[q] != 0x0A { q -= 1 }
                if q < from { return exactLongLine(base, n) }
                from = q + 1
            }
            return nil
        }
    }

    /// The first line longer than `maxLineBytes` (see `longLine`), line by line.
    private static func exactLongLine(_ base: UnsafeRawPointer, _ n: Int) -> (Int, Int)? {
        var start = 0
        var line = 1
        while start < n {
            let rest = n - start
            let end = memchr(base + start, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) } ?? n
            if end - start > maxLineBytes {
                // Split at CR: the longest CR-separated piece is the real line length.
                var s = start
                while s < end {
                    let e = memchr(base + s, 0x0D, end - s).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                    if e - s > maxLineBytes { return (line, e - s) }
                    s = e + 1
                    line += 1
                }
                line -= 1
            }
            start = end + 1
            line += 1
        }
        return nil
    }

    static func megabytes(_ n: Int) -> String {
        if n >= 1 << 20 {
            let mb = Double(n) / Double(1 << 20)
            return mb >= 10 || mb == mb.rounded() ? "\(Int(mb.rounded())) MiB" : String(format: "%.1f MiB", mb)
        }
        if n >= 1 << 10 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }

    /// Text from bytes: a UTF-8 byte-order mark dropped, invalid UTF-8 repaired.
    static func text(_ data: Data) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
