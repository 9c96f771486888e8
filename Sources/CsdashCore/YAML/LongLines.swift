import Foundation

/// Over-long lines in a YAML file: a line longer than the limit (a pasted export, a runaway commentary) is
/// one error at its line, and the file is read as if the line held only its key, so that the field is left
/// out and everything else loads (docs/data-format.md, "Limits").
enum LongLines {
    /// How far into a long line a key is looked for: keys are short.
    static let keySearch = 256

    /// The text with each line over `limit` bytes cut back to its key (`key:`, after any indentation and
    /// `- `), or emptied when it does not start with a plain key; and one problem per line cut.
    static func cut(_ text: String, limit: Int) -> (String, [YAMLProblem]) {
        let bytes = text.utf8
        // The usual case: no line is long, and the text is used as it is.
        guard bytes.count > limit, let first = longLine(bytes, from: bytes.startIndex, limit: limit) else { return (text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var problems: [YAMLProblem] = []
        var copied = bytes.startIndex
        var next: Long? = first
        while let long = next {
            out.append(contentsOf: bytes[copied..<long.start])
            out.append(contentsOf: keyPart(bytes[long.start..<long.end]))
            problems.append(YAMLProblem(line: long.line, column: 0, message:
                "line \(long.line) is \(DataFile.megabytes(bytes.distance(from: long.start, to: long.end))) long; "
                + "csdash reads lines of at most \(DataFile.megabytes(limit)) (see docs/data-format.md, Limits): "
                + "its value is left out", syntax: false))
            copied = long.end
            next = long.next < bytes.endIndex ? longLine(bytes, from: long.next, limit: limit, line: long.line + 1) : nil
        }
        out.append(contentsOf: bytes[copied...])
        return (String(decoding: out, as: UTF8.self), problems)
    }

    /// A line over the limit: its number, its bytes without the line break, and where the next line starts.
    private struct Long {
        var line: Int
        var start: String.Index
        var end: String.Index
        var next: String.Index
    }

    /// The first line from `from` (the start of line `line`) longer than `limit` bytes.
    private static func longLine(_ bytes: String.UTF8View, from: String.Index, limit: Int, line: Int = 1) -> Long? {
        var line = line
        var start = from
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var content = end
            if content > start, bytes[bytes.index(before: content)] == 0x0D { content = bytes.index(before: content) }
            let next = end == bytes.endIndex ? end : bytes.index(after: end)
            if bytes.distance(from: start, to: content) > limit {
                return Long(line: line, start: start, end: content, next: next)
            }
            start = next
            line += 1
        }
        return nil
    }

    /// `key:` from a line that starts (after spaces and `- ` list markers) with a plain key followed by
    /// `: `; nothing otherwise (a line of a block scalar, a quoted key, a list item).
    private static func keyPart(_ line: Substring.UTF8View) -> [UInt8] {
        let head = Array(line.prefix(keySearch))
        var i = 0
        while i < head.count, head[i] == 0x20 || (head[i] == 0x2D && i + 1 < head.count && head[i + 1] == 0x20) { i += 1 }
        guard i < head.count, !"\"'#{[&*!|>%@`?".utf8.contains(head[i]) else { return [] }
        var j = i
        while j + 1 < head.count {
            if head[j] == 0x3A, head[j + 1] == 0x20 || head[j + 1] == 0x09 { return Array(head[..<(j + 1)]) }
            if head[j] == 0x20, head[j + 1] == 0x23 { return [] }  // a comment before any key
            j += 1
        }
        return []
    }
}
