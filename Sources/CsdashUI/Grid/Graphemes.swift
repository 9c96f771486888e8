import Foundation

/// How a `Cell` holds its character in 32 bits: a character of one Unicode scalar (nearly all) is that
/// scalar's value; one of several scalars (a letter and a combining accent, a flag, an emoji sequence) is
/// numbered in a table shared by every buffer, with `multiple` set.
enum Graphemes {
    static let multiple: UInt32 = 0x8000_0000
    /// The table stops growing here (a hostile file could hold endless distinct sequences): a further
    /// character of several scalars shows as U+FFFD, one column like most of them.
    static let limit = 1 << 16

    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var characters: [Character] = []
        var numbers: [Character: UInt32] = [:]
    }

    private static let table = Table()

    @inline(__always) static func code(_ c: Character) -> UInt32 {
        let u = c.utf8
        if u.count == 1 { return UInt32(u.first!) }  // ASCII ("\r\n" is two bytes: not here)
        var scalars = c.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0x20 }
        if scalars.next() == nil { return first.value }
        return intern(c)
    }

    @inline(__always) static func character(_ code: UInt32) -> Character {
        if code & multiple == 0 { return Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}" }
        let t = table
        t.lock.lock()
        defer { t.lock.unlock() }
        let k = Int(code & ~multiple)
        return k < t.characters.count ? t.characters[k] : "\u{FFFD}"
    }

    private static func intern(_ c: Character) -> UInt32 {
        let t = table
        t.lock.lock()
        defer { t.lock.unlock() }
        if let n = t.numbers[c] { return n }
        guard t.characters.count < limit else { return 0xFFFD }
        let n = multiple | UInt32(t.characters.count)
        t.characters.append(c)
        t.numbers[c] = n
        return n
    }
}
