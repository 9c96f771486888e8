/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji take two, a
/// character with combining accents or an emoji joined with zero-width joiners (one `Character`, one
/// grapheme cluster) takes the width of its first scalar, and zero-width scalars take none.
///
/// Terminals disagree at the edges (ambiguous-width symbols such as `✓` or `≈` are one column in the
/// locales csdash runs in; text-style emoji such as `☺` without U+FE0F are one column), so this follows
/// what xterm, VTE, tmux and ncursesw's `wcwidth` do for the common cases: Unicode's East Asian Width
/// W/F ranges and Emoji_Presentation, or any emoji followed by U+FE0F.
public enum TextWidth {
    /// The columns one character (grapheme cluster) takes: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return c.asciiValue! < 0x20 || c.asciiValue! == 0x7F ? 0 : 1 }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isZeroWidth(first) {
            // A cluster of only zero-width scalars (a stray combining mark still draws on its own cell).
            return first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark ? 1 : 0
        }
        if isWide(first) { return 2 }
        // An emoji in text style made emoji style by U+FE0F, or a keycap/flag/ZWJ sequence.
        if first.properties.isEmoji && scalars.count > 1 {
            if scalars.contains("\u{FE0F}") || scalars.contains("\u{200D}") || scalars.contains("\u{20E3}") { return 2 }
        }
        return 1
    }

    /// The columns a string takes.
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }  // ASCII: one column a byte
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        switch u.value {
        case 0x1160...0x11FF, 0x200B: return true  // Hangul medial vowels and final consonants; zero width space
        default: return false
        }
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x1100 { return false }
        if u.properties.isEmojiPresentation { return true }
        switch v {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A,
             0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
             0x3400...0x4DBF,  // CJK Extension A
             0x4E00...0x9FFF,  // CJK Unified Ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul Jamo extended A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility forms, small forms
             0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,  // Tangut, Kana supplement
             0x1F200...0x1F2FF,  // enclosed ideographic supplement (emoji are found by Emoji_Presentation above)
             0x20000...0x2FFFD, 0x30000...0x3FFFD:  // CJK Extensions B-H
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The terminal columns the string takes (`TextWidth`).
    public var displayWidth: Int { TextWidth.of(self) }

    /// The longest prefix that fits in `columns`, never cutting a character in half.
    public func prefix(columns: Int) -> String {
        if TextWidth.of(self) <= columns { return self }
        var used = 0
        var end = startIndex
        for i in indices {
            let w = TextWidth.of(self[i])
            if used + w > columns { break }
            used += w
            end = index(after: i)
        }
        return String(self[..<end])
    }
}
