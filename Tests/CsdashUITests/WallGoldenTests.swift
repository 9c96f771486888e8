import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// Every wall page at 80x24, 160x48 and 240x67 (the text `csdash snapshot --view wall:N --now ...` prints, and
/// each cell's style), compared with files in Golden/. CSDASH_UPDATE_GOLDEN=1 rewrites them (and fails, naming
/// them); review the diff and run again.
final class WallGoldenTests: XCTestCase {
    /// The plain text (monochrome, as `csdash snapshot` prints it) and the style of every cell in the default
    /// theme beside it, so a tile that loses its status colour fails like a changed digit.
    func check(_ s: WallState, _ name: String, ascii: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        try Golden.check(AnsiText.plain(WallView.render(s, theme: .monochrome, glyphs: glyphs)), name + ".txt", file: file, line: line)
        try Golden.check(AnsiText.styles(WallView.render(s, theme: .standard, glyphs: glyphs)), name + ".style", file: file, line: line)
    }

    func everyPage(_ w: Int, _ h: Int) throws {
        var s = try wallState(width: w, height: h)
        let n = s.pages.count
        XCTAssertGreaterThanOrEqual(n, 6)
        for i in 0..<n {
            s.pageIndex = i
            try check(s, "wall-\(i + 1)-\(w)x\(h)")
        }
    }

    func testEveryPageAt80x24() throws { try everyPage(80, 24) }
    func testEveryPageAt160x48() throws { try everyPage(160, 48) }
    func testEveryPageAt240x67() throws { try everyPage(240, 67) }

    func testASCII() throws {
        var s = try wallState(width: 120, height: 40)
        try check(s, "wall-1-120x40-ascii", ascii: true)
        s.pageIndex = 4
        try check(s, "wall-5-120x40-ascii", ascii: true)
    }

    /// Stale data and a failed reload, both banners, and the quit hint.
    func testBannersAndQuitHint() throws {
        var s = try wallState(width: 80, height: 24, now: wallEpoch.addingTimeInterval(200 * 86_400))
        s = step(s, .reloaded(.failed([.error(SourceLocation(file: "data/indicators.yaml", line: 12),
                                              "indicator 'contacts': unit 'people' is not one of: percent, count, rate, number, days")])),
                 at: s.now)
        s = step(s, .key(.char("q")), at: s.now)
        try check(s, "wall-banners-80x24")
    }

    /// Nothing overlaps and nothing is drawn past the edge at sizes between the golden ones.
    func testEverySizeFromSmallToHuge() throws {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60), (300, 80), (81, 25)] {
            var s = try wallState(width: w, height: h)
            for i in s.pages.indices {
                s.pageIndex = i
                let lines = WallView.render(s, theme: .monochrome, glyphs: .unicode).lines
                XCTAssertEqual(lines.count, h)
                XCTAssertTrue(lines.allSatisfy { $0.count == w })
                XCTAssertTrue(lines[0].contains("09:30") && lines[0].contains("Q2 21/22"), "\(w)x\(h) header: \(lines[0])")
            }
        }
    }
}
