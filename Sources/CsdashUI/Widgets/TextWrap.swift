import CsdashCore

/// Word wrapping for commentary and descriptions.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces (long words are cut).
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
}
