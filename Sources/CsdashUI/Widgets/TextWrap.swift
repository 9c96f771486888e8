/// Word wrapping for commentary and descriptions.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` characters, breaking at spaces (long words are cut).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                while w.count > width {
                    if !line.isEmpty { out.append(line); line = "" }
                    out.append(String(w.prefix(width)))
                    w = String(w.dropFirst(width))
                }
                if line.isEmpty { line = w } else if line.count + 1 + w.count <= width { line += " " + w } else {
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
