/// Short phrases laid out left to right with two spaces between, wrapping to the next row of `area` when
/// the next phrase does not fit; what does not fit in the last row is left out (a phrase longer than a whole
/// row is cut with an ellipsis).
struct Flow {
    struct Item {
        var text: String
        var style: Style
        init(_ text: String, _ style: Style) {
            self.text = text
            self.style = style
        }
    }

    let area: Rect
    init(_ area: Rect) { self.area = area }

    func place(_ buf: inout Buffer, _ items: [Item], gap: Int = 2) {
        var x = area.x, y = area.y
        for item in items where !item.text.isEmpty {
            let w = item.text.count
            if x > area.x, x + w > area.maxX {
                y += 1
                x = area.x
            }
            guard y < area.maxY else { return }
            x = buf.put(x, y, item.text, item.style, limit: area.maxX - x) + gap
        }
    }
}
