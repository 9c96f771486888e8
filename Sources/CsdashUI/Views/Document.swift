/// A tall, scrollable page of content drawn off-screen and then copied into the visible area,
/// keeping the selected link in view.
struct Document {
    var buffer: Buffer
    var cursor = 0
    /// The row of each selectable link, in order.
    var linkRows: [Int] = []

    init(width: Int, maxHeight: Int = 400) {
        buffer = Buffer(width: width, height: maxHeight)
    }

    mutating func line(_ text: String, _ style: Style, indent: Int = 0) {
        buffer.put(indent, cursor, text, style)
        cursor += 1
    }

    mutating func wrapped(_ text: String, _ style: Style, indent: Int = 0) {
        for l in TextWrap.lines(text, width: buffer.width - indent) { line(l, style, indent: indent) }
    }

    mutating func blank() { cursor += 1 }

    /// Copies the visible part into `rect`; returns the scroll actually used.
    @discardableResult
    func blit(into buf: inout Buffer, _ rect: Rect, scroll: Int, selectedLink: Int?, selection: Style) -> Int {
        let height = cursor
        var top = max(0, min(scroll, height - rect.height))
        if let s = selectedLink, let row = linkRows[safe: s] {
            if row < top { top = row }
            if row >= top + rect.height { top = row - rect.height + 1 }
        }
        for y in 0..<min(rect.height, max(0, height - top)) {
            for x in 0..<min(rect.width, buffer.width) {
                buf[rect.x + x, rect.y + y] = buffer[x, top + y]
            }
        }
        if let s = selectedLink, let row = linkRows[safe: s], row >= top, row < top + rect.height {
            buf.highlight(Rect(x: rect.x, y: rect.y + row - top, width: rect.width, height: 1), selection)
        }
        return top
    }
}
