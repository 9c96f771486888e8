import CsdashCore

/// A terminal colour: the terminal's default, one of the 256 indexed colours (0-15 are the ANSI colours, which the
/// terminal's own palette defines), or 24-bit. `ColorDepth` reduces any of them to what a terminal can show.
public enum Color: Hashable, Sendable, BitwiseCopyable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.indexed(0), red = Color.indexed(1), green = Color.indexed(2)
    public static let yellow = Color.indexed(3), blue = Color.indexed(4), magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6), white = Color.indexed(7), gray = Color.indexed(8)
    public static let brightRed = Color.indexed(9), brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11), brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13), brightCyan = Color.indexed(14), brightWhite = Color.indexed(15)

    /// A colour as a theme file writes it: `#RRGGBB`, `0`-`255`, an ANSI name (`red`, `bright-blue`) or `default`.
    public init?(_ text: String) {
        guard let spec = ColourSpec(text) else { return nil }
        self.init(spec)
    }

    public init(_ spec: ColourSpec) {
        switch spec {
        case .default: self = .default
        case let .indexed(i): self = .indexed(i)
        case let .rgb(r, g, b): self = .rgb(r, g, b)
        }
    }
}

/// How a cell looks.
public struct Style: Hashable, Sendable, BitwiseCopyable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    public var bolded: Style { var s = self; s.bold = true; return s }
    public var reversed: Style { var s = self; s.reverse.toggle(); return s }

    /// This style with another's background where this one has none (a reversed background, as in the
    /// monochrome banner, is kept reversed so the text inside it does not punch a hole in the bar).
    public func over(_ background: Style) -> Style {
        var s = self
        if s.bg == .default {
            s.bg = background.bg
            if background.reverse && s.fg == .default { s.reverse = true }
        }
        return s
    }
}
