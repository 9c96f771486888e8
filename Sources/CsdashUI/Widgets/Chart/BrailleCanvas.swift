/// A grid of dots at twice the horizontal and four times the vertical resolution of cells, drawn with
/// Unicode braille (U+2800-U+28FF), for lines between the points of a series.
struct BrailleCanvas {
    let width: Int, height: Int
    /// Dot bits per cell.
    private(set) var bits: [UInt8]
    /// Dots per cell across and down.
    static let dotsX = 2, dotsY = 4

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
    }

    var dotWidth: Int { width * Self.dotsX }
    var dotHeight: Int { height * Self.dotsY }

    /// Braille dot numbering: column 0 rows 0-2 are bits 0-2, column 1 rows 0-2 bits 3-5, row 3 bits 6-7.
    private static let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets a dot; returns the index of its cell, or nil when outside.
    @discardableResult
    mutating func set(_ dx: Int, _ dy: Int) -> Int? {
        guard dx >= 0, dy >= 0, dx < dotWidth, dy < dotHeight else { return nil }
        let cell = (dy / Self.dotsY) * width + dx / Self.dotsX
        bits[cell] |= Self.bit[dx % Self.dotsX][dy % Self.dotsY]
        return cell
    }

    /// A straight line of dots; `every` > 1 leaves gaps (a dotted line). `touched` hears each cell it marks.
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, every: Int = 1, touched: (Int) -> Void = { _ in }) {
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy, x = x0, y = y0, n = 0
        while true {
            if n % max(1, every) == 0, let c = set(x, y) { touched(c) }
            n += 1
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// The braille character of a cell, or nil when it has no dots.
    func character(_ x: Int, _ y: Int) -> Character? {
        let b = bits[y * width + x]
        guard b != 0, let u = Unicode.Scalar(0x2800 + UInt32(b)) else { return nil }
        return Character(u)
    }
}
