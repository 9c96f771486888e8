import CsdashCore

/// One cell of the screen: a character and its style.
///
/// Plain data (`BitwiseCopyable`, which the compiler checks: no reference to count): the character is kept as
/// its Unicode scalar's value, or, for the rare character made of several scalars (a letter and a combining
/// accent, a flag), as a number in `Graphemes`.
/// Copying, comparing and clearing a frame of cells is then copying and comparing bytes.
public struct Cell: Hashable, Sendable, BitwiseCopyable {
    /// The scalar's value, or `Graphemes.multiple` with the number of a character of several scalars.
    var code: UInt32
    public var style: Style

    public init(_ char: Character = " ", _ style: Style = .plain) {
        code = Graphemes.code(char)
        self.style = style
    }

    /// A cell of a character already coded (`Graphemes.code`), for a widget that draws the same few many times.
    @inline(__always) init(code: UInt32, _ style: Style) {
        self.code = code
        self.style = style
    }

    /// A cell of one printable ASCII byte (the common case, without going through `Character`).
    @inline(__always) init(ascii: UInt8, _ style: Style) {
        code = UInt32(ascii)
        self.style = style
    }

    public var char: Character {
        get { Graphemes.character(code) }
        set { code = Graphemes.code(newValue) }
    }

    /// A space: shows only its background.
    var isSpace: Bool { code == 0x20 }

    public static let blank = Cell()
}

/// An in-memory grid of cells that views draw into; the terminal layer copies it to the screen,
/// and snapshots print it. Drawing outside the grid (or outside a clip rectangle) is ignored.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public private(set) var height: Int
    public internal(set) var cells: [Cell]
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
        set { setCell(x, y, newValue) }
    }

    /// Sets a cell as is (`setCell` keeps two-column characters whole).
    mutating func replace(_ x: Int, _ y: Int, _ cell: Cell) { cells[y * width + x] = cell }

    /// The one way text goes into cells (the screen and scrollable pages both use it): writes `text` from
    /// (x, y), cut at `limit` cells (and at the buffer's edge) with an ellipsis in the last cell, so a cut
    /// never passes for the whole text; newlines and tabs become spaces, so data text can never break a row.
    /// Characters take their terminal width (`TextWidth`): a wide one takes all its cells and is never cut
    /// in half (one that does not fit gives way to the ellipsis).
    /// Returns the x after the text.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var cx = x
        // Printable ASCII (most text): one column a byte, no wide or zero-width characters to look for.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var j = utf8.startIndex
            while j < utf8.endIndex, cx < end {
                let b = utf8[j]
                j = utf8.index(after: j)
                if cx + 1 == end && utf8[j...].contains(where: { $0 != 0x20 }) {
                    for k in max(0, cx)..<end { setCell(k, y, Cell(k == end - 1 ? ellipsis : " ", style)) }
                    return end
                }
                if cx >= 0 { setCell(cx, y, Cell(ascii: b, style)) }
                cx += 1
            }
            return cx
        }
        var i = text.startIndex
        while i < text.endIndex {
            if cx >= end { break }
            let ch = text[i]
            i = text.index(after: i)
            let c: Character = (ch == "\n" || ch == "\t" || ch == "\r") ? " " : ch
            let w = TextWidth.of(c)
            if w == 0 { continue }
            // Cut here (the character does not fit, or it would fill the last cell with more than spaces
            // left over): the last cell says so, and no wide character is cut in half.
            if cx + w > end || (cx + w == end && text[i...].contains { $0 != " " }) {
                for k in max(0, cx)..<end { setCell(k, y, Cell(k == end - 1 ? ellipsis : " ", style)) }
                cx = end
                break
            }
            if cx >= 0 { setCell(cx, y, Cell(c, style)) }
            for k in 1..<max(1, w) where cx + k >= 0 { setCell(cx + k, y, Cell(cx >= 0 ? Cell.continuationChar : " ", style)) }
            cx += w
        }
        return cx
    }

    /// Writes `text` inside `rect`'s row `y`, cut to the rect, aligned left, right or centred.
    public enum Alignment: Sendable { case left, right, center }

    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, row: Int = 0, align: Alignment = .left,
                             _ style: Style = .plain) -> Int {
        guard row >= 0, row < rect.height else { return rect.x }
        let fitted = text.displayWidth > rect.width ? text.truncated(to: rect.width) : text
        let pad = rect.width - fitted.displayWidth
        let x = align == .left ? rect.x : align == .right ? rect.x + pad : rect.x + pad / 2
        return put(x, rect.y + row, fitted, style, limit: rect.maxX - x)
    }

    /// Fills `rect` with a character and style.
    public mutating func fill(_ rect: Rect, _ char: Character = " ", _ style: Style = .plain) {
        guard !rect.isEmpty else { return }
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { setCell(x, y, Cell(char, style)) }
        }
    }

    /// The grid as plain lines of text, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in String(decoding: utf8(row: y, trimmed: false), as: UTF8.self) }
    }

    /// A row's characters as UTF-8 (the right halves of wide characters left out), without trailing spaces
    /// when `trimmed`: built from the cells' codes, with no `Character` per cell.
    func utf8(row y: Int, trimmed: Bool) -> [UInt8] {
        let (end, length) = utf8Length(row: y, trimmed: trimmed)
        return [UInt8](unsafeUninitializedCapacity: length) { b, count in
            count = writeUTF8(row: y, end: end, to: b.baseAddress!)
        }
    }

    /// Where row `y` ends (before its trailing spaces when `trimmed`) and its length in UTF-8 (the right halves
    /// of wide characters are written as nothing).
    func utf8Length(row y: Int, trimmed: Bool) -> (end: Int, length: Int) {
        let start = y * width
        var end = start + width
        if trimmed {
            while end > start, cells[end - 1].isSpace { end -= 1 }
        }
        var length = 0
        for k in start..<end {
            let code = cells[k].code
            if code < 0x80 {
                length &+= code != 0 ? 1 : 0
            } else if code & Graphemes.multiple == 0, Unicode.Scalar(code) != nil {
                length &+= code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
            } else {
                length &+= String(cells[k].char).utf8.count
            }
        }
        return (end, length)
    }

    /// Writes row `y` up to `end` (from `utf8Length`) as UTF-8 at `p`; returns the bytes written. The bytes go
    /// straight into place rather than being appended one by one, which every frame would pay for each cell.
    func writeUTF8(row y: Int, end: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var at = 0
        for k in y * width..<end {
            let code = cells[k].code
            if code < 0x80 {
                if code != 0 {
                    p[at] = UInt8(truncatingIfNeeded: code)
                    at &+= 1
                }
            } else if code & Graphemes.multiple == 0, Unicode.Scalar(code) != nil {
                if code < 0x800 {
                    p[at] = UInt8(truncatingIfNeeded: 0xC0 | code >> 6)
                    at &+= 1
                } else if code < 0x10000 {
                    p[at] = UInt8(truncatingIfNeeded: 0xE0 | code >> 12)
                    p[at &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (code >> 6) & 0x3F)
                    at &+= 2
                } else {
                    p[at] = UInt8(truncatingIfNeeded: 0xF0 | code >> 18)
                    p[at &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (code >> 12) & 0x3F)
                    p[at &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (code >> 6) & 0x3F)
                    at &+= 3
                }
                p[at] = UInt8(truncatingIfNeeded: 0x80 | code & 0x3F)
                at &+= 1
            } else {
                for byte in String(cells[k].char).utf8 {
                    p[at] = byte
                    at &+= 1
                }
            }
        }
        return at
    }

    /// The text of the whole grid, one line per row.
    public var text: String { lines.joined(separator: "\n") }
}

extension String {
    /// Cut to `n` terminal columns (`TextWidth`), ending with an ellipsis when anything was cut; a wide
    /// character is never cut in half.
    public func truncated(to n: Int, ellipsis: String = "…") -> String {
        guard displayWidth > n else { return self }
        guard n > 0 else { return "" }
        return prefix(columns: n - ellipsis.displayWidth) + ellipsis
    }

    /// Padded with spaces (or cut) to exactly `n` columns.
    public func padded(to n: Int, ellipsis: String = "…") -> String {
        let t = truncated(to: n, ellipsis: ellipsis)
        return t + String(repeating: " ", count: max(0, n - t.displayWidth))
    }

    /// Padded on the left to `n` columns (or cut).
    public func leftPadded(to n: Int) -> String {
        let t = truncated(to: n)
        return String(repeating: " ", count: max(0, n - t.displayWidth)) + t
    }
}
