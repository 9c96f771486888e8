/// Turns the raw bytes a terminal sends into keys. Escape sequences are parsed whole (CSI `ESC [ params
/// final`, SS3 `ESC O x`, the Linux console's `ESC [ [ x`), so an unknown one is dropped as a unit instead
/// of arriving as Esc, `[` and digits; a bracketed paste (`ESC [200~ ... ESC [201~`) is ignored whole.
/// Pure and incremental: bytes may arrive in any pieces; a sequence cut at the end of the bytes so far waits
/// in `pending` until more arrive or the caller, after a short quiet time, calls `flush()` (a lone Esc).
public struct KeyDecoder: Sendable {
    public private(set) var pending: [UInt8] = []
    /// Inside a bracketed paste: everything up to its end marker is ignored.
    public private(set) var pasting = false

    public init() {}

    /// Something is waiting for more bytes: only a lone Esc (flush it soon) or a cut sequence.
    public var waitingForEscape: Bool { pending == [0x1B] }

    /// Decodes `bytes` after whatever was pending, returning the whole keys found.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            guard let (key, used) = decode(at: i) else { break }  // incomplete: wait for more
            if let key, !pasting { keys.append(key) }
            i += used
        }
        pending.removeFirst(i)
        return keys
    }

    /// No more bytes came: a pending lone Esc is the Esc key; a cut sequence is dropped.
    public mutating func flush() -> [Key] {
        defer { pending = [] }
        return pending == [0x1B] && !pasting ? [.escape] : []
    }

    /// Decodes one key at `i`: (the key or nil when ignored, bytes used), or nil when more bytes are needed.
    private mutating func decode(at i: Int) -> (Key?, Int)? {
        let b = pending[i]
        switch b {
        case 0x1B: return escape(at: i)
        case 0x03: return (.ctrlC, 1)
        case 0x09: return (.tab, 1)
        case 0x0A, 0x0D: return (.enter, 1)
        case 0x08, 0x7F: return (.backspace, 1)
        case 0x00..<0x20: return (nil, 1)
        case 0x20..<0x80: return (.char(Character(Unicode.Scalar(b))), 1)
        default: return utf8(at: i)
        }
    }

    private mutating func escape(at i: Int) -> (Key?, Int)? {
        guard i + 1 < pending.count else { return nil }
        switch pending[i + 1] {
        case UInt8(ascii: "["): return csi(at: i)
        case UInt8(ascii: "O"): return ss3(at: i)
        case 0x1B: return pasting ? (nil, 1) : (.escape, 1)  // Esc Esc: the first is a key
        case 0x20..<0x7F: return (nil, 2)                   // Alt+key: not bound to anything
        default: return (.escape, 1)
        }
    }

    /// `ESC [ P... I... F`: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, a final byte 0x40-0x7E.
    private mutating func csi(at i: Int) -> (Key?, Int)? {
        var j = i + 2
        guard j < pending.count else { return nil }
        // Linux console function keys: ESC [ [ A..E.
        if pending[j] == UInt8(ascii: "[") {
            guard j + 1 < pending.count else { return nil }
            let f = pending[j + 1]
            return (pasting ? nil : (0x41...0x45).contains(f) ? .function(Int(f) - 0x40) : nil, 4)
        }
        while j < pending.count, (0x20...0x3F).contains(pending[j]) { j += 1 }
        guard j < pending.count else { return nil }
        let final = pending[j]
        let used = j - i + 1
        guard (0x40...0x7E).contains(final) else {
            return (nil, j - i)  // broken sequence: drop what was read, decode the stray byte on its own
        }
        let params = String(decoding: pending[(i + 2)..<j], as: UTF8.self)
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 }
        if final == UInt8(ascii: "~") {
            if first == 200 { pasting = true; return (nil, used) }
            if first == 201 { pasting = false; return (nil, used) }
        }
        // An X10 mouse report carries three raw bytes after `ESC [ M`.
        if final == UInt8(ascii: "M"), params.isEmpty {
            guard i + used + 3 <= pending.count else { return nil }
            return (nil, used + 3)
        }
        if pasting || params.hasPrefix("<") || params.hasPrefix("?") || params.hasPrefix(">") { return (nil, used) }
        return (Self.csiKey(final: final, first: first), used)
    }

    static func csiKey(final: UInt8, first: Int?) -> Key? {
        switch Character(Unicode.Scalar(final)) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return first == nil || first == 1 ? .function(3) : nil  // with a row;col it is a cursor report
        case "S": return .function(4)
        case "~":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function(first! - 10 - (first! > 15 ? 1 : 0))
            case 17, 18, 19, 20, 21: return .function(first! - 11)
            case 23, 24: return .function(first! - 12)
            default: return nil
            }
        default: return nil
        }
    }

    /// `ESC O x` (keypad application mode), possibly with modifier digits before x.
    private mutating func ss3(at i: Int) -> (Key?, Int)? {
        var j = i + 2
        while j < pending.count, (0x30...0x3B).contains(pending[j]) { j += 1 }
        guard j < pending.count else { return nil }
        let used = j - i + 1
        guard !pasting else { return (nil, used) }
        switch Character(Unicode.Scalar(pending[j])) {
        case "A": return (.up, used)
        case "B": return (.down, used)
        case "C": return (.right, used)
        case "D": return (.left, used)
        case "H": return (.home, used)
        case "F": return (.end, used)
        case "M": return (.enter, used)
        case "P": return (.function(1), used)
        case "Q": return (.function(2), used)
        case "R": return (.function(3), used)
        case "S": return (.function(4), used)
        default:
            // A byte that cannot end an SS3 sequence: drop ESC O, decode the byte itself.
            return (nil, (0x40...0x7E).contains(pending[j]) ? used : j - i)
        }
    }

    /// A UTF-8 encoded character; malformed bytes are skipped one at a time.
    private func utf8(at i: Int) -> (Key?, Int)? {
        let b = pending[i]
        let n = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
        guard n > 0 else { return (nil, 1) }
        guard i + n <= pending.count else {
            // Wait only while what has come so far is a valid start.
            return pending[(i + 1)...].allSatisfy { $0 & 0xC0 == 0x80 } ? nil : (nil, 1)
        }
        let bytes = pending[i..<(i + n)]
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }),
              let s = String(validating: bytes, as: UTF8.self), let c = s.first else { return (nil, 1) }
        return (pasting ? nil : .char(c), n)
    }
}
