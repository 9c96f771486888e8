import CsdashCore
@testable import CsdashUI
import XCTest

final class BenchmarkStripTests: XCTestCase {
    func v(_ value: Double, _ g: AuthorityValue.Group = .other) -> AuthorityValue {
        AuthorityValue(code: "\(value)", name: "LA", value: value, group: g)
    }

    func testLowerIsBetterPutsTheLowestOnTheLeft() {
        let s = BenchmarkStrip(values: [v(10), v(20), v(30, .own)], polarity: .lower)
        XCTAssertEqual(s.column(of: 10, width: 11), 0)
        XCTAssertEqual(s.column(of: 20, width: 11), 5)
        XCTAssertEqual(s.column(of: 30, width: 11), 10)
        XCTAssertEqual(String(s.characters(width: 11, glyphs: .unicode)), "█    █    ●")
    }

    func testHigherIsBetterPutsTheHighestOnTheLeft() {
        let s = BenchmarkStrip(values: [v(10, .own), v(20), v(30, .neighbour)], polarity: .higher)
        XCTAssertEqual(s.ends?.left, 30)
        XCTAssertEqual(String(s.characters(width: 5, glyphs: .unicode)), "▲ █ ●")
        XCTAssertEqual(String(s.characters(width: 5, glyphs: .ascii)), "N # O")
    }

    func testBarsGrowWithTheNumberOfAuthoritiesInACell() {
        let s = BenchmarkStrip(values: [v(0), v(10), v(10), v(10), v(10), v(20), v(20)], polarity: .neutral)
        XCTAssertEqual(s.marks(width: 3), [.count(1), .count(4), .count(2)])
        // Bars from zero: 4 (the busiest) full height, 2 half of it, 1 a quarter (not stretched from 1..4).
        XCTAssertEqual(String(s.characters(width: 3, glyphs: .unicode)), "▂█▄")
    }

    func testOwnMarkWinsOverANeighbourInTheSameCell() {
        let s = BenchmarkStrip(values: [v(0), v(24.5, .neighbour), v(24.6, .own), v(100)], polarity: .lower)
        XCTAssertEqual(s.marks(width: 10)[2], .own)
        XCTAssertEqual(s.marks(width: 10).filter { $0 == .neighbour }.count, 0)
    }

    func testFarOutliersArePinnedToTheEnds() {
        // Quartiles 11 and 13: anything beyond 13 + 6 = 19 (or below 11 - 6 = 5) is far out, so the scale
        // runs from 10 to 14, the most extreme values inside.
        let vals = [10.0, 10, 11, 12, 12, 13, 13, 14, 100].map { v($0) } + [v(12.5, .own)]
        let s = BenchmarkStrip(values: vals, polarity: .lower)
        XCTAssertEqual(s.ends?.left, 10)
        XCTAssertEqual(s.ends?.right, 14)
        XCTAssertTrue(s.endsClipped.right)
        XCTAssertFalse(s.endsClipped.left)
        XCTAssertEqual(s.column(of: 100, width: 9), 8, "the outlier sits in the last cell")
        XCTAssertEqual(s.column(of: 12.5, width: 9), 5, "ours is placed on the unsquashed scale")
        // Columns: 10 10 -> 0, 11 -> 2, 12 12 -> 4, ours -> 5, 13 13 -> 6, 14 and the pinned 100 -> 8.
        XCTAssertEqual(String(s.characters(width: 9, glyphs: .unicode)), "█ ▄ █●█ █")
        let flipped = BenchmarkStrip(values: vals, polarity: .higher)
        XCTAssertEqual(flipped.ends?.left, 14)
        XCTAssertTrue(flipped.endsClipped.left)
    }

    func testEqualValuesSitInTheMiddleAndNothingIsDrawnWithoutValues() {
        let flat = BenchmarkStrip(values: [v(5), v(5, .own)], polarity: .lower)
        XCTAssertEqual(String(flat.characters(width: 5, glyphs: .unicode)), "  ●  ")
        XCTAssertEqual(BenchmarkStrip(values: [], polarity: .lower).marks(width: 5), Array(repeating: .empty, count: 5))
        XCTAssertEqual(BenchmarkStrip(values: [v(1)], polarity: .lower).marks(width: 0), [])
    }

    func testDrawsStyledCellsIntoTheBuffer() {
        var buf = Buffer(width: 8, height: 1)
        let s = BenchmarkStrip(values: [v(1), v(2, .neighbour), v(3, .own)], polarity: .lower)
        buf.render(s, in: Rect(x: 1, y: 0, width: 5, height: 1), RenderContext(theme: .standard, glyphs: .unicode))
        XCTAssertEqual(buf.lines[0], " █ ▲ ●  ")
        XCTAssertEqual(buf[5, 0].style, Theme.standard[.title].bolded)
        XCTAssertEqual(buf[3, 0].style, Theme.standard[.series3])
        XCTAssertEqual(buf[1, 0].style, Theme.standard[.muted])
    }

    func testRealYearFromTheSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let ds = try DataDirectory.load(root.appendingPathComponent("sample-data/gloucestershire").path).dataset
        let values = ds.authorityValues["re-referrals-dfe"]?[Period("2021/22")!] ?? []
        XCTAssertEqual(values.count, 150)
        let s = BenchmarkStrip(values: values, polarity: .lower)
        let chars = s.characters(width: 60, glyphs: .unicode)
        XCTAssertEqual(chars.filter { $0 == "●" }.count, 1)
        // Gloucestershire's 24.5% sits right of the middle of the 2021/22 range.
        let own = try XCTUnwrap(chars.firstIndex(of: "●"))
        XCTAssertEqual(own, s.column(of: 24.5, width: 60))
        XCTAssertGreaterThan(chars.filter { $0 == "▲" }.count, 5)
    }
}

/// An authority's value keeps its code and name, and is small.
final class AuthorityValueTests: XCTestCase {
    func testCodeAndNameAndSize() {
        var v = AuthorityValue(code: "916", name: "Gloucestershire", value: 24.5, group: .own)
        XCTAssertEqual(v.code, "916")
        XCTAssertEqual(v.name, "Gloucestershire")
        v.name = "Glos"
        XCTAssertEqual(v, AuthorityValue(code: "916", name: "Glos", value: 24.5, group: .own))
        XCTAssertNotEqual(v, AuthorityValue(code: "917", name: "Glos", value: 24.5, group: .own))
        let other = AuthorityValue(code: "", name: "", value: 3, group: .other)
        XCTAssertEqual(other.code, "")
        XCTAssertEqual(other.name, "")
        XCTAssertEqual(MemoryLayout<AuthorityValue>.stride, 24)
    }
}
