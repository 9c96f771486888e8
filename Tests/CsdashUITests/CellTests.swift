@testable import CsdashUI
import XCTest

/// `Cell` keeps its character in 32 bits: one scalar as itself, several through `Graphemes`.
final class CellTests: XCTestCase {
    func testEveryKindOfCharacterComesBackAsWritten() {
        let chars: [Character] = ["a", " ", "~", "é", "e\u{301}", "✓", "▇", "界", "🇬🇧", "👩‍👩‍👧", "\u{0}", "\r\n", "\u{FFFD}"]
        for c in chars {
            let cell = Cell(c, .plain)
            XCTAssertEqual(cell.char, c)
            XCTAssertEqual(cell.char.unicodeScalars.map(\.value), c.unicodeScalars.map(\.value), "the same scalars")
        }
        XCTAssertTrue(Cell("\u{0}").isContinuation)
        XCTAssertFalse(Cell(" ").isContinuation)
        XCTAssertTrue(Cell(" ").isSpace)
    }

    func testCellsOfTheSameCharacterAreEqualAndOfOthersAreNot() {
        XCTAssertEqual(Cell("e\u{301}"), Cell("e\u{301}"))
        XCTAssertNotEqual(Cell("e\u{301}"), Cell("a\u{301}"))
        XCTAssertNotEqual(Cell("🇬🇧"), Cell("🇫🇷"))
        XCTAssertEqual(Cell(ascii: 0x41, .plain), Cell("A"))
        var b = Buffer(width: 6, height: 1)
        b.put(0, 0, "né\u{301}🇬🇧")
        XCTAssertEqual(b.lines, ["né\u{301}🇬🇧  "], "the flag takes two columns")
    }

    /// A frame's text is written from the cells' codes as UTF-8: one, two, three and four bytes, at each
    /// length's ends, and a character of several scalars.
    func testFrameTextIsTheCharactersInUTF8() {
        let scalars: [UInt32] = [0x41, 0x7E, 0xA0, 0xE9, 0x7FF, 0x800, 0x2502, 0x2581, 0x754C, 0xFFFD, 0xFFFF,
                                 0x10000, 0x1F600, 0x10FFFF]
        var chars = scalars.map { Character(Unicode.Scalar($0)!) }
        chars.append("e\u{301}")
        var b = Buffer(width: chars.count, height: 2)
        for (x, c) in chars.enumerated() { b.setCell(x, 0, Cell(c, .plain)) }
        let expected = String(chars) + "\n\n"
        XCTAssertEqual(AnsiText.plainUTF8(b), Array(expected.utf8))
        XCTAssertEqual(AnsiText.plain(b), expected)
        XCTAssertEqual(b.lines.first, String(chars))
    }
}

/// The sparkline's scale without arrays gives the ends and positions the general scale gives.
final class TightScaleTests: XCTestCase {
    func testTheSameEndsAndPositionsAsTheGeneralScale() {
        var rng = SystemRandomNumberGenerator()
        var pairs: [(Double, Double)] = [(0, 0), (5, 5), (-3, -3), (0, 1), (-1, 1), (1e-12, 1e-12), (1e300, 1e301),
                                         (-1e308, 1e308), (1e17, 1e17), (0.1, 0.1000000000001)]
        for _ in 0..<5_000 {
            let a = Double.random(in: -1e6...1e6, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e-6)
            let b = a + abs(Double.random(in: 0...1e4, using: &rng)) * (Bool.random(using: &rng) ? 1 : 0)
            pairs.append((a, b))
        }
        for (a, b) in pairs {
            guard let fast = Scale(tightFrom: a, to: b), let general = Scale([a, b], ticks: 2, tight: true) else {
                XCTAssertNil(Scale(tightFrom: a, to: b))
                XCTAssertNil(Scale([a, b], ticks: 2, tight: true))
                continue
            }
            XCTAssertEqual(fast.low, general.low, "\(a)...\(b)")
            XCTAssertEqual(fast.high, general.high, "\(a)...\(b)")
            for v in [a, b, (a + b) / 2, a - 1, b + 1, .nan] {
                for levels in [2, 8, 16] {
                    XCTAssertEqual(fast.position(v, of: levels), general.position(v, of: levels), "\(v) in \(a)...\(b)")
                }
            }
        }
        XCTAssertNil(Scale(tightFrom: .infinity, to: -.infinity), "no finite value")
    }
}
