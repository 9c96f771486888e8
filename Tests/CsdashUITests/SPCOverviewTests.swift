@testable import CsdashUI
import CsdashCore
import Foundation
import XCTest

/// The overview's SPC columns and the `f` filters by SPC verdict.
final class SPCOverviewTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState { keys.reduce(s) { update($0, .key($1)) } }
    func screen(_ s: AppState, _ g: Glyphs = .unicode) -> String { AppView.render(s, theme: .monochrome, glyphs: g).text }

    func testEveryRowShowsItsVariationAndAssuranceIcons() throws {
        let s = try sampleState(width: 160, height: 48)
        let text = screen(s)
        for e in s.card.indicators where !e.indicator.isBenchmarkSeries {
            let v = SPCAnalysis.of(e.indicator, upTo: e.currentIndex)?.verdict
            let icons = String([Glyphs.unicode.spcVariation(v), Glyphs.unicode.spcAssurance(v)])
            // The name as the column has room for it: the title or the short name.
            let names = [e.indicator.title, e.indicator.short].map { String($0.prefix(12)) }
            XCTAssertTrue(names.contains { text.contains(icons + " " + $0) }, "\(icons) \(names)")
        }
        // Initial decisions: 81.2% after 88.2% and nine quarters around 90%, below the lower limit.
        XCTAssertTrue(text.contains("✗▾⇩~ Initial decisions"))
        let ascii = screen(s, .ascii)
        XCTAssertTrue(ascii.contains("x&!~ Initial decisions"), ascii)
    }

    func testFilterCyclesThroughTheSPCVerdictsAndNamesThem() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .char("f"), .char("f"), .char("f"))
        XCTAssertEqual(s.statusFilter, .spcConcern)
        XCTAssertTrue(screen(s).contains("showing: special cause concern"))
        let concern = (0..<s.dataset.panels.count).flatMap { s.visibleIndicators(panel: $0) }
        XCTAssertFalse(concern.isEmpty)
        XCTAssertTrue(concern.allSatisfy { $0.spc?.variation == .concern })
        let expected = s.card.indicators.filter { !$0.indicator.isBenchmarkSeries && $0.spc?.variation == .concern }
        XCTAssertEqual(Set(concern.map(\.indicator.id)), Set(expected.map(\.indicator.id)))
        s = press(s, .char("f"))
        XCTAssertEqual(s.statusFilter, .spcSpecial)
        let special = (0..<s.dataset.panels.count).flatMap { s.visibleIndicators(panel: $0) }
        XCTAssertGreaterThan(special.count, concern.count)
        XCTAssertTrue(special.allSatisfy { ($0.spc?.variation ?? .common) != .common })
        s = press(s, .char("f"))
        XCTAssertEqual(s.statusFilter, .spcFail)
        let failing = (0..<s.dataset.panels.count).flatMap { s.visibleIndicators(panel: $0) }
        XCTAssertFalse(failing.isEmpty)
        XCTAssertTrue(failing.allSatisfy { $0.spc?.assurance == .fail })
        XCTAssertTrue(screen(s).contains("showing: will miss target"))
        s = press(s, .char("f"))
        XCTAssertEqual(s.statusFilter, .all)
    }
}

/// The indicator page's SPC line and the key that toggles the chart's SPC layers.
final class SPCIndicatorPageTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState { keys.reduce(s) { update($0, .key($1)) } }

    func testTheLineUnderTheHeadlineOpensWithTheVerdict() throws {
        for (size, id) in [((80, 24), "initial-visits"), ((200, 60), "initial-decisions"), ((120, 40), "contacts")] {
            var s = try sampleState(width: size.0, height: size.1)
            try s.open(view: "indicator:\(id)")
            let rows = AppView.render(s, theme: .monochrome, glyphs: .unicode).text.components(separatedBy: "\n")
            let e = try XCTUnwrap(s.card.indicator(id))
            let heading = SPCWords.heading(try XCTUnwrap(e.spc).variation)
            XCTAssertTrue(rows[5].hasPrefix(" " + heading + ": "), "\(id) at \(size): \(rows[5])")
            let words = rows[5...6].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(words.contains("too few to rely on the limits"), "ten quarters, said plainly: \(words)")
        }
    }

    func testVTogglesTheSPCLayersOnTheIndicatorPageOnly() throws {
        var s = try sampleState()
        s = press(s, .char("v"))
        XCTAssertTrue(s.showSPC, "v does nothing on the overview")
        try s.open(view: "indicator:initial-decisions")
        s = press(s, .char("v"))
        XCTAssertFalse(s.showSPC)
        s = press(s, .char("v"))
        XCTAssertTrue(s.showSPC)
    }
}
