import CsdashCore
@testable import CsdashUI
import XCTest

/// Valid but extreme data (Tests/Corpus/extreme): `check` passes it, so every view must draw it, at 80x24 and
/// 200x60, through every panel, indicator, risk and quarter, without a crash and with every row whole.
final class ExtremeCorpusTests: XCTestCase {
    static let sizes = [(80, 24), (200, 60)]

    func dirs() throws -> [String] {
        let root = corpusDir.appendingPathComponent("extreme").path
        return try FileManager.default.contentsOfDirectory(atPath: root).sorted().map { root + "/" + $0 }
    }

    func assertWhole(_ buf: Buffer, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (y, l) in buf.lines.enumerated() where l.displayWidth != buf.width {
            XCTFail("\(what) row \(y) is \(l.displayWidth) columns: \(l)", file: file, line: line)
            return
        }
    }

    func testEveryViewDrawsEveryExtremeCase() throws {
        let all = try dirs()
        XCTAssertGreaterThanOrEqual(all.count, 9)
        for dir in all {
            let name = (dir as NSString).lastPathComponent
            let r = try DataDirectory.load(dir)
            XCTAssertEqual(r.errors, [], "\(name): check must pass it")
            let ds = r.dataset
            let asAt = try XCTUnwrap(ds.latestQuarter, name)
            // Many indicators: a sample of them, always the first and last.
            let step = max(1, ds.indicators.count / 12)
            let indicators = Array(stride(from: 0, to: ds.indicators.count, by: step).map { ds.indicators[$0].id })
                + [ds.indicators.last!.id]
            let views = ["overview", "risks", "worst", "problems", "help"] + indicators.map { "indicator:" + $0 } + ds.risks.map { "risk:" + $0.id }
            for (w, h) in Self.sizes {
                for view in views {
                    for p in ds.panels.indices where view == "overview" || p == 0 {
                        var s = AppState(dataset: ds, asAt: asAt, width: w, height: h)
                        s.panelIndex = p
                        try s.open(view: view)
                        for glyphs in [Glyphs.unicode, .ascii] {
                            assertWhole(AppView.render(s, theme: .standard, glyphs: glyphs), "\(name) \(view) panel \(p) \(w)x\(h)")
                        }
                    }
                }
            }
        }
    }

    func testWalkingEveryQuarterAndRow() throws {
        for dir in try dirs() {
            let name = (dir as NSString).lastPathComponent
            let ds = try DataDirectory.load(dir).dataset
            var s = AppState(dataset: ds, asAt: ds.latestQuarter!, width: 200, height: 60)
            // Back through every quarter (forty years is 160 of them), drawing the overview and the
            // first indicator's page at each.
            for q in 0..<ds.quarters.count {
                s = update(s, .key(.char("[")))
                if q % 4 == 0 || q == ds.quarters.count - 1 {
                    assertWhole(AppView.render(s, theme: .standard, glyphs: .unicode), "\(name) quarter \(s.asAt)")
                    let page = update(s, .key(.enter))
                    assertWhole(AppView.render(page, theme: .standard, glyphs: .unicode), "\(name) page at \(s.asAt)")
                }
            }
            XCTAssertEqual(s.asAt, ds.quarters.first, name)
            // Down every row of the first panel (500 in one case), then page and jump to the end.
            s = AppState(dataset: ds, asAt: ds.latestQuarter!, width: 80, height: 24)
            for _ in 0..<min(600, ds.indicators.count + 2) { s = update(s, .key(.down)) }
            for key in [Key.pageUp, .pageDown, .end, .home, .enter, .pageDown, .pageDown, .escape, .char("r"), .end, .enter] {
                s = update(s, .key(key))
                assertWhole(AppView.render(s, theme: .standard, glyphs: .unicode), "\(name) after \(key)")
            }
        }
    }
}
