import CsdashCore

/// How many colours a terminal (or a snapshot) can show, and the one mapping from a theme's colours to them.
/// The terminal layer allocates its colour pairs from `map(_:)` and `AnsiText` writes its escapes from it, so a
/// golden frame at a depth is exactly what a terminal of that depth is sent.
///
/// - 24-bit: colours as written.
/// - 256: `#RRGGBB` becomes the nearest of the 6x6x6 cube and the grey ramp.
/// - 16: the ANSI colour of the same hue (saturated colours) or lightness (greys), keeping bright versus normal.
/// - 8: as 16, then bright foregrounds become the normal colour in bold; grey text becomes dim white; a
///   grey background, which 8 colours cannot show, becomes underline.
/// - mono: no colours; a background colour becomes reverse video, so what was a coloured block stays visible.
///
/// After mapping, reverse video of a colour becomes that colour as the background, and a foreground equal to its
/// background (black on black; with 16 or 8 colours, also bright blue on blue) is replaced by black or white,
/// whichever stands out from that background.
public enum ColorDepth: String, Sendable, CaseIterable, Comparable {
    case mono, ansi8 = "8", ansi16 = "16", ansi256 = "256", trueColor = "24bit"

    /// `24bit` (or `truecolor`), `256`, `16`, `8` or `mono`.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "truecolor" || n == "24-bit" { self = .trueColor; return }
        if n == "none" { self = .mono; return }
        self.init(rawValue: n)
    }

    public var name: String { rawValue }

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The depth a terminal has: `COLORTERM=truecolor|24bit` means 24-bit; otherwise the number of colours
    /// terminfo gives (nil when unknown: then guessed from the `TERM` name).
    public static func detect(environment env: [String: String], terminfoColors: Int?) -> ColorDepth {
        let term = env["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .mono }
        let colorterm = (env["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" { return .trueColor }
        let n = terminfoColors ?? {
            if term.hasSuffix("-direct") { return 1 << 24 }
            if term.contains("256color") { return 256 }
            if term.contains("16color") { return 16 }
            return 8
        }()
        return depth(colors: n)
    }

    /// The depth for a number of colours (as terminfo's `colors` or ncurses' `COLORS` gives it).
    public static func depth(colors n: Int) -> ColorDepth {
        if n >= 1 << 24 { return .trueColor }
        if n >= 256 { return .ansi256 }
        if n >= 16 { return .ansi16 }
        if n >= 8 { return .ansi8 }
        return .mono
    }

    /// A style as this depth shows it.
    public func map(_ style: Style) -> Style {
        var s = style
        switch self {
        case .trueColor:
            break
        case .ansi256:
            s.fg = Self.to256(s.fg)
            s.bg = Self.to256(s.bg)
        case .ansi16:
            s.fg = Self.to16(s.fg)
            s.bg = Self.to16(s.bg)
        case .ansi8:
            if case let .indexed(i) = Self.to16(s.fg) {
                if i == 8 { s.fg = .indexed(7); s.dim = true }
                else if i > 8 { s.fg = .indexed(i - 8); s.bold = true }
                else { s.fg = .indexed(i) }
            }
            if case let .indexed(i) = Self.to16(s.bg) {
                if i == 8 { s.bg = .default; s.underline = true }
                else { s.bg = .indexed(i % 8) }
            }
        case .mono:
            if s.bg != .default { s.reverse.toggle() }
            s.fg = .default
            s.bg = .default
            return s
        }
        // Reverse video of a colour on the terminal's own background would put the terminal's background
        // colour (unknown: dark or light) on that colour; say it: the colour as background, black or white text.
        if s.reverse, s.fg != .default, s.bg == .default {
            s.bg = s.fg
            s.fg = contrast(s.bg)
            s.reverse = false
        }
        if s.fg != .default, s.fg == s.bg { s.fg = contrast(s.bg) }
        // With 16 or 8 colours a bright colour on its own normal one (bright blue on blue) is as unreadable.
        if self <= .ansi16, case let .indexed(f) = s.fg, case let .indexed(b) = s.bg, f < 16, b < 16, f % 8 == b % 8 {
            s.fg = contrast(s.bg)
        }
        return s
    }

    /// Black or white, whichever stands out from a background.
    func contrast(_ bg: Color) -> Color {
        Self.lightness(bg) > 0.4 ? .indexed(0) : (self == .ansi8 ? .indexed(7) : .indexed(15))
    }

    // MARK: - The palette

    /// The xterm palette: the 16 ANSI colours as xterm draws them, then the 6x6x6 cube and the grey ramp.
    public static func rgb(_ i: UInt8) -> (r: Int, g: Int, b: Int) {
        switch i {
        case 0..<16: return ansi[Int(i)]
        case 16..<232:
            let v = Int(i) - 16
            return (cubeLevels[v / 36], cubeLevels[v / 6 % 6], cubeLevels[v % 6])
        default:
            let g = 8 + 10 * (Int(i) - 232)
            return (g, g, g)
        }
    }

    /// A colour's red, green and blue (the terminal's default is nil: it is unknown).
    public static func rgb(of c: Color) -> (r: Int, g: Int, b: Int)? {
        switch c {
        case .default: return nil
        case let .indexed(i): return rgb(i)
        case let .rgb(r, g, b): return (Int(r), Int(g), Int(b))
        }
    }

    static let ansi: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The nearest of the 240 colours above 15 (the ANSI 16 are left out: terminals redefine them).
    public static func to256(_ c: Color) -> Color {
        guard case let .rgb(r, g, b) = c else { return c }
        let (r8, g8, b8) = (Int(r), Int(g), Int(b))
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let (ri, gi, bi) = (level(r8), level(g8), level(b8))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let avg = (r8 + g8 + b8) / 3
        let greyIndex = avg > 238 ? 23 : max(0, (avg - 3) / 10)
        let grey = 232 + greyIndex
        let dc = distance((r8, g8, b8), rgb(UInt8(cube)))
        let dg = distance((r8, g8, b8), rgb(UInt8(grey)))
        return .indexed(UInt8(dg < dc ? grey : cube))
    }

    /// The nearest ANSI colour: by hue for a colour with clear hue, by lightness for a grey; bright for light
    /// colours. Hue matters more than closeness here: a salmon red must stay red, not become grey.
    public static func to16(_ c: Color) -> Color {
        switch c {
        case .default: return c
        case let .indexed(i) where i < 16: return c
        default: break
        }
        guard let (r, g, b) = rgb(of: c) else { return c }
        let mx = max(r, g, b), mn = min(r, g, b)
        let l = Double(mx + mn) / 510
        let chroma = mx - mn
        if chroma < 48 {
            if l < 0.2 { return .indexed(0) }
            if l < 0.6 { return .indexed(8) }
            return .indexed(l < 0.87 ? 7 : 15)
        }
        // Hue in degrees, then its ANSI colour. The bins are not equal: orange goes with yellow (amber), and
        // azure (a dark sky blue, 200-210 degrees) looks blue, not cyan.
        let (fr, fg, fb, fc) = (Double(r), Double(g), Double(b), Double(chroma))
        var h: Double
        if mx == r { h = 60 * ((fg - fb) / fc) } else if mx == g { h = 60 * ((fb - fr) / fc + 2) } else { h = 60 * ((fr - fg) / fc + 4) }
        if h < 0 { h += 360 }
        let base: UInt8 = h < 28 || h >= 330 ? 1 : h < 75 ? 3 : h < 155 ? 2 : h < 195 ? 6 : h < 270 ? 4 : 5
        let bright = l >= 0.5 && mx >= 230
        return .indexed(base + (bright ? 8 : 0))
    }

    /// Relative lightness 0-1 (for choosing black or white text on a colour).
    public static func lightness(_ c: Color) -> Double {
        guard let (r, g, b) = rgb(of: c) else { return 0 }
        return (0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)) / 255
    }

    static func distance(_ a: (Int, Int, Int), _ b: (r: Int, g: Int, b: Int)) -> Int {
        let dr = a.0 - b.r, dg = a.1 - b.g, db = a.2 - b.b
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}

extension ColorDepth {
    /// The depth for an output: `never` (or `auto` with NO_COLOR set, or not a terminal) is mono; `always` is
    /// the depth asked for or detected (256 when nothing is known); `auto` on a terminal likewise.
    public static func choose(mode: ColorMode, noColor: Bool, isTerminal: Bool, requested: ColorDepth?,
                       detect: () -> ColorDepth) -> ColorDepth {
        switch mode {
        case .never: return .mono
        case .auto where noColor || !isTerminal: return .mono
        case .always:
            if let requested { return requested }
            let d = detect()
            return d == .mono ? .ansi256 : d
        case .auto:
            return requested ?? detect()
        }
    }
}
