/// Escaping for the board pack: every piece of text that comes from the data goes through `html`, so a title
/// such as `<script>alert(1)</script>` or `"><img src=x onerror=alert(1)>` shows as text and runs nothing.
enum HTMLEscape {
    /// Text safe inside an element and inside a double- or single-quoted attribute: & < > " ' escaped, and
    /// control characters (other than tab and line feed) and the direction overrides dropped.
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || SafeText.replacement(u) != nil { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Shorthand used by the pack's builders.
@inline(__always) func h(_ s: String) -> String { HTMLEscape.html(s) }
