import CsdashCore

/// A scrollable page of content: rows are added as they are written, then the visible part is copied into
/// the screen, keeping the selected link in view when the user is moving between links.
struct Document {
    let width: Int
    private(set) var rows: [[Cell]] = []
    /// The row of each selectable link, in order.
    private(set) var linkRows: [Int] = []

    init(width: Int) {
        self.width = max(0, width)
    }

    /// The row the next line goes on.
    var cursor: Int { rows.count }

    /// Starts a new empty row and returns its index.
    @discardableResult
    mutating func newRow(link: Bool = false) -> Int {
        rows.append(Array(repeating: .blank, count: width))
        if link { linkRows.append(rows.count - 1) }
        return rows.count - 1
    }

    /// Writes on an existing row, cut at the page's width; returns the x after the text.
    @discardableResult
    mutating func put(_ x: Int, _ row: Int, _ text: String, _ style: Style) -> Int {
        var cx = x
        for ch in text {
            if cx >= width { break }
            // The same rules as Buffer.put: terminal widths, no wide character cut in half, no line breaks.
            let c: Character = (ch == "\n" || ch == "\t" || ch == "\r") ? " " : ch
            let w = TextWidth.of(c)
            if w == 0 { continue }
            if w == 2 && cx + 1 >= width { if cx >= 0 { rows[row][cx] = Cell(" ", style) }; cx += 1; break }
            if cx >= 0 { rows[row][cx] = Cell(c, style) }
            if w == 2, cx >= 0 { rows[row][cx + 1] = Cell(Cell.continuationChar, style) }
            cx += w
        }
        return cx
    }

    mutating func set(_ x: Int, _ row: Int, _ cell: Cell) {
        if x >= 0, x < width { rows[row][x] = cell }
    }

    mutating func line(_ text: String, _ style: Style, indent: Int = 0) {
        put(indent, newRow(), text, style)
    }

    mutating func wrapped(_ text: String, _ style: Style, indent: Int = 0) {
        for l in TextWrap.lines(text, width: width - indent) { line(l, style, indent: indent) }
    }

    mutating func blank() { newRow() }

    /// Appends another page's rows below this one (its links come along).
    mutating func append(_ other: Document) {
        let base = rows.count
        for r in other.rows { rows.append(Array(r.prefix(width)) + Array(repeating: .blank, count: max(0, width - r.count))) }
        linkRows += other.linkRows.map { $0 + base }
    }

    /// Two pages side by side: `left` at x 0 and `right` at x `rightX`; links come from the right page.
    static func sideBySide(_ left: Document, _ right: Document, rightX: Int, width: Int) -> Document {
        var doc = Document(width: width)
        for y in 0..<max(left.rows.count, right.rows.count) {
            let row = doc.newRow()
            if y < left.rows.count { for (x, c) in left.rows[y].prefix(rightX).enumerated() { doc.set(x, row, c) } }
            if y < right.rows.count { for (x, c) in right.rows[y].enumerated() { doc.set(rightX + x, row, c) } }
        }
        doc.linkRows = right.linkRows
        return doc
    }

    /// Copies the visible part into `rect` from row `scroll` (clamped to the content), moving just enough
    /// to show `selectedLink` when one is given, and highlights it.
    func blit(into buf: inout Buffer, _ rect: Rect, scroll: Int, selectedLink: Int?, selection: Style) {
        var top = max(0, min(scroll, rows.count - rect.height))
        let linkRow = selectedLink.flatMap { linkRows[safe: $0] }
        if let row = linkRow {
            if row < top { top = row }
            if row >= top + rect.height { top = row - rect.height + 1 }
        }
        for y in 0..<min(rect.height, max(0, rows.count - top)) {
            for (x, c) in rows[top + y].prefix(rect.width).enumerated() { buf[rect.x + x, rect.y + y] = c }
        }
        if let row = linkRow, row >= top, row < top + rect.height {
            buf.highlight(Rect(x: rect.x, y: rect.y + row - top, width: rect.width, height: 1), selection)
        }
    }
}
