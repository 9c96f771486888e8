import CsdashCore
@testable import CsdashUI
import XCTest

/// What a wall tile says in words beside its number.
final class WallTileTextTests: XCTestCase {
    /// Every tile whose value moved since the last period says from what, decimals or not: the target's wording
    /// shortens to leave it room.
    func testEveryTileShowsItsMovement() throws {
        for (w, h) in [(160, 48), (200, 60), (240, 67)] {
            var s = try wallState(width: w, height: h)
            var seen = 0
            for page in s.pages.indices {
                s.pageIndex = page
                let lines = AnsiText.plain(WallView.render(s, theme: .monochrome, glyphs: .unicode))
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for tile in wallTiles(lines) {
                    let name = wallTileName(tile[0])
                    let named = s.card.indicators.filter { name.hasPrefix($0.indicator.title) || name.hasPrefix($0.indicator.short) }
                    guard let e = named.max(by: { $0.indicator.title.count < $1.indicator.title.count }) else { continue }
                    let movement = WallTiles.directionText(e, .unicode)
                    guard !movement.isEmpty else { continue }
                    seen += 1
                    XCTAssertTrue(tile.contains { $0.contains(movement) }, "\(e.indicator.id) at \(w)x\(h): \(movement)\n" + tile.joined(separator: "\n"))
                }
            }
            XCTAssertGreaterThan(seen, 20, "tiles with a movement at \(w)x\(h)")
        }
    }

    /// Beside each tile's status stand its SPC variation and assurance icons, as on the overview; the bottom row
    /// says what they mean when the tiles leave it free.
    func testEveryTileShowsItsSPCIcons() throws {
        var s = try wallState(width: 160, height: 48)
        var seen = 0, special = 0, keyed = 0, worsened = 0
        for page in s.pages.indices {
            s.pageIndex = page
            let lines = AnsiText.plain(WallView.render(s, theme: .monochrome, glyphs: .unicode))
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for tile in wallTiles(lines) {
                let name = wallTileName(tile[0])
                let named = s.card.indicators.filter { name.hasPrefix($0.indicator.title) || name.hasPrefix($0.indicator.short) }
                guard let e = named.max(by: { $0.indicator.title.count < $1.indicator.title.count }) else { continue }
                let v = SPCVerdict.of(e.indicator, upTo: e.currentIndex)
                let icons = Array(tile[0])
                XCTAssertEqual(icons[3], Glyphs.unicode.spcVariation(v), e.indicator.id)
                XCTAssertEqual(icons[4], Glyphs.unicode.spcAssurance(v), e.indicator.id)
                XCTAssertEqual(icons[2], e.becameWorse ? Glyphs.unicode.becameWorse : " ", "\(e.indicator.id): became worse")
                if e.becameWorse { worsened += 1 }
                seen += 1
                if let v, v.variation != .common { special += 1 }
            }
            if case .panel? = s.page?.kind, lines.suffix(2).contains(where: { $0.contains("Real change (SPC)?") }) { keyed += 1 }
        }
        XCTAssertGreaterThan(seen, 20)
        XCTAssertGreaterThan(special, 0, "some tile shows a special cause")
        XCTAssertGreaterThan(worsened, 0, "some tile shows that it became worse")
        XCTAssertGreaterThan(keyed, 0, "a panel page with its bottom row free says what the icons mean")
    }

    /// A tile whose data failed to load says so, with the problem mark and no stale mark for a data error.
    func testATileWhoseDataFailedSaysSoAndIsNotMarkedStale() throws {
        var ds = try DataDirectory.load(sampleDir).dataset
        let i = try XCTUnwrap(ds.indicators.firstIndex { $0.id == "initial-decisions" })
        ds.indicators[i].dataProblem = true
        let s = try wallState(ds, width: 160, height: 48)
        let lines = AnsiText.plain(WallView.render(s, theme: .monochrome, glyphs: .unicode))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tile = try XCTUnwrap(wallTiles(lines).first { wallTileName($0[0]).hasPrefix(ds.indicators[i].short) })
        XCTAssertTrue(tile[0].contains("⚠"), tile[0])
        XCTAssertFalse(tile[0].contains("†"), tile[0])
        XCTAssertTrue(tile.contains { $0.contains("data error") }, tile.joined(separator: "\n"))
        XCTAssertFalse(tile.contains { $0.contains("n/a") }, tile.joined(separator: "\n"))
    }
}
