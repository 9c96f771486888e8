extension Buffer {
    /// A border around `rect` with a title on the top edge; returns the inner area.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String = "", right: String = "", style: Style, titleStyle: Style,
                             glyphs: Glyphs) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let x0 = rect.x, x1 = rect.maxX - 1, y0 = rect.y, y1 = rect.maxY - 1
        for x in (x0 + 1)..<x1 {
            self[x, y0] = Cell(glyphs.horizontal, style)
            self[x, y1] = Cell(glyphs.horizontal, style)
        }
        for y in (y0 + 1)..<y1 {
            self[x0, y] = Cell(glyphs.vertical, style)
            self[x1, y] = Cell(glyphs.vertical, style)
        }
        self[x0, y0] = Cell(glyphs.topLeft, style)
        self[x1, y0] = Cell(glyphs.topRight, style)
        self[x0, y1] = Cell(glyphs.bottomLeft, style)
        self[x1, y1] = Cell(glyphs.bottomRight, style)
        let room = rect.width - 4
        if !right.isEmpty, room > 4 {
            let r = right.truncated(to: max(0, room / 2))
            put(x1 - 1 - r.count, y0, r, style)
        }
        if !title.isEmpty, room > 0 {
            put(x0 + 1, y0, " " + title.truncated(to: room - 2 - (right.isEmpty ? 0 : min(right.count, room / 2) + 1)) + " ", titleStyle)
        }
        return rect.inset(1)
    }
}
