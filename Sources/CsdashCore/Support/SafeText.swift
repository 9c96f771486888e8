/// Text from data files made safe to show: it goes through here once, where it enters the model (the YAML
/// string accessor, CSV header names, diagnostics), so no view, report or message has to think about it.
///
/// A data file can hold anything: an escape sequence in a title (`ESC ] 0 ; ... BEL` retitles a terminal
/// window, `ESC [ 2 J` clears it), a right-to-left override that makes `gnp.exe` read as `exe.png`, a tab
/// or a line break that breaks a table row. `SafeText` makes such characters visible instead of letting
/// them act:
///
/// - C0 controls (U+0000-U+001F) become their Unicode control pictures (`ESC` is `␛`, `BEL` is `␇`);
///   DEL (U+007F) becomes `␡`.
/// - C1 controls (U+0080-U+009F), bidirectional embeddings, overrides and isolates (U+202A-U+202E,
///   U+2066-U+2069) and the invisible direction marks (U+200E, U+200F, U+061C) become `�` (U+FFFD).
/// - Tabs, and in one-line text line breaks (CR, LF, CRLF, U+2028, U+2029, U+0085), become a space.
///
/// Zero-width joiners, variation selectors and combining marks are kept: emoji sequences and accented
/// letters need them, and `TextWidth` measures them.
public enum SafeText {
    /// One line: line breaks and tabs become spaces; other controls are made visible.
    public static func line(_ s: String) -> String {
        clean(s, keepNewlines: false)
    }

    /// Paragraphs: line breaks are kept as `\n` (CRLF and CR become LF); tabs become spaces; other
    /// controls are made visible.
    public static func paragraphs(_ s: String) -> String {
        clean(s, keepNewlines: true)
    }

    /// Whether `s` holds anything `line` or `paragraphs` would change other than line breaks and tabs:
    /// the loaders warn about it, so that a hostile or corrupt value is noticed, not just defused.
    public static func hasHostileCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { u in
            u != "\n" && u != "\r" && u != "\t" && u != "\u{2028}" && u != "\u{2029}" && u != "\u{85}"
                && replacement(u) != nil
        }
    }

    /// What a scalar becomes, or nil when it is safe as it is. Line breaks and tabs are handled by `clean`.
    static func replacement(_ u: Unicode.Scalar) -> String? {
        let v = u.value
        switch v {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "\u{FFFD}"
        default: return nil
        }
    }

    /// `s` with every scalar for which `replace` gives text replaced by it (an empty string drops the scalar),
    /// the others kept: the one loop behind the reports' escapes.
    static func mapScalars(_ s: String, _ replace: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if let r = replace(u) { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// True when every scalar is printable ASCII: the common case, returned as is without copying.
    private static func isPlainASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func clean(_ s: String, keepNewlines: Bool) -> String {
        if isPlainASCII(s) { return s }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            let wasCR = previousCR
            previousCR = false
            switch u {
            case "\r":
                out.append(keepNewlines ? "\n" : " ")
                previousCR = true
            case "\n":
                if wasCR { continue }  // CRLF is one line break
                out.append(keepNewlines ? "\n" : " ")
            case "\u{2028}", "\u{2029}", "\u{85}":
                out.append(keepNewlines ? "\n" : " ")
            case "\t":
                out.append(" ")
            default:
                if let r = replacement(u) { out.append(contentsOf: r.unicodeScalars) } else { out.append(u) }
            }
        }
        return String(out)
    }

    /// Cut to at most `limit` characters with `…` marking the cut: error messages quote values from the
    /// data, and a 10 MB header name must not become a 10 MB message.
    public static func clipped(_ s: String, to limit: Int = 200) -> String {
        guard s.utf8.count > limit else { return s }
        var n = 0
        var end = s.startIndex
        for i in s.indices {
            if n == limit { break }
            n += 1
            end = s.index(after: i)
        }
        return end == s.endIndex ? s : String(s[..<end]) + "…"
    }
}
