import CsdashCore

// How wide text is on a terminal is measured by `TextWidth` (CsdashCore/Support/TextWidth.swift: the text
// report aligns its columns with it too). Here: how the cell grid holds a two-column character.

extension Cell {
    /// The right half of a two-column character: the character is in the cell to its left. Snapshots
    /// print nothing for it and the terminal layer skips it (the terminal advances two columns).
    public static let continuationChar: Character = "\u{0}"
    public var isContinuation: Bool { code == 0 }
}

extension Buffer {
    /// Sets a cell so that no wide character is left cut: writing over any column of one blanks its other
    /// columns (re-setting the same character, as a highlight does, keeps it whole).
    mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let old = self[x, y]
        // Only a two-column character, here or just right of here, needs the checks below (the common case is
        // neither, and comparing characters costs a string comparison).
        let wideAround = old.isContinuation || (x + 1 < width && self[x + 1, y].isContinuation)
        if wideAround, old.code != cell.code {
            if old.isContinuation, !cell.isContinuation {
                var h = x - 1  // back to the wide character's first column, blanking as we go
                while h >= 0, self[h, y].isContinuation { blank(h, y); h -= 1 }
                if h >= 0 { blank(h, y) }
            }
            do {
                var r = x + 1  // the columns the old character (if wide) still held
                while r < width, self[r, y].isContinuation { blank(r, y); r += 1 }
            }
        }
        replace(x, y, cell)
    }

    private mutating func blank(_ x: Int, _ y: Int) {
        var c = self[x, y]
        c.code = 0x20
        replace(x, y, c)
    }
}
