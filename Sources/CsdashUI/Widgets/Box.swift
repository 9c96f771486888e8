/// A border with a title on the top edge and an optional note at its right end. Focused boxes use the
/// focus colour for border and title.
public struct Box: Widget {
    public var title: String
    public var right: String
    public var focused: Bool

    public init(title: String = "", right: String = "", focused: Bool = false) {
        self.title = title
        self.right = right
        self.focused = focused
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(1)
    }

    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = ctx.glyphs
        let style = focused ? ctx[.focusBorder] : ctx[.border]
        let titleStyle = focused ? ctx[.focusBorder] : ctx[.title]
        let x0 = rect.x, x1 = rect.maxX - 1, y0 = rect.y, y1 = rect.maxY - 1
        for x in (x0 + 1)..<x1 {
            buf[x, y0] = Cell(g.horizontal, style)
            buf[x, y1] = Cell(g.horizontal, style)
        }
        for y in (y0 + 1)..<y1 {
            buf[x0, y] = Cell(g.vertical, style)
            buf[x1, y] = Cell(g.vertical, style)
        }
        buf[x0, y0] = Cell(g.topLeft, style)
        buf[x1, y0] = Cell(g.topRight, style)
        buf[x0, y1] = Cell(g.bottomLeft, style)
        buf[x1, y1] = Cell(g.bottomRight, style)
        let room = rect.width - 4
        if !right.isEmpty, room > 4 {
            let r = right.truncated(to: max(0, room / 2))
            buf.put(x1 - 1 - r.count, y0, r, style)
        }
        if !title.isEmpty, room > 0 {
            let titleRoom = room - 2 - (right.isEmpty ? 0 : min(right.count, room / 2) + 1)
            buf.put(x0 + 1, y0, " " + title.truncated(to: titleRoom, ellipsis: g.ellipsis) + " ", titleStyle)
        }
    }
}
