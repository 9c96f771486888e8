/// What every widget draws with: the theme (roles to styles) and the glyph set. A struct so that more
/// can travel with it (colour depth, palette) without changing any widget's signature.
public struct RenderContext: Sendable, Equatable {
    public var theme: Theme
    public var glyphs: Glyphs

    public init(theme: Theme, glyphs: Glyphs) { (self.theme, self.glyphs) = (theme, glyphs) }

    /// The style of a role in the theme.
    public subscript(role: Role) -> Style { theme[role] }
}

/// One shape for everything drawn on screen, in the manner of ratatui's `Widget::render(area, buf)`:
/// a value that draws itself into `area` of a buffer and never outside it.
public protocol Widget {
    func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext)
}

extension Buffer {
    /// Draws a widget into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect, _ ctx: RenderContext) {
        widget.render(area, into: &self, ctx)
    }
}
