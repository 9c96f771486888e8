/// How many terminal columns text takes, counted as ncursesw and the C library's `wcwidth` count them (so
/// that where csdash thinks a character ends is where ncurses puts the next one): each scalar of a
/// character takes two columns when it is East Asian wide or fullwidth or an emoji in emoji presentation,
/// none when it is a combining mark, a format character (a zero-width joiner, a variation selector) or a
/// control, and one otherwise. So `儿` is 2, `é` (e + U+0301) 1, `✓` 1, a flag 2, and an emoji family
/// joined with zero-width joiners the sum of its emoji (`👨‍👩‍👧` is 6): that is what ncurses advances,
/// whatever a particular terminal's font then draws.
public enum TextWidth {
    /// The columns one character (grapheme cluster) takes.
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return c.asciiValue! < 0x20 || c.asciiValue! == 0x7F ? 0 : 1 }
        var n = 0
        for u in c.unicodeScalars { n += of(u) }
        return n
    }

    /// The columns one scalar takes: 0, 1 or 2.
    public static func of(_ u: Unicode.Scalar) -> Int {
        if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { return 0 }
        if u.value < 0x300 { return 1 }
        if isZeroWidth(u) { return 0 }
        return isWide(u) ? 2 : 1
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
        // Regional indicators are one column each (a flag, two of them, is two).
        if u.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(v) { return true }
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
