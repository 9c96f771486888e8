/// A scrollable page of content: rows are added as they are written, then the visible part is copied into
/// the screen, keeping the selected link in view when the user is moving between links. The page is a
/// `Buffer` that grows a row at a time, so text goes in through the same `put` as everywhere else.
struct Document {
    let width: Int
    private(set) var page: Buffer
    /// The row of each selectable link, in order.
    private(set) var linkRows: [Int] = []

    init(width: Int, ellipsis: String = "…") {
        self.width = max(0, width)
        page = Buffer(width: self.width, height: 0)
        page.ellipsis = ellipsis.first ?? "…"
    }

    /// The rows written so far.
    var rowCount: Int { page.height }

    /// The row the next line goes on.
    var cursor: Int { page.height }

    /// Starts a new empty row and returns its index.
    @discardableResult
    mutating func newRow(link: Bool = false) -> Int {
        page.appendRows(1)
        if link { linkRows.append(page.height - 1) }
        return page.height - 1
    }

    /// Writes on an existing row, cut at the page's width; returns the x after the text.
    @discardableResult
    mutating func put(_ x: Int, _ row: Int, _ text: String, _ style: Style) -> Int {
        page.put(x, row, text, style)
    }

    mutating func set(_ x: Int, _ row: Int, _ cell: Cell) {
        page[x, row] = cell
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
        let base = rowCount
        for y in 0..<other.rowCount {
            let row = newRow()
            for x in 0..<min(width, other.width) { page[x, row] = other.page[x, y] }
        }
        linkRows += other.linkRows.map { $0 + base }
    }

    /// Two pages side by side: `left` at x 0 and `right` at x `rightX`; links come from the right page.
    static func sideBySide(_ left: Document, _ right: Document, rightX: Int, width: Int) -> Document {
        var doc = Document(width: width, ellipsis: String(left.page.ellipsis))
        for y in 0..<max(left.rowCount, right.rowCount) {
            let row = doc.newRow()
            if y < left.rowCount { for x in 0..<min(rightX, left.width) { doc.set(x, row, left.page[x, y]) } }
            if y < right.rowCount { for x in 0..<right.width { doc.set(rightX + x, row, right.page[x, y]) } }
        }
        doc.linkRows = right.linkRows
        return doc
    }

    /// Copies the visible part into `rect` from row `scroll` (the update function keeps it inside the
    /// content; clamped here too), and highlights the selected link when it is in view.
    func blit(into buf: inout Buffer, _ rect: Rect, scroll: Int, selectedLink: Int?, _ ctx: RenderContext) {
        let top = max(0, min(scroll, rowCount - rect.height))
        let linkRow = selectedLink.flatMap { linkRows[safe: $0] }
        for y in 0..<min(rect.height, max(0, rowCount - top)) {
            for x in 0..<min(rect.width, width) { buf[rect.x + x, rect.y + y] = page[x, top + y] }
        }
        // More above or below: a mark in the margin just right of the page when the screen has one (pages sit
        // one column in from each edge), so it never covers the page's last character ("ta▼").
        let markX = rect.maxX < buf.width ? rect.maxX : rect.maxX - 1
        if top > 0 { buf.put(markX, rect.y, ctx.glyphs.moreAbove, ctx[.key]) }
        if top + rect.height < rowCount { buf.put(markX, rect.maxY - 1, ctx.glyphs.moreBelow, ctx[.key]) }
        if let row = linkRow, row >= top, row < top + rect.height {
            buf.highlight(Rect(x: rect.x, y: rect.y + row - top, width: rect.width, height: 1), ctx[.selection])
        }
    }
}
