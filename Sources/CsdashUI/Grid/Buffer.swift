/// One cell of the screen: a character and its style.
public struct Cell: Hashable, Sendable {
    public var char: Character
    public var style: Style

    public init(_ char: Character = " ", _ style: Style = .plain) {
        self.char = char
        self.style = style
    }

    public static let blank = Cell()
}

/// An in-memory grid of cells that views draw into; the terminal layer copies it to the screen,
/// and snapshots print it. Drawing outside the grid (or outside a clip rectangle) is ignored.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Ends text that `put` has to cut (`…`, or `~` for ASCII).
    public var ellipsis: Character = "…"

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Adds `n` blank rows at the bottom (a `Document` grows this way as it is written).
    mutating func appendRows(_ n: Int) {
        guard n > 0 else { return }
        cells.append(contentsOf: repeatElement(.blank, count: width * n))
        height += n
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// The one way text goes into cells (the screen and scrollable pages both use it): writes `text` from
    /// (x, y), cut at `limit` cells (and at the buffer's edge) with an ellipsis in the last cell, so a cut
    /// never passes for the whole text; newlines and tabs become spaces, so data text can never break a row.
    /// Returns the x after the text.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var cx = x
        var i = text.startIndex
        while i < text.endIndex {
            if cx >= end { break }
            let ch = text[i]
            i = text.index(after: i)
            // Cut here, with more than spaces left over: the last cell says so.
            let cut = cx == end - 1 && text[i...].contains { $0 != " " }
            if cx >= 0 {
                let c: Character = cut ? ellipsis : (ch == "\n" || ch == "\t") ? " " : ch
                cells[y * width + cx] = Cell(c, style)
            }
            cx += 1
        }
        return cx
    }

    /// Writes `text` inside `rect`'s row `y`, cut to the rect, aligned left, right or centred.
    public enum Alignment: Sendable { case left, right, center }

    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, row: Int = 0, align: Alignment = .left,
                             _ style: Style = .plain) -> Int {
        guard row >= 0, row < rect.height else { return rect.x }
        let fitted = text.count > rect.width ? text.truncated(to: rect.width) : text
        let pad = rect.width - fitted.count
        let x = align == .left ? rect.x : align == .right ? rect.x + pad : rect.x + pad / 2
        return put(x, rect.y + row, fitted, style, limit: rect.maxX - x)
    }

    /// Fills `rect` with a character and style.
    public mutating func fill(_ rect: Rect, _ char: Character = " ", _ style: Style = .plain) {
        guard !rect.isEmpty else { return }
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x] = Cell(char, style) }
        }
    }

    /// The grid as plain lines of text, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in String(cells[(y * width)..<((y + 1) * width)].map(\.char)) }
    }

    /// The text of the whole grid, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}

extension String {
    /// Cut to `n` characters, ending with an ellipsis when anything was cut.
    public func truncated(to n: Int, ellipsis: String = "…") -> String {
        guard count > n else { return self }
        guard n > 0 else { return "" }
        return String(prefix(n - 1)) + ellipsis
    }

    /// Padded with spaces (or cut) to exactly `n` characters.
    public func padded(to n: Int, ellipsis: String = "…") -> String {
        let t = truncated(to: n, ellipsis: ellipsis)
        return t + String(repeating: " ", count: max(0, n - t.count))
    }

    /// Padded on the left to `n` characters (or cut).
    public func leftPadded(to n: Int) -> String {
        let t = truncated(to: n)
        return String(repeating: " ", count: max(0, n - t.count)) + t
    }
}
