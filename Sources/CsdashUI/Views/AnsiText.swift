import CsdashCore

/// Writes a cell grid as text: plain, or with ANSI SGR escapes (what `csdash snapshot --color always` prints),
/// every style first reduced by `ColorDepth`, as the terminal layer does.
public enum AnsiText {
    public static func plain(_ buf: Buffer) -> String {
        buf.lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
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
