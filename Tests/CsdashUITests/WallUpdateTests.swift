import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// The wall's update function: rotation, dwell, the quit key, reload debounce, reload outcomes.
final class WallUpdateTests: XCTestCase {
    func t(_ seconds: Double) -> Date { wallEpoch.addingTimeInterval(seconds) }

    func testPagesRotateAfterTheirDwellAndWrap() throws {
        var s = try wallState()
        let kinds = s.pages.map(\.kind)
        XCTAssertEqual(kinds, [.panel("social-care"), .panel("children-in-care"), .panel("workforce"), .panel("education"),
                               .attention, .risks])
        s = step(s, .tick, at: t(14.9))
        XCTAssertEqual(s.pageIndex, 0, "not before the dwell")
        s = step(s, .tick, at: t(15))
        XCTAssertEqual(s.pageIndex, 1)
        XCTAssertEqual(s.pageStarted, t(15))
        for k in 2...6 { s = step(s, .tick, at: t(15 * Double(k))) }
        XCTAssertEqual(s.pageIndex, 0, "wraps after the last page")
        XCTAssertEqual(s.nextWake, t(105), "next wake is the page timer when the clock's minute is further")
    }

    func testDwellPerPageFromTheWallSection() throws {
        var ds = try DataDirectory.load(sampleDir).dataset
        ds.wall = WallConfig(dwell: 20, pages: [.init(.attention, dwell: 60), .init(.risks), .init(.panel("education"), dwell: 5)])
        var s = try wallState(ds)
        XCTAssertEqual(s.pages.map(\.dwell), [60, 20, 5])
        s = step(s, .tick, at: t(59))
        XCTAssertEqual(s.pageIndex, 0)
        s = step(s, .tick, at: t(60))
        XCTAssertEqual(s.pageIndex, 1)
        s = step(s, .tick, at: t(79))
        XCTAssertEqual(s.pageIndex, 1)
        s = step(s, .tick, at: t(80))
        XCTAssertEqual(s.pageIndex, 2)
        s = step(s, .tick, at: t(85))
        XCTAssertEqual(s.pageIndex, 0)
    }

    func testCommandLineDwellBeatsTheWallSection() throws {
        var ds = try DataDirectory.load(sampleDir).dataset
        ds.wall = WallConfig(dwell: 20, staleAfterDays: 30, pages: [.init(.attention, dwell: 60), .init(.risks)])
        var o = wallOptions
        o.dwellOverride = 5
        let s = try wallState(ds, options: o)
        XCTAssertEqual(s.pages.map(\.dwell), [5, 5])
        XCTAssertEqual(s.staleness.fileAgeDays, nil, "20 days old: within the section's 30")
        o.staleAfterOverride = 10
        XCTAssertEqual(try wallState(ds, options: o).staleness.fileAgeDays, 20, "--stale-after 10 beats the section's 30")
    }

    func testLongSleepLandsOnSchedule() throws {
        var s = try wallState()
        // Asleep 40 s: pages 0 (15 s) and 1 (15 s) are over, page 2 started at 30 s.
        s = step(s, .tick, at: t(40))
        XCTAssertEqual(s.pageIndex, 2)
        XCTAssertEqual(s.pageStarted, t(30))
        // Asleep a whole day: starts the page it lands on afresh.
        s = step(s, .tick, at: t(86_400))
        XCTAssertEqual(s.pageStarted, t(86_400))
    }

    func testQuitNeedsQTwiceWithinTwoSeconds() throws {
        var s = try wallState()
        s = step(s, .key(.char("q")), at: t(1))
        XCTAssertFalse(s.quit)
        XCTAssertTrue(s.quitHint)
        XCTAssertEqual(s.nextWake, t(3), "wakes to take the hint away")
        XCTAssertTrue(WallView.render(s, theme: .monochrome, glyphs: .unicode).text.contains("press q again to quit"))
        s = step(s, .tick, at: t(3))
        XCTAssertFalse(s.quitHint)
        XCTAssertFalse(WallView.render(s, theme: .monochrome, glyphs: .unicode).text.contains("press q again"))
        s = step(s, .key(.char("q")), at: t(3.5))
        XCTAssertFalse(s.quit, "the first press expired; this one arms again")
        s = step(s, .key(.char("q")), at: t(5.4))
        XCTAssertTrue(s.quit)
    }

    func testOtherKeysDoNothing() throws {
        var s = try wallState()
        let before = s.pageIndex
        for k: Key in [.enter, .escape, .tab, .down, .right, .char("j"), .char("r"), .char("?"), .char("1"), .pageDown] {
            s = step(s, .key(k), at: t(1))
        }
        XCTAssertEqual(s.pageIndex, before)
        XCTAssertFalse(s.quit)
        XCTAssertFalse(s.quitHint)
        XCTAssertEqual(s.pageStarted, wallEpoch, "keys do not restart the page timer")
    }

    func testNoKeysIgnoresEveryKey() throws {
        var o = wallOptions
        o.noKeys = true
        var s = try wallState(options: o)
        s = step(s, .key(.char("q")), at: t(1))
        s = step(s, .key(.char("q")), at: t(1.5))
        s = step(s, .key(.ctrlC), at: t(1.6))
        XCTAssertFalse(s.quit)
        XCTAssertFalse(s.quitHint)
    }

    func testCtrlCQuits() throws {
        XCTAssertTrue(step(try wallState(), .key(.ctrlC), at: t(1)).quit)
    }

    func testFileChangesAreDebouncedIntoOneReload() throws {
        var s = try wallState()
        var (next, effects) = update(s, .filesChanged, now: t(1))
        s = next
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.nextWake, t(1.4))
        (next, effects) = update(s, .filesChanged, now: t(1.3))
        s = next
        XCTAssertEqual(effects, [], "still being written")
        (next, effects) = update(s, .tick, now: t(1.5))
        s = next
        XCTAssertEqual(effects, [])
        (next, effects) = update(s, .tick, now: t(1.7))
        s = next
        XCTAssertEqual(effects, [.reload])
        XCTAssertNil(s.debounce.due)
        // A file written without pause is still reloaded 1.5 s after the first change.
        for k in 0..<14 { s = step(s, .filesChanged, at: t(10 + Double(k) * 0.1)) }
        XCTAssertEqual(s.debounce.due, t(11.5))
        (_, effects) = update(s, .tick, now: t(11.5))
        XCTAssertEqual(effects, [.reload])
    }

    func testReloadFailureKeepsDataAndShowsBannerUntilFixed() throws {
        var s = try wallState()
        let before = s.card.indicator("re-referrals")?.value
        let problem = Diagnostic.error(SourceLocation(file: "data/history/social-care.csv", line: 7), "value 'abc' is not a number")
        s = step(s, .reloaded(.failed([problem])), at: t(2))
        XCTAssertEqual(s.problems, [problem])
        XCTAssertEqual(s.card.indicator("re-referrals")?.value, before, "last good data stays")
        let text = WallView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(text.contains("1 data problem"), text)
        XCTAssertTrue(text.contains("data/history/social-care.csv:7"), text)
        var ds = s.dataset
        let i = ds.indicators.firstIndex { $0.id == "re-referrals" }!
        var obs = Array(ds.indicators[i].history)
        obs[obs.count - 1].value = 19.5
        ds.indicators[i].history = History(obs)
        s = step(s, .reloaded(.loaded(ds, newestFile: t(2))), at: t(3))
        XCTAssertEqual(s.problems, [])
        XCTAssertEqual(s.card.indicator("re-referrals")?.value, 19.5)
        XCTAssertFalse(WallView.render(s, theme: .monochrome, glyphs: .unicode).text.contains("data problem"))
    }

    func testReloadKeepsThePage() throws {
        var s = try wallState()
        s = step(s, .tick, at: t(15 * 4))
        XCTAssertEqual(s.page?.kind, .attention)
        var ds = s.dataset
        ds.panels.removeFirst()
        ds.indicators.removeAll { $0.panel == "social-care" }
        s = step(s, .reloaded(.loaded(ds, newestFile: nil)), at: t(61))
        XCTAssertEqual(s.page?.kind, .attention, "the same page, though its position moved")
        XCTAssertEqual(s.pageIndex, 3)
    }

    func testResizeSplitsAPanelThatNoLongerFits() throws {
        var s = try wallState(width: 160, height: 48)
        XCTAssertEqual(s.pages.count, 6)
        s = step(s, .resize(width: 80, height: 20), at: t(1))
        let parts = s.pages.filter { $0.kind == .panel("social-care") }
        XCTAssertEqual(parts.count, 2, "12 tiles do not fit in 80x20")
        XCTAssertEqual(parts.map(\.part), [0, 1])
        s.pageIndex = s.pages.count - 1
        s = step(s, .resize(width: 160, height: 48), at: t(2))
        XCTAssertEqual(s.pageIndex, 5, "clamped to the pages that exist")
    }

    func testClockWakesOnTheMinute() throws {
        var o = wallOptions
        o.dwell = 3600
        let s = try wallState(options: o, now: t(25))
        XCTAssertEqual(s.nextWake, t(60), "09:30:25 wakes at 09:31:00 to move the clock")
    }
}
