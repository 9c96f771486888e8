import CsdashCore
@testable import CsdashUI
import XCTest

/// What a careful reader noticed on trying every screen: honest baselines, marks that cannot be confused,
/// glyphs every font has, comparators that can always be read, and room used at every size.
final class PolishTests: XCTestCase {
    func screen(_ s: AppState) -> String { AppView.render(s, theme: .monochrome, glyphs: .unicode).text }

    func testRiskScoreSparklineStandsOnZeroNotOnItsMinimum() {
        // 8 then 12 of 25: min..max drew 8 as an empty bar and 12 as full.
        let spark = Sparkline(values: [8, 8, 12], range: 0...25)
        let chars = spark.characters(.unicode)
        XCTAssertEqual(chars, ["▃", "▃", "▄"], "8/25 and 12/25 of eight steps")
        XCTAssertEqual(Sparkline(values: [1, 25], range: 0...25).characters(.unicode), ["▁", "█"])
        // Without a range the shape of the trend is kept (the overview's History column).
        XCTAssertEqual(Sparkline(values: [8, 12]).characters(.unicode), ["▁", "█"])
    }

    func testRiskPageScoreHistoryIsOnTheFixedScaleAndSaysSo() throws {
        var s = try sampleState(width: 80, height: 24)
        try s.open(view: "risk:CS-03")
        let line = screen(s).components(separatedBy: "\n").first { $0.contains("Score history") } ?? ""
        XCTAssertTrue(line.contains("▃▃▃▃▃▃▃▄"), line)
        XCTAssertFalse(line.contains("█"), "12 of 25 is not a full bar: \(line)")
        XCTAssertTrue(line.contains("scale 1-25"), line)
        // CS-02 rose from 9 (3x3) to 12 (3x4) in Q4 19/20: the bars say so.
        try s.open(view: "risk:CS-02")
        let rise = screen(s).components(separatedBy: "\n").first { $0.contains("Score history") } ?? ""
        XCTAssertTrue(rise.contains("▃▃▃▄▄▄"), rise)
    }

    func testBecameWorseHasItsOwnMarkInBothGlyphSets() {
        for g in [Glyphs.unicode, Glyphs.ascii] {
            var others: [Character] = g.spark + [g.better, g.within, g.worse, g.none, g.up, g.down, g.flat, g.stale,
                                                 g.targetLine, g.bandFill, g.bar, g.point, g.targetRule]
            others += g.comparatorMarks + g.targetLevels + Array(g.moreAbove + g.moreBelow + g.ellipsis) + ["!"]
            XCTAssertFalse(others.contains(g.becameWorse), "\(g.becameWorse) is used for something else")
            XCTAssertTrue(HelpView.legend(g, .overview).joined().contains("\(g.becameWorse) became worse"))
        }
        XCTAssertTrue(Glyphs.ascii.becameWorse.isASCII)
    }

    func testTargetMarksAreInEveryCommonMonospaceFont() {
        // WGL4 (Consolas, Liberation Mono, DejaVu Sans Mono, Menlo all cover it): ‾ U+203E, ─ U+2500, _ .
        let wgl4: Set<Character> = ["_", "─", "‾", "-", "^"]
        for g in [Glyphs.unicode, Glyphs.ascii] {
            XCTAssertEqual(g.targetLevels.count, 3)
            XCTAssertTrue(Set(g.targetLevels).isSubset(of: wgl4), "\(g.targetLevels)")
        }
    }

    func testHelpLegendFitsAt80ColumnsAndExplainsThisPagesSymbols() throws {
        var s = try sampleState(width: 80, height: 24)
        s = update(s, .key(.char("?")))
        let text = screen(s)
        XCTAssertTrue(text.contains("became worse"), text)
        XCTAssertTrue(text.contains("the target's level"), text)
        XCTAssertFalse(text.contains("Heat map"), text)
        var reg = try sampleState(width: 80, height: 24)
        try reg.open(view: "risks")
        reg = update(reg, .key(.char("?")))
        let regText = screen(reg)
        XCTAssertTrue(regText.contains("risks the cell has no room to name"), regText)
        XCTAssertTrue(regText.contains("filter by id, title or owner"), regText)
        XCTAssertFalse(regText.contains("History:"), "no sparklines on the register: \(regText)")
        for context in KeyContext.allCases {
            for line in HelpView.legend(.unicode, context, width: 72) { XCTAssertLessThanOrEqual(line.count, 72, line) }
        }
    }

    func testHeaderShortensTheOrganisationInsteadOfCuttingIt() throws {
        let s = try sampleState(width: 80, height: 24)
        let header = screen(s).components(separatedBy: "\n")[0]
        XCTAssertTrue(header.contains("Gloucestershire "), header)
        XCTAssertFalse(header.contains("…"), header)
        XCTAssertEqual(Chrome.shortOrganisation("Gloucestershire County Council"), "Gloucestershire")
        XCTAssertEqual(Chrome.shortOrganisation("London Borough of Camden"), "Camden")
        XCTAssertEqual(Chrome.shortOrganisation("Council"), "Council")
        let wide = try sampleState(width: 200, height: 60)
        XCTAssertTrue(screen(wide).components(separatedBy: "\n")[0].contains("Gloucestershire County Council"))
    }

    func testEveryComparatorInTheLegendCanBeReadEvenUnderTheTargetLine() throws {
        // Re-referrals: England 22.7% and South West 22.7% lie on the target's row (22.5%) at 80x24.
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            var s = try sampleState(width: w, height: h)
            try s.open(view: "indicator:re-referrals")
            let lines = screen(s).components(separatedBy: "\n")
            let legend = lines.prefix { !$0.contains("┤") && !$0.contains("┫") }.joined(separator: "\n")
            for value in ["22.7%", "23.6%"] { XCTAssertTrue(legend.contains(value), "\(w)x\(h): \(legend)") }
            // And the target line is labelled and runs across the plot, comparator marks on it drawn over it.
            XCTAssertTrue(lines.contains { $0.contains("22.5% ┫") && $0.filter { $0 == "━" }.count >= 40 }, "\(w)x\(h)")
        }
    }

    func testOverviewUsesTwoRowsPerIndicatorWhenEveryPanelHasRoom() throws {
        let big = try sampleState(width: 200, height: 60)
        XCTAssertEqual(big.layout.rowHeight, 2)
        XCTAssertGreaterThanOrEqual(big.layout.visibleRows(0), big.visibleIndicators(panel: 0).count)
        for (w, h) in [(80, 24), (120, 40), (160, 48)] {
            XCTAssertEqual(try sampleState(width: w, height: h).layout.rowHeight, 1, "\(w)x\(h)")
        }
        // One panel at a time: the panel shown decides (Social care's 12 do not fit twice in 80x24, Education's 6 do).
        let education = update(try sampleState(width: 80, height: 24), .key(.char("4")))
        XCTAssertEqual(education.panelIndex, 3)
        XCTAssertEqual(education.layout.rowHeight, 2)
        XCTAssertGreaterThanOrEqual(education.layout.visibleRows(3), education.visibleIndicators(panel: 3).count)
        // On two rows the bars are graded twice as finely: some cell on an indicator's upper row holds a bar.
        let lines = screen(big).components(separatedBy: "\n")
        let contacts = try XCTUnwrap(lines.firstIndex { $0.contains("Contacts") })
        XCTAssertTrue(lines[contacts - 1].contains { "▁▂▃▄▅▆▇█".contains($0) }, lines[contacts - 1])
        // The selection covers both rows.
        let styled = AppView.render(big, theme: .monochrome, glyphs: .unicode)
        let line = lines[contacts]
        let x = line.distance(from: line.startIndex, to: try XCTUnwrap(line.range(of: "Contacts")).lowerBound)
        XCTAssertEqual(styled[x, contacts - 1].style, styled[x, contacts].style)
        XCTAssertNotEqual(styled[x, contacts + 1].style, styled[x, contacts].style)
    }

    func testFooterKeepsTwoSpacesBetweenItemsSoANamedLinkReadsApart() throws {
        var s = try sampleState(width: 80, height: 24)
        try s.open(view: "risk:CS-01")
        let footer = screen(s).components(separatedBy: "\n").last!
        XCTAssertTrue(footer.contains("Enter open Initial decisions 24h  Esc back"), footer)
        XCTAssertTrue(footer.contains("? help  q quit"), footer)
    }

    func testScrollMarksSitInTheMarginNotOverTheText() throws {
        var s = try sampleState(width: 80, height: 24)
        try s.open(view: "indicator:initial-decisions")
        let lines = screen(s).components(separatedBy: "\n")
        let marked = try XCTUnwrap(lines.dropLast().last { $0.hasSuffix("▼") })
        XCTAssertEqual(marked.count, 80, "the mark is in the last column, the page's margin")
        XCTAssertEqual(Array(marked)[78], " ", "the page's own last column is left alone: \(marked)")
    }

    func testHeatMapCellListsWhatFitsAndCountsTheRest() {
        XCTAssertEqual(HeatMap.cellLines(["CS-02", "CS-03", "CS-04"], width: 9, rows: 1), ["CS-02 +2"])
        XCTAssertEqual(HeatMap.cellLines(["CS-02", "CS-03", "CS-04"], width: 8, rows: 2), ["CS-02", "+2 more"])
        XCTAssertEqual(HeatMap.cellLines(["CS-02", "CS-03", "CS-04"], width: 11, rows: 2), ["CS-02 CS-03", "CS-04"])
        XCTAssertEqual(HeatMap.cellLines(["A"], width: 5, rows: 2), ["A"])
        XCTAssertEqual(HeatMap.cellLines(["CS-02", "CS-03", "CS-04"], width: 8, rows: 3), ["CS-02", "CS-03", "CS-04"])
    }

    /// With room below the register, the crowded cell grows to name every risk in it instead of counting them.
    func testHeatMapNamesEveryRiskOfACellWhenThereIsRoom() throws {
        var s = try sampleState(width: 120, height: 40)
        try s.open(view: "risks")
        let map = screen(s).components(separatedBy: "\n").drop { !$0.contains("Likelihood") }
        XCTAssertFalse(map.joined().contains("more"), map.joined(separator: "\n"))
        for id in ["CS-02", "CS-03", "CS-04"] { XCTAssertTrue(map.contains { $0.contains(id) }, id) }
    }

    func testRiskRegisterAt200ColumnsShowsWholeTitlesAndOwners() throws {
        var s = try sampleState(width: 200, height: 60)
        try s.open(view: "risks")
        let text = screen(s)
        for r in s.card.risks {
            XCTAssertTrue(text.contains(r.risk.title), r.risk.title)
            XCTAssertTrue(text.contains(r.risk.owner), r.risk.owner)
        }
    }

    func testAnAnnualIndicatorIsWorseForYearsNotQuarters() throws {
        let s = try sampleState(width: 160, height: 48)
        let items = WallAttention.items(s.card)
        let agency = try XCTUnwrap(items.first { $0.evaluation.indicator.id == "agency-rate" })
        XCTAssertTrue(agency.annual)
        XCTAssertEqual(agency.runText(compact: false), "5 years", "2016/17 to 2020/21, each above 18.0%")
        let visits = try XCTUnwrap(items.first { $0.evaluation.indicator.id == "initial-visits" })
        XCTAssertEqual(visits.runText(compact: false), "5 quarters")
    }

    func testRecentValuesOfAnIndicatorWithoutTargetsHaveNoTargetOrStatusColumns() throws {
        var s = try sampleState(width: 100, height: 40)
        try s.open(view: "indicator:contacts")
        let lines = screen(s).components(separatedBy: "\n")
        let head = try XCTUnwrap(lines.first { $0.hasPrefix(" Period") })
        XCTAssertFalse(head.contains("Status"), head)
        XCTAssertFalse(lines.contains { $0.contains("· -") })
        var judged = try sampleState(width: 100, height: 40)
        try judged.open(view: "indicator:initial-decisions")
        XCTAssertTrue(screen(judged).contains("Target  Status"))
    }

    func testWallHeaderShortensTheOrganisationBeforeDroppingIt() throws {
        func header(_ w: Int, _ h: Int) throws -> String {
            WallView.render(try wallState(width: w, height: h), theme: .monochrome, glyphs: .unicode).text
                .components(separatedBy: "\n")[0]
        }
        let mid = try header(100, 30), wide = try header(160, 48)
        XCTAssertTrue(mid.contains("Performance · Gloucestershire "), mid)
        XCTAssertTrue(wide.contains("Gloucestershire County Council"), wide)
    }

    func testOverviewSparklineScaleTakesInTheToleranceBand() {
        // Long-term stability: 68 then 66 against a target of 65 with 3 of tolerance (edge 62). Scaled only
        // to 65..68 the drop nearly empties the bar; with the band it is a third of the band's height.
        let bare = Sparkline(values: [68, 66], target: 65).characters(.unicode)
        let banded = Sparkline(values: [68, 66], target: 65, bandEdge: 62).characters(.unicode)
        XCTAssertEqual(bare, ["█", "▃"])
        XCTAssertEqual(banded, ["█", "▆"])
    }
}
