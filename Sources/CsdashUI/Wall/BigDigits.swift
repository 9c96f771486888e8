/// Headline numbers in large block digits for the wall: 5 rows (full blocks, one row per pixel) or 3 rows
/// (half blocks, or seven-segment `_|` in ASCII), from a 3x5 pixel font. Digits, `.`, `,`, `%`, `-` and `+`.
public enum BigDigits {
    /// 3x5 pixels per character (`.`, `,` and space are 1 pixel wide).
    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "-": ["...", "...", "###", "...", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        " ": [".", ".", ".", ".", "."],
    ]

    /// Seven-segment digits for 3-row ASCII.
    static let segments: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"], "1": ["   ", "  |", "  |"], "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"], "4": ["   ", "|_|", "  |"], "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"], "7": [" _ ", "  |", "  |"], "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"], "%": ["o /", " / ", "/ o"], "-": ["   ", " _ ", "   "],
        "+": ["   ", "-+-", "   "], ".": [" ", " ", "."], ",": [" ", " ", ","], " ": [" ", " ", " "],
    ]

    /// Whether every character of `text` has a large form.
    public static func canRender(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { font[$0] != nil }
    }

    /// Cells wide: each pixel is `scale` cells; one blank column between characters.
    public static func width(_ text: String, rows: Int, scale: Int = 1, ascii: Bool = false) -> Int {
        guard canRender(text) else { return text.count }
        if rows == 3 && ascii { return text.reduce(0) { $0 + (segments[$1]?[0].count ?? 1) } + text.count - 1 }
        return text.reduce(0) { $0 + (font[$1]?[0].count ?? 1) * scale } + text.count - 1
    }

    /// The text as `rows` lines (3 or 5) of characters.
    public static func lines(_ text: String, rows: Int, scale: Int = 1, ascii: Bool = false) -> [String] {
        precondition(rows == 3 || rows == 5, "big digits are 3 or 5 rows")
        let chars = Array(text)
        if rows == 3 && ascii {
            return (0..<3).map { r in chars.map { segments[$0]?[r] ?? " " }.joined(separator: " ") }
        }
        let on: Character = ascii ? "#" : "█"
        func pixel(_ c: Character, _ row: Int, _ col: Int) -> Bool {
            guard let g = font[c], row < g.count else { return false }
            return Array(g[row])[col] == "#"
        }
        func glyphWidth(_ c: Character) -> Int { font[c]?[0].count ?? 1 }
        if rows == 5 {
            return (0..<5).map { r in
                chars.map { c in
                    String((0..<glyphWidth(c)).flatMap { col in
                        Array(repeating: pixel(c, r, col) ? on : " ", count: scale)
                    })
                }.joined(separator: " ")
            }
        }
        // Three rows of half blocks: pixel rows (0,1), (2,3), (4,-).
        return (0..<3).map { r in
            chars.map { c in
                String((0..<glyphWidth(c)).flatMap { col -> [Character] in
                    let top = pixel(c, 2 * r, col), bottom = 2 * r + 1 < 5 && pixel(c, 2 * r + 1, col)
                    let ch: Character = top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
                    return Array(repeating: ch, count: scale)
                })
            }.joined(separator: " ")
        }
    }

    /// Draws `text` with its top-left at (x, y); returns the x after it.
    @discardableResult
    public static func draw(_ buf: inout Buffer, x: Int, y: Int, _ text: String, rows: Int, scale: Int = 1,
                            ascii: Bool = false, _ style: Style) -> Int {
        let ls = lines(text, rows: rows, scale: scale, ascii: ascii)
        for (i, l) in ls.enumerated() {
            var cx = x
            for ch in l {
                if ch != " " { buf[cx, y + i] = Cell(ch, style) }
                cx += 1
            }
        }
        return x + (ls.first?.count ?? 0)
    }
}
