import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// Live reload in the interactive dashboard: new data replaces the old and the user keeps their place
/// (view, panel, selection); a failed reload keeps the data and shows the banner; a good one clears it.
final class DashboardReloadTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState { keys.reduce(s) { update($0, .key($1)) } }

    func changed(_ ds: Dataset, _ id: String, to value: Double) -> Dataset {
        var d = ds
        let i = d.indicators.firstIndex { $0.id == id }!
        var obs = Array(d.indicators[i].history)
        obs[obs.count - 1].value = value
        d.indicators[i].history = History(obs)
        return d
    }

    func testReloadKeepsViewPanelAndSelection() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .tab, .down, .down)  // Children in care, third row
        let selected = try XCTUnwrap(s.selectedIndicator?.indicator.id)
        s = press(s, .enter)
        XCTAssertEqual(s.screen, .indicator(selected))
        let ds = changed(s.dataset, selected, to: 99)
        s = update(s, .reloaded(.loaded(ds, newestFile: nil)))
        XCTAssertEqual(s.screen, .indicator(selected), "still on the same page")
        XCTAssertEqual(s.panelIndex, 1)
        XCTAssertEqual(s.card.indicator(selected)?.value, 99)
        s = press(s, .escape)
        XCTAssertEqual(s.selectedIndicator?.indicator.id, selected, "the same row selected")
    }

    func testQuarterKeysStillStepOnlyThroughQuartersWithDataAfterAReload() throws {
        let s0 = try sampleState(width: 160, height: 48)
        let s = update(s0, .reloaded(.loaded(s0.dataset, newestFile: nil)))
        XCTAssertEqual(s.quarters, s0.quarters, "the same quarters as at start: only those with data")
        XCTAssertEqual(s.quarters, s.dataset.quartersWithData.contains(s.asAt)
            ? s.dataset.quartersWithData : (s.dataset.quartersWithData + [s.asAt]).sorted())
    }

    func testSelectionFollowsTheIndicatorWhenRowsMove() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .down, .down, .down)
        let selected = try XCTUnwrap(s.selectedIndicator?.indicator.id)
        var ds = s.dataset
        ds.indicators.removeAll { $0.id == "contacts" }  // a row above the selection goes
        s = update(s, .reloaded(.loaded(ds, newestFile: nil)))
        XCTAssertEqual(s.selectedIndicator?.indicator.id, selected)
        XCTAssertEqual(s.rows[0], 2)
    }

    func testAPageWhoseIndicatorIsGoneFallsBack() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .enter)
        XCTAssertEqual(s.screen, .indicator("contacts"))
        var ds = s.dataset
        ds.indicators.removeAll { $0.id == "contacts" }
        s = update(s, .reloaded(.loaded(ds, newestFile: nil)))
        XCTAssertEqual(s.screen, .overview)
    }

    func testFailedReloadShowsBannerAndKeepsData() throws {
        var s = try sampleState(width: 120, height: 40)
        s = press(s, .char("r"))
        let problem = Diagnostic.error(SourceLocation(file: "data/risks.yaml", line: 40), "risk 'CS-02': likelihood 7 outside 1-5")
        s = update(s, .reloaded(.failed([problem])))
        XCTAssertEqual(s.screen, .risks)
        XCTAssertEqual(s.reloadProblems, [problem])
        var text = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(text.contains("1 data problem: data/risks.yaml:40: risk 'CS-02'"), text)
        s = update(s, .reloaded(.loaded(s.dataset, newestFile: nil)))
        XCTAssertEqual(s.reloadProblems, [])
        text = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertFalse(text.contains("data problem"))
        XCTAssertTrue(text.contains("Risk register"))
    }

    func testQuarterFollowsTheLatestOnlyWhenItWasTheLatest() throws {
        var s = try sampleState(width: 120, height: 40)
        let latest = s.asAt
        s = press(s, .char("["))
        let earlier = s.asAt
        XCTAssertLessThan(earlier, latest)
        s = update(s, .reloaded(.loaded(s.dataset, newestFile: nil)))
        XCTAssertEqual(s.asAt, earlier, "an older quarter chosen by the user stays")
        s = press(s, .char("]"))
        XCTAssertEqual(s.asAt, latest)
    }

    func testDebounce() {
        let t0 = Date(timeIntervalSinceReferenceDate: 0)
        var d = ReloadDebounce()
        XCTAssertFalse(d.fire(at: t0))
        d.changed(at: t0)
        d.changed(at: t0.addingTimeInterval(0.3))
        XCTAssertFalse(d.fire(at: t0.addingTimeInterval(0.6)), "quiet for only 0.3 s")
        XCTAssertTrue(d.fire(at: t0.addingTimeInterval(0.7)))
        XCTAssertFalse(d.fire(at: t0.addingTimeInterval(0.8)), "fires once")
    }
}
