import CsdashCore

// How wide text is on a terminal is measured by `TextWidth` (CsdashCore/Support/TextWidth.swift: the text
// report aligns its columns with it too). Here: how the cell grid holds a two-column character.

extension Cell {
    /// The right half of a two-column character: the character is in the cell to its left. Snapshots
    /// print nothing for it and the terminal layer skips it (the terminal advances two columns).
    public static let continuationChar: Character = "\u{0}"
    public var isContinuation: Bool { char == Cell.continuationChar }
}

extension Buffer {
    /// Sets a cell so that no two-column character is left cut in half: writing over either half of one
    /// blanks the other half.
    mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let old = self[x, y]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            var left = self[x - 1, y]
            left.char = " "
            replace(x - 1, y, left)
        }
        if x + 1 < width, self[x + 1, y].isContinuation, !cell.isContinuation, TextWidth.of(cell.char) < 2 {
            var right = self[x + 1, y]
            right.char = " "
            replace(x + 1, y, right)
        }
        replace(x, y, cell)
    }
}
