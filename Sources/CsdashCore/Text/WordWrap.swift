/// Word wrapping by display columns, shared by the reports, the dashboard's pages and drafted commentary: lines
/// break at spaces, a word wider than the line is split across lines (never cut: every character is kept), and
/// line breaks in the text start new lines.
public enum WordWrap {
    /// `text` as lines of at most `width` columns (a character wider than `width` alone on its line).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                while w.displayWidth > width {
                    if !line.isEmpty { out.append(line); line = "" }
                    var head = w.prefix(columns: width)
                    if head.isEmpty { head = String(w.prefix(1)) }  // a wide character in a one-column space
                    out.append(head)
                    w = String(w.dropFirst(head.count))
                }
                if line.isEmpty { line = w } else if line.displayWidth + 1 + w.displayWidth <= width { line += " " + w } else {
                    out.append(line)
                    line = w
                }
            }
            out.append(line)
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// `text` wrapped to `width` and joined with line breaks.
    public static func wrapped(_ text: String, width: Int) -> String { lines(text, width: width).joined(separator: "\n") }

    /// The widest word of `text`: the narrowest column it can be wrapped into without splitting a word.
    public static func widestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0).displayWidth }.max() ?? 0
    }
}
