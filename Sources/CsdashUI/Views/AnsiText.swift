import CsdashCore

/// Writes a cell grid as text: plain, or with ANSI SGR escapes (what `csdash snapshot --color always` prints),
/// every style first reduced by `ColorDepth`, as the terminal layer does.
public enum AnsiText {
    public static func plain(_ buf: Buffer) -> String {
        String(decoding: plainUTF8(buf), as: UTF8.self)
    }

    /// `plain` as UTF-8 bytes, for writing straight to standard output (`csdash snapshot`).
    public static func plainUTF8(_ buf: Buffer) -> [UInt8] {
        // Each row without its trailing spaces, straight from the cells' codes to UTF-8: measured first, then
        // written into one array of exactly that size.
        if buf.height == 0 { return [0x0A] }
        let rows = (0..<buf.height).map { buf.utf8Length(row: $0, trimmed: true) }
        let total = rows.reduce(0) { $0 + $1.length + 1 }
        return [UInt8](unsafeUninitializedCapacity: total) { b, count in
            var at = 0
            for (y, row) in rows.enumerated() {
                at += buf.writeUTF8(row: y, end: row.end, to: b.baseAddress! + at)
                b[at] = 0x0A
                at += 1
            }
            count = at
        }
    }

    /// The frame's styles as text, for golden files that must see a lost highlight or status colour: a key
    /// of the styles used (one letter each, in order of first use), then one row of letters per screen row.
    public static func styles(_ buf: Buffer) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-=?@^~<>()[]{}")
        var key: [Style: Character] = [:]
        var order: [Style] = []
        var rows: [String] = []
        for y in 0..<buf.height {
            var row = ""
            for x in 0..<buf.width {
                let st = buf[x, y].style
                if key[st] == nil {
                    key[st] = order.count < letters.count ? letters[order.count] : "_"
                    order.append(st)
                }
                row.append(key[st]!)
            }
            rows.append(row)
        }
        let legend = order.map { "\(key[$0]!) \(describe($0))" }
        return "styles:\n" + legend.joined(separator: "\n") + "\ncells:\n" + rows.joined(separator: "\n") + "\n"
    }

    /// `fg 203 bg 24 bold underline`, or `plain`.
    static func describe(_ s: Style) -> String {
        func color(_ c: Color) -> String {
            switch c {
            case .default: return "default"
            case let .indexed(i): return "\(i)"
            case let .rgb(r, g, b): return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2).replacingOccurrences(of: " ", with: "0") }.joined()
            }
        }
        var parts: [String] = []
        if s.fg != .default { parts.append("fg " + color(s.fg)) }
        if s.bg != .default { parts.append("bg " + color(s.bg)) }
        if s.bold { parts.append("bold") }
        if s.dim { parts.append("dim") }
        if s.underline { parts.append("underline") }
        if s.reverse { parts.append("reverse") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }

    public static func colored(_ buf: Buffer, depth: ColorDepth = .trueColor) -> String {
        var out = ""
        var mapped: [Style: Style] = [:]
        for y in 0..<buf.height {
            var current: Style? = nil
            for x in 0..<buf.width {
                let c = buf[x, y]
                if c.isContinuation { continue }  // the right half of a wide character
                if c.style != current {
                    let m = mapped[c.style] ?? depth.map(c.style)
                    mapped[c.style] = m
                    out += sgr(m)
                    current = c.style
                }
                out.append(c.char)
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    static func sgr(_ s: Style) -> String {
        var codes = ["0"]
        if s.bold { codes.append("1") }
        if s.dim { codes.append("2") }
        if s.underline { codes.append("4") }
        if s.reverse { codes.append("7") }
        codes += color(s.fg, fg: true)
        codes += color(s.bg, fg: false)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ c: Color, fg: Bool) -> [String] {
        switch c {
        case .default: return []
        case let .indexed(i): return [fg ? "38" : "48", "5", "\(i)"]
        case let .rgb(r, g, b): return [fg ? "38" : "48", "2", "\(r)", "\(g)", "\(b)"]
        }
    }
}
