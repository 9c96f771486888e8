import CsdashCore
import CsdashUI
import XCTest

/// The pure update function, key by key.
final class UpdateTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState {
        keys.reduce(s) { update($0, .key($1)) }
    }

    func testMovingWithinAPanelAndPaging() throws {
        var s = try sampleState(width: 160, height: 48)
        XCTAssertEqual(s.selectedIndicator?.indicator.id, "contacts")
        s = press(s, .down, .char("j"))
        XCTAssertEqual(s.selectedIndicator?.indicator.id, "initial-decisions")
        s = press(s, .up)
        XCTAssertEqual(s.rows[0], 1)
        s = press(s, .char("k"), .up)
        XCTAssertEqual(s.rows[0], 0, "stops at the top")
        s = press(s, .end)
        XCTAssertEqual(s.selectedIndicator?.indicator.id, "open-cases")
        s = press(s, .home)
        XCTAssertEqual(s.rows[0], 0)
        s = press(s, .pageDown)
        XCTAssertGreaterThan(s.rows[0], 5)
        s = press(s, .pageUp)
        XCTAssertEqual(s.rows[0], 0)
    }

    /// `w` lists every panel's indicators worse than target or without data, worst first by the reports' order;
    /// Enter opens the selected one (focusing its panel), Esc comes back to the list, and a change of quarter
    /// re-ranks it.
    func testWorstFirstListsAcrossPanelsAndOpens() throws {
        var s = press(try sampleState(width: 120, height: 40), .char("w"))
        XCTAssertEqual(s.screen, .worst)
        XCTAssertEqual(s.breadcrumb, ["Overview", "Worst first"])
        let expected = Worst.sorted(s.card.indicators.filter { $0.status == .worse || $0.status == .noData })
        XCTAssertEqual(s.links, expected.map { .indicator($0.indicator.id) })
        XCTAssertEqual(Set(expected.map(\.indicator.panel)).count, 4, "the list crosses panels")
        let text = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(text.contains(" 1. ✗ \(expected[0].indicator.title)"), text)
        s = press(s, .down, .down, .enter)
        XCTAssertEqual(s.screen, .indicator(expected[2].indicator.id))
        XCTAssertEqual(s.dataset.panels[s.panelIndex].id, expected[2].indicator.panel)
        s = press(s, .escape)
        XCTAssertEqual(s.screen, .worst)
        XCTAssertEqual(s.top.selected, 2, "the selection is kept")
        s = press(s, .char("["))
        XCTAssertEqual(s.links, Worst.sorted(s.card.indicators.filter { $0.status == .worse || $0.status == .noData })
            .map { .indicator($0.indicator.id) })
        XCTAssertNotEqual(s.asAt, Period("2021/22 Q2"))
    }

    func testPanelsByTabArrowsAndNumbers() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .tab)
        XCTAssertEqual(s.panelIndex, 1)
        s = press(s, .backTab, .backTab)
        XCTAssertEqual(s.panelIndex, 3, "Shift-Tab wraps")
        s = press(s, .char("1"), .right)
        XCTAssertEqual(s.panelIndex, 1, "right moves across the 2x2 grid")
        s = press(s, .char("l"))
        XCTAssertEqual(s.panelIndex, 1, "no panel further right")
        s = press(s, .left, .char("h"))
        XCTAssertEqual(s.panelIndex, 0)
        s = press(s, .char("4"))
        XCTAssertEqual(s.panelIndex, 3)
        s = press(s, .char("9"))
        XCTAssertEqual(s.panelIndex, 3, "no ninth panel")
    }

    func testDrillDownIntoIndicatorRiskAndBack() throws {
        var s = try sampleState()
        s = press(s, .down, .down, .enter)
        XCTAssertEqual(s.screen, .indicator("initial-decisions"))
        XCTAssertEqual(s.breadcrumb, ["Overview", "Social care", "Initial decisions 24h"])
        s = press(s, .enter)
        XCTAssertEqual(s.screen, .risk("CS-01"))
        XCTAssertEqual(s.breadcrumb.last, "Risk CS-01")
        s = press(s, .down, .enter)
        XCTAssertEqual(s.screen, .indicator(s.dataset.risk("CS-01")!.indicators[1]), "Enter on a linked indicator opens it")
        s = press(s, .escape, .backspace)
        XCTAssertEqual(s.screen, .indicator("initial-decisions"))
        s = press(s, .char("g"))
        XCTAssertEqual(s.screen, .overview)
        XCTAssertEqual(s.rows[0], 2, "the selection survives the round trip")
    }

    func testRiskRegisterAndHomeReturnsToOverview() throws {
        var s = try sampleState()
        s = press(s, .char("r"))
        XCTAssertEqual(s.screen, .risks)
        XCTAssertEqual(s.links.first, .risk("CS-02"), "sorted by score")
        s = press(s, .down, .enter)
        XCTAssertEqual(s.screen, .risk("CS-03"))
        s = press(s, .home)
        XCTAssertEqual(s.screen, .overview)
    }

    /// On the lists (worst first, data problems) Home and End go to the first and last row, as on the register.
    func testHomeAndEndOnTheListsStayOnThem() throws {
        var s = try sampleState()
        s = press(s, .char("w"), .end)
        XCTAssertEqual(s.screen, .worst)
        XCTAssertEqual(s.top.selected, s.links.count - 1)
        XCTAssertGreaterThan(s.links.count, 1)
        s = press(s, .home)
        XCTAssertEqual(s.screen, .worst, "Home stays on the list")
        XCTAssertEqual(s.top.selected, 0)
    }

    func testQuarterKeysReEvaluate() throws {
        var s = try sampleState()
        XCTAssertEqual(s.asAt, Period("2021/22 Q2"))
        // The imported DfE years run to 2024/25; the council's own data, and so `]`, stops at 2021/22 Q2.
        var latest = s
        for _ in 0..<40 { latest = press(latest, .char("]")) }
        XCTAssertEqual(latest.asAt, latest.dataset.latestQuarter, "] stops at the latest quarter with data")
        XCTAssertEqual(latest.asAt, Period("2021/22 Q2"))
        XCTAssertEqual(press(latest, .char("]")).asAt, latest.asAt, "no later quarter")
        s = press(s, .char("["))
        XCTAssertEqual(s.asAt, Period("2021/22 Q1"))
        XCTAssertEqual(s.card.indicator("audits-ri")?.status, .better)
        s = press(s, .char("]"))
        XCTAssertEqual(s.card.indicator("audits-ri")?.status, .within)
    }

    /// The register's filter: `/` starts a new one, Esc clears it before it leaves the page.
    func testRegisterFilterStartsAfreshAndEscClearsItFirst() throws {
        var s = try sampleState()
        s = press(s, .char("r"), .char("/"), .char("0"), .char("3"), .enter)
        XCTAssertEqual(s.riskFilter, "03")
        XCTAssertEqual(s.links, [.risk("CS-03")])
        s = press(s, .char("/"), .char("0"), .char("1"), .enter)
        XCTAssertEqual(s.riskFilter, "01", "a second / replaces the filter, not adds to it")
        s = press(s, .escape)
        XCTAssertEqual(s.screen, .risks, "Esc clears the filter first")
        XCTAssertEqual(s.riskFilter, "")
        XCTAssertGreaterThan(s.links.count, 1)
        s = press(s, .escape)
        XCTAssertEqual(s.screen, .overview)
    }

    /// With a filter on, the tab strip counts each panel's matching rows instead of its worse ones.
    func testTabsCountTheMatchesWhileFiltering() throws {
        var s = try sampleState(width: 80, height: 24)
        func tabs(_ s: AppState) -> String {
            AppView.render(s, theme: .monochrome, glyphs: .unicode).text.components(separatedBy: "\n")[2]
        }
        XCTAssertTrue(tabs(s).contains("1 Social care ✗6"), tabs(s))
        s = press(s, .char("/"), .char("c"), .char("a"), .char("r"), .char("e"), .enter)
        let expected = s.dataset.panels.indices.map { "(\(s.visibleIndicators(panel: $0).count))" }
        XCTAssertTrue(expected.contains("(0)"), "some panel has no match: \(expected)")
        for (i, p) in s.dataset.panels.enumerated() {
            XCTAssertTrue(tabs(s).contains("\(i + 1) \(p.title) \(expected[i])"), tabs(s))
        }
        s = press(s, .escape)
        XCTAssertTrue(tabs(s).contains("1 Social care ✗6"), tabs(s))
    }

    func testFilterByNameAndStatus() throws {
        var s = try sampleState()
        s = press(s, .char("/"), .char("r"), .char("e"), .char("f"))
        XCTAssertTrue(s.editingFilter)
        XCTAssertEqual(s.visibleIndicators(panel: 0).map(\.indicator.id), ["re-referrals", "re-referrals-month"])
        s = press(s, .char("q"))
        XCTAssertFalse(s.quit, "q while typing is a letter")
        s = press(s, .backspace, .enter)
        XCTAssertFalse(s.editingFilter)
        XCTAssertEqual(s.filter, "ref")
        s = press(s, .escape)
        XCTAssertEqual(s.filter, "", "Esc on the overview clears the filter")
        s = press(s, .char("/"), .char("x"), .escape)
        XCTAssertEqual(s.filter, "")
        XCTAssertFalse(s.editingFilter)
        s = press(s, .char("f"))
        XCTAssertEqual(s.statusFilter, .worse)
        XCTAssertTrue(s.visibleIndicators(panel: 0).allSatisfy { $0.status == .worse })
        s = press(s, .char("f"))
        XCTAssertTrue(s.visibleIndicators(panel: 0).allSatisfy { $0.status == .worse || $0.status == .within })
        s = press(s, .char("f"), .char("f"), .char("f"), .char("f"))
        XCTAssertEqual(s.statusFilter, .all, "then the three SPC filters, and back to all")
    }

    /// A filter that the focused panel has no match for moves the focus to the first panel that has one.
    func testFilterMovesTheFocusToTheFirstMatch() throws {
        var s = try sampleState()
        XCTAssertEqual(s.panelIndex, 0)
        s = press(s, .char("/"), .char("e"), .char("x"), .char("c"), .char("l"))
        XCTAssertEqual(s.panelIndex, 0, "not while typing")
        s = press(s, .enter)
        let first = try XCTUnwrap(s.dataset.panels.indices.first { !s.visibleIndicators(panel: $0).isEmpty })
        XCTAssertGreaterThan(first, 0, "the sample's social care panel has no exclusions")
        XCTAssertEqual(s.panelIndex, first)
        XCTAssertTrue(s.visibleIndicators(panel: s.panelIndex).allSatisfy { $0.indicator.title.lowercased().contains("excl") })
        // A panel that has a match keeps the focus.
        s = press(s, .escape, .char("2"), .char("/"), .char("e"), .enter)
        XCTAssertEqual(s.panelIndex, 1)
        // Nothing matches anywhere: the focus stays.
        s = press(s, .escape, .char("3"), .char("/"), .char("z"), .char("z"), .char("z"), .enter)
        XCTAssertEqual(s.panelIndex, 2)
    }

    func testHelpQuitAndResize() throws {
        var s = try sampleState()
        s = press(s, .char("?"))
        XCTAssertTrue(s.showHelp)
        s = press(s, .char("j"))
        XCTAssertFalse(s.showHelp, "any key closes help")
        XCTAssertEqual(s.rows[0], 0, "and does nothing else")
        s = update(s, .resize(width: 90, height: 30))
        XCTAssertEqual(s.width, 90)
        XCTAssertEqual(AppView.render(s, theme: .standard, glyphs: .unicode).width, 90)
        XCTAssertTrue(press(s, .char("q")).quit)
        XCTAssertTrue(press(s, .ctrlC).quit)
        XCTAssertTrue(press(s, .char("?"), .char("q")).quit)
    }

    func testHelpListsTheKeysOfItsPageInFullAtTheSmallestSize() throws {
        for view in ["overview", "indicator:initial-decisions", "risks", "risk:CS-03"] {
            var s = try sampleState(width: 80, height: 24)
            try s.open(view: view)
            s.showHelp = true
            let context = KeyContext(s.screen)
            let text = AppView.render(s, theme: .standard, glyphs: .unicode).text
            for b in KeyBindings.all {
                let line = b.label.padded(to: 6) + " " + b.help(on: context)
                XCTAssertEqual(text.contains(line), b.contexts.contains(context), "\(view): '\(line)'")
            }
        }
    }

    func testTooSmallAndEveryScreenRendersAtManySizes() throws {
        var s = try sampleState()
        s = update(s, .resize(width: 79, height: 24))
        XCTAssertTrue(AppView.render(s, theme: .standard, glyphs: .unicode).text.contains("terminal too small: 79x24, needs 80x24"))
        for (w, h) in [(80, 24), (100, 30), (119, 40), (120, 40), (200, 60), (300, 80)] {
            for view in GoldenTests.views {
                var v = try sampleState(width: w, height: h)
                try v.open(view: view)
                let text = AppView.render(v, theme: .standard, glyphs: .unicode).text
                XCTAssertTrue(text.contains("Children's Services Performance"), "\(view) at \(w)x\(h)")
            }
        }
    }
}

/// The "too small" screen acts on nothing but quit.
final class TooSmallTests: XCTestCase {
    func testOnlyQuitWorksWhenTooSmall() throws {
        var s = try sampleState(width: 70, height: 20)
        for k: Key in [.enter, .down, .char("r"), .char("["), .char("/"), .char("?"), .tab, .escape] {
            s = update(s, .key(k))
        }
        XCTAssertEqual(s.screen, .overview)
        XCTAssertEqual(s.rows[0], 0)
        XCTAssertEqual(s.panelIndex, 0)
        XCTAssertFalse(s.showHelp)
        XCTAssertFalse(s.editingFilter)
        XCTAssertEqual(s.asAt, s.dataset.openingQuarter)
        XCTAssertTrue(update(s, .key(.char("q"))).quit)
        XCTAssertTrue(update(s, .key(.ctrlC)).quit)
        // Back to a usable size: keys work again.
        s = update(s, .resize(width: 80, height: 24))
        XCTAssertEqual(update(s, .key(.enter)).screen, .indicator("contacts"))
    }
}
