import CsdashCore
import Foundation
import XCTest

/// The `wall:` section of indicators.yaml: what it sets, and every error at its line.
final class WallSectionTests: XCTestCase {
    let panels = "  - {id: p, title: Panel}\n  - {id: q, title: Other}"

    func yaml(_ wall: String) -> String { indicatorsYAML(oneIndicator, panels: panels) + wall }

    func testPagesDwellAndStaleAfter() throws {
        let d = try TempData(indicators: yaml("""
            wall:
              dwell: 20
              stale-after: 45
              pages:
                - panel: q
                  dwell: 30
                - attention
                - {page: risks, dwell: 10}
                - panels

            """))
        let r = try d.load()
        XCTAssertEqual(r.errors, [])
        let w = try XCTUnwrap(r.dataset.wall)
        XCTAssertEqual(w.dwell, 20)
        XCTAssertEqual(w.staleAfterDays, 45)
        XCTAssertEqual(w.pages, [.init(.panel("q"), dwell: 30), .init(.attention), .init(.risks, dwell: 10),
                                 .init(.panel("p")), .init(.panel("q"))])
    }

    func testNoSectionGivesTheDefaultPages() throws {
        let ds = try TempData(indicators: indicatorsYAML(oneIndicator, panels: panels)).load().dataset
        XCTAssertNil(ds.wall)
        XCTAssertEqual(WallConfig().pages(for: ds).map(\.kind), [.panel("p"), .panel("q"), .attention],
                       "no risks.yaml: no risks page")
    }

    func testErrorsNameFileAndLine() throws {
        let d = try TempData(indicators: yaml("""
            wall:
              dwell: 1
              stale-after: -3
              pages:
                - panel: nope
                - atention
                - {page: risks, dwell: soon}
                - {page: risks, panel: p}
                - {dwel: 5, page: attention}

            """))
        XCTAssertEqual(try d.errors(), [
            "indicators.yaml:17: error: wall: dwell must be 2 to 3600 seconds, not 1",
            "indicators.yaml:18: error: wall: stale-after must be a number of days above 0, not -3.0",
            "indicators.yaml:20: error: wall: unknown panel 'nope' (panels: p, q)",
            "indicators.yaml:21: error: wall: unknown page 'atention' (use panels, attention, risks or 'panel: ID')",
            "indicators.yaml:22: error: wall: dwell must be a number, not 'soon'",
            "indicators.yaml:23: error: wall: a page has either 'page:' or 'panel:', not both",
        ])
        XCTAssertEqual(try d.load().warnings.map { $0.description.replacingOccurrences(of: d.path + "/", with: "") }
                           .filter { $0.contains("wall") },
                       ["indicators.yaml:24: warning: unknown key 'dwel' in a wall page is ignored"])
    }

    func testWallMustBeAMapping() throws {
        let d = try TempData(indicators: yaml("wall: [attention]\n"))
        XCTAssertEqual(try d.errors(), ["indicators.yaml:16: error: wall must be a mapping of keys to values"])
    }

    func testStaleness() {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let now = cal.date(from: DateComponents(year: 2022, month: 2, day: 1))!
        let q2 = Period("2021/22 Q2")!, q3 = Period("2021/22 Q3")!
        let recent = now.addingTimeInterval(-10 * 86_400), old = now.addingTimeInterval(-120 * 86_400)
        XCTAssertFalse(Staleness.check(now: now, newestFile: recent, latestQuarter: q3, staleAfterDays: 100, calendar: cal).isStale,
                       "one quarter behind today (Q4 21/22) is normal: a quarter's data comes after it ends")
        XCTAssertEqual(Staleness.check(now: now, newestFile: recent, latestQuarter: q2, staleAfterDays: 100, calendar: cal).quartersBehind, 2)
        let s = Staleness.check(now: now, newestFile: old, latestQuarter: Period("2021/22 Q1")!, staleAfterDays: 100, calendar: cal)
        XCTAssertEqual(s.fileAgeDays, 120)
        XCTAssertEqual(s.quartersBehind, 3)
    }
}
