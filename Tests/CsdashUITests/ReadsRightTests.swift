import CsdashCore
@testable import CsdashUI
import XCTest

/// Where in time, context-aware keys, scrolling that flows back into state, sort and marks.
final class ReadsRightTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState { keys.reduce(s) { update($0, .key($1)) } }
    func screen(_ s: AppState) -> String { AppView.render(s, theme: .monochrome, glyphs: .unicode).text }

    func testQuarterKeysStopAtTheDataAndTheHeaderSaysWhenAwayFromTheReportQuarter() throws {
        var s = try sampleState(width: 120, height: 40)
        let report = s.asAt
        XCTAssertEqual(report, s.dataset.openingQuarter)
        XCTAssertFalse(screen(s).contains("viewing"))
        s = press(s, .char("["))
        XCTAssertTrue(screen(s).components(separatedBy: "\n")[0].contains("viewing Q1 21/22 · report Q2 21/22"),
                      screen(s).components(separatedBy: "\n")[0])
        for _ in 0..<200 { s = press(s, .char("[")) }
        XCTAssertEqual(s.asAt, s.dataset.quartersWithData.first, "[ stops at the earliest quarter with data")
        let withData = Set(s.dataset.quartersWithData)
        for _ in 0..<200 {
            s = press(s, .char("]"))
            XCTAssertTrue(withData.contains(s.asAt), "never a quarter without data: \(s.asAt)")
        }
        XCTAssertEqual(s.asAt, s.dataset.quartersWithData.last, "] stops at the latest quarter with data")
        XCTAssertEqual(s.asAt, Period("2021/22 Q2"), "the council's own latest quarter, not the DfE's later years")
        XCTAssertFalse(screen(s).components(separatedBy: "\n")[0].contains("viewing"), "the latest is the report quarter")
        for _ in 0..<3 { s = press(s, .char("[")) }
        XCTAssertTrue(screen(s).components(separatedBy: "\n")[0].contains("viewing Q3 20/21"))
        s = press(s, .char("}"))
        XCTAssertEqual(s.asAt, s.dataset.latestQuarter, "} jumps back to the latest quarter")
        XCTAssertFalse(screen(s).components(separatedBy: "\n")[0].contains("viewing"))
        // Without opens_at the reference is the latest quarter with data.
        var plain = try sampleState(width: 120, height: 40)
        plain.dataset.opensAt = nil
        plain.view(at: plain.dataset.quartersWithData.dropLast().last!)
        XCTAssertTrue(screen(plain).components(separatedBy: "\n")[0].contains("· latest \(plain.dataset.quartersWithData.last!.short)"))
    }

    func testFooterListsOnlyKeysThatActAndAlwaysHelpAndQuit() throws {
        for view in ["overview", "indicator:initial-decisions", "indicator:contacts", "risks", "risk:CS-03"] {
            for w in [80, 120, 200] {
                var s = try sampleState(width: w, height: 24)
                try s.open(view: view)
                let footer = screen(s).components(separatedBy: "\n").last!
                XCTAssertTrue(footer.contains("? help") && footer.contains("q quit"), "\(view) \(w): \(footer)")
                if view != "overview" { XCTAssertFalse(footer.contains("Tab panel"), footer) }
                if view.hasPrefix("risk") { XCTAssertFalse(footer.contains("f status"), footer) }
                if view == "indicator:contacts" { XCTAssertFalse(footer.contains("Enter open"), "contacts has no linked risk: \(footer)") }
            }
        }
        // Keys not offered do nothing: f on the register, Tab on an indicator page.
        var s = try sampleState()
        s = press(s, .char("r"), .char("f"))
        XCTAssertEqual(s.statusFilter, .all)
        s = press(s, .char("g"), .enter, .tab)
        XCTAssertEqual(s.panelIndex, 0)
    }

    func testSlashFiltersTheRegisterWhenOnIt() throws {
        var s = try sampleState()
        s = press(s, .char("r"), .char("/"), .char("w"), .char("o"), .char("r"), .char("k"), .enter)
        XCTAssertEqual(s.screen, .risks, "/ stays on the register")
        XCTAssertEqual(s.visibleRisks.map(\.risk.id), ["CS-03"])
        XCTAssertTrue(screen(s).contains("1 of 4 risks matching /work"))
        XCTAssertEqual(s.filter, "", "the overview's filter is untouched")
        s = press(s, .enter)
        XCTAssertEqual(s.screen, .risk("CS-03"))
    }

    func testRegisterScrollsAndKeepsTheSelectionOnScreen() throws {
        var s = try sampleState(width: 80, height: 24)
        // Thirty risks: the sample's four, copied.
        var risks: [Risk] = []
        for i in 0..<30 {
            var r = s.dataset.risks[i % 4]
            r.id = String(format: "R-%02d", i)
            risks.append(r)
        }
        s.dataset.risks = risks
        s.view(at: s.asAt)
        s = press(s, .char("r"))
        XCTAssertTrue(screen(s).contains("1/30"))
        s = press(s, .end)
        let last = s.visibleRisks.last!.risk.id
        XCTAssertTrue(screen(s).contains(last), "the selected last risk is on screen")
        XCTAssertTrue(screen(s).contains("30/30"))
        XCTAssertGreaterThan(s.top.scroll, 0)
        s = press(s, .home)
        XCTAssertEqual(s.top.scroll, 0)
        XCTAssertEqual(s.top.selected, 0)
        s = press(s, .pageDown)
        XCTAssertGreaterThan(s.top.selected, 1)
        XCTAssertTrue(screen(s).contains(s.visibleRisks[s.top.selected].risk.id))
    }

    func testPageScrollIsClampedToTheContentInState() throws {
        var s = try sampleState(width: 80, height: 24)
        try s.open(view: "risk:CS-03")
        for _ in 0..<50 { s = press(s, .pageDown) }
        let bottom = s.top.scroll
        XCTAssertGreaterThan(bottom, 0)
        XCTAssertLessThan(bottom, 100, "clamped to the content, not 400")
        s = press(s, .pageDown)
        XCTAssertEqual(s.top.scroll, bottom)
        s = press(s, .pageUp)
        XCTAssertLessThan(s.top.scroll, bottom, "one PgUp after paging past the end moves at once")
    }

    func testSelectionIsVisibleAsSoonAsAPageOpens() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .down, .down, .enter)
        XCTAssertTrue(screen(s).components(separatedBy: "\n").last!.contains("Enter open CS-01"))
        let buf = AppView.render(s, theme: .monochrome, glyphs: .unicode)
        let row = (0..<buf.height).first { y in buf.lines[y].contains("CS-01") && buf[2, y].style.underline && buf[2, y].style.bold }
        XCTAssertNotNil(row, "the linked risk Enter would open is highlighted")
    }

    func testBreadcrumbKeepsItsEnd() throws {
        var s = try sampleState(width: 80, height: 24)
        for _ in 0..<6 { s = press(s, .down, .down, .enter, .enter, .enter) }
        let crumb = screen(s).components(separatedBy: "\n")[1]
        XCTAssertTrue(crumb.hasPrefix(" … › "), crumb)
        XCTAssertTrue(crumb.trimmingCharacters(in: .whitespaces).hasSuffix(s.breadcrumb.last!), crumb)
    }

    func testSortBySPCPutsSpecialCauseConcernFirst() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .char("s"), .char("s"))
        XCTAssertEqual(s.sortOrder, .concernFirst)
        XCTAssertTrue(screen(s).contains("sorted: special cause concern first"))
        for panel in s.dataset.panels.indices {
            let list = s.visibleIndicators(panel: panel)
            let ranks = list.map { SortOrder.variationRank(SPCVerdict.of($0.indicator, upTo: $0.currentIndex)) }
            XCTAssertEqual(ranks, ranks.sorted(), "panel \(panel): concern first, then the others")
            if ranks.contains(0) { XCTAssertEqual(ranks.first, 0) }
        }
        XCTAssertTrue((0..<s.dataset.panels.count).contains { p in
            s.visibleIndicators(panel: p).contains { SPCVerdict.of($0.indicator, upTo: $0.currentIndex)?.variation == .concern }
        }, "the sample has a special cause concern to put first")
        s = press(s, .char("s"))
        XCTAssertEqual(s.sortOrder, .failFirst)
        XCTAssertTrue(screen(s).contains("sorted: will miss target first"))
        var fails = 0
        for panel in s.dataset.panels.indices {
            let list = s.visibleIndicators(panel: panel)
            let verdicts = list.map { SPCVerdict.of($0.indicator, upTo: $0.currentIndex) }
            let ranks = verdicts.map(SortOrder.assuranceRank)
            XCTAssertEqual(ranks, ranks.sorted(), "panel \(panel): fail, then hit and miss, pass, none")
            fails += verdicts.filter { $0?.assurance == .fail }.count
            // Within one assurance, worst first.
            for r in Set(ranks) {
                let same = list.indices.filter { ranks[$0] == r }.map { list[$0] }
                XCTAssertEqual(same.map(\.indicator.id), Worst.sorted(same).map(\.indicator.id))
            }
        }
        XCTAssertGreaterThan(fails, 0, "the sample has an indicator whose process will miss its target")
        s = press(s, .char("s"))
        XCTAssertEqual(s.sortOrder, .listed, "s goes round to the listed order")
    }

    func testSortByGapPutsTheWorstFirstAndMarksWhatBecameWorse() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .char("s"))
        let list = s.visibleIndicators(panel: 0)
        let gaps = list.compactMap(\.relativeGap)
        XCTAssertEqual(gaps, gaps.sorted())
        XCTAssertEqual(list.first?.status, .worse)
        XCTAssertTrue(screen(s).contains("sorted: worst first"))
        s = press(s, .escape)
        XCTAssertEqual(s.sortOrder, .listed, "Esc on the overview clears the sort with the filters")
        let decisions = s.card.indicator("initial-decisions")!
        XCTAssertTrue(decisions.becameWorse, "within in Q1, worse in Q2")
        XCTAssertTrue(screen(s).contains("✗▾⇩~ Initial decisions"))
    }

    func testCountsWorstFirstEverywhere() throws {
        let s = try sampleState(width: 160, height: 48)
        let text = screen(s)
        XCTAssertTrue(text.components(separatedBy: "\n")[0].contains("✗14 ≈7 ✓5"))
        XCTAssertTrue(text.contains("✗6 ≈2 ✓1"))
        // Coloured in every panel, focused or not.
        let buf = AppView.render(s, theme: .standard, glyphs: .unicode)
        let y = (0..<buf.height).first { buf.lines[$0].contains("2 Children in care") }!
        let x = Array(buf.lines[y]).lastIndex(of: "✗")!
        XCTAssertEqual(buf[x, y].style.fg, Theme.standard[.worse].fg)
    }

    func testCutTextEndsWithAnEllipsis() {
        var buf = Buffer(width: 10, height: 1)
        buf.put(0, 0, "owner: Dinah Smith", limit: 9)
        XCTAssertEqual(buf.lines[0], "owner: D… ")
        buf.put(0, 0, "Title     ", limit: 5)
        XCTAssertEqual(String(buf.lines[0].prefix(5)), "Title", "trailing spaces cut are no loss")
        buf.put(0, 0, "tab\tand\nnewline")
        XCTAssertEqual(buf.lines[0], "tab and n…")
    }
}
