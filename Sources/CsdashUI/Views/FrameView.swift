/// A view of a whole frame (the dashboard's, the wall's): it draws its state into a cell grid, and `render`
/// finishes the grid the same way for both: the theme's background painted where nothing else is, and under
/// `--ascii` every cell folded to ASCII last (the separators and marks drawn by any widget too).
public protocol FrameView {
    associatedtype State
    static func draw(_ s: State, _ ctx: RenderContext) -> Buffer
}

extension FrameView {
    public static func render(_ s: State, theme: Theme, glyphs: Glyphs) -> Buffer {
        render(s, RenderContext(theme: theme, glyphs: glyphs))
    }

    public static func render(_ s: State, _ ctx: RenderContext) -> Buffer {
        var buf = draw(s, ctx)
        buf.paintBackground(ctx.theme)
        if ctx.glyphs.ascii { buf.foldToASCII() }
        return buf
    }
}
