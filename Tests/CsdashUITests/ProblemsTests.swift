import CsdashCore
@testable import CsdashUI
import XCTest

/// The data-problems banner, the `!` list, and marked indicators on screen.
final class ProblemsTests: XCTestCase {
    let problems: [Diagnostic] = [
        .warning(SourceLocation(file: "indicators.yaml", line: 3), "unknown key 'colour' in an indicator is ignored"),
        Diagnostic(.error, SourceLocation(file: "history/social-care.csv", line: 11, column: "value"),
                   "non-numeric value 'eighty'", subject: .indicator("contacts")),
        .error(SourceLocation(file: "history/education.csv", line: 63), "quoted field is never closed (missing '\"')"),
    ]

    func state(width: Int = 120, height: Int = 40) throws -> AppState {
        var ds = try DataDirectory.load(sampleDir).dataset
        let i = try XCTUnwrap(ds.indicators.firstIndex { $0.id == "contacts" })
        ds.indicators[i].dataProblem = true
        var s = AppState(dataset: ds, asAt: ds.latestQuarter!, width: width, height: height)
        s.problems = problems
        return s
    }

    func render(_ s: AppState) -> [String] { AppView.render(s, theme: .monochrome, glyphs: .unicode).lines }

    func testBannerWidgetNamesCountFirstProblemAndKey() {
        var buf = Buffer(width: 130, height: 1)
        let banner = ProblemsBanner(problems)
        buf.render(banner, in: buf.area, RenderContext(theme: .standard, glyphs: .unicode))
        let used = banner.width
        XCTAssertEqual(buf.lines[0].trimmingCharacters(in: .whitespaces),
                       "⚠ 2 data problems: history/social-care.csv:11: non-numeric value 'eighty' (column 'value') · ! lists them")
        XCTAssertGreaterThan(used, 0)
        XCTAssertTrue(buf[0, 0].style.reverse)
    }

    func testBannerKeepsCountAndKeyWhenNarrow() {
        var buf = Buffer(width: 40, height: 1)
        buf.render(ProblemsBanner(problems), in: buf.area, RenderContext(theme: .monochrome, glyphs: .unicode))
        let line = buf.lines[0]
        XCTAssertTrue(line.hasPrefix(" ⚠ 2 data problems"), line)
        XCTAssertTrue(line.contains("! lists them"), line)
        XCTAssertLessThanOrEqual(line.count, 40)
    }

    func testNoErrorsNoBanner() {
        var buf = Buffer(width: 60, height: 1)
        let banner = ProblemsBanner(Array(problems.prefix(1)))
        XCTAssertEqual(banner.width, 0)
        buf.render(banner, in: buf.area, RenderContext(theme: .monochrome, glyphs: .unicode))
        XCTAssertEqual(buf.lines[0].trimmingCharacters(in: .whitespaces), "")
    }

    func testOverviewShowsBannerAndMarksTheFailedIndicator() throws {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let lines = render(try state(width: w, height: h))
            XCTAssertTrue(lines[1].contains("⚠ 2 data problems"), "\(w)x\(h): \(lines[1])")
            let row = try XCTUnwrap(lines.first { $0.contains("Contacts ") }, "\(w)x\(h)")
            XCTAssertTrue(row.hasPrefix("│⚠") || row.contains("│⚠ "), row)
            XCTAssertTrue(row.contains("error"), row)
            XCTAssertFalse(row.contains("8,900"), "the failed indicator's value must not show as current: \(row)")
        }
    }

    func testBangListsEveryProblemWithFileAndLineAndEnterOpensItsIndicator() throws {
        var s = update(try state(), .key(.char("!")))
        XCTAssertEqual(s.screen, .problems)
        let text = render(s).joined(separator: "\n")
        XCTAssertTrue(text.contains("Data problems: 2 errors, 1 warning"), text)
        for p in ["history/social-care.csv:11 (column 'value')", "history/education.csv:63", "indicators.yaml:3",
                  "non-numeric value 'eighty'", "unknown key 'colour'"] {
            XCTAssertTrue(text.contains(p), "missing \(p)\n\(text)")
        }
        // Errors come first, in the order found: the first is the one about Contacts.
        s = update(s, .key(.enter))
        XCTAssertEqual(s.screen, .indicator("contacts"))
        let page = render(s).joined(separator: "\n")
        XCTAssertTrue(page.contains("data problem: 1 problem in its data; its value is not shown"), page)
        // A problem about no single item opens nothing.
        s = update(update(s, .key(.escape)), .key(.down))
        s = update(s, .key(.enter))
        XCTAssertEqual(s.screen, .problems)
        s = update(s, .key(.escape))
        XCTAssertEqual(s.screen, .overview)
    }

    func testBangWithNoProblems() throws {
        var s = try sampleState()
        s = update(s, .key(.char("!")))
        let page = render(s).joined(separator: "\n")
        XCTAssertEqual(page.components(separatedBy: "loaded cleanly").count - 1, 1, "said once: " + page)
        XCTAssertTrue(page.contains("No problems: every file loaded cleanly."))
        XCTAssertFalse(render(s)[1].contains("data problem"))
    }
}

/// The wall starts with partial data too: a banner for the start-up problems, marks on the failed tiles,
/// both gone after a clean reload.
final class WallPartialDataTests: XCTestCase {
    func testWallShowsStartProblemsAndMarksTheFailedTile() throws {
        var s = try wallState(width: 160, height: 48)
        var ds = s.dataset
        for i in ds.indicators.indices { ds.indicators[i].dataProblem = true }  // whichever page shows first
        s.replace(ds, newestFile: wallEpoch)
        s.startProblems = [Diagnostic(.error, SourceLocation(file: "data/history/social-care.csv", line: 40),
                                      "non-numeric value 'x'", subject: .indicator("re-referrals"))]
        var text = WallView.render(s, theme: .monochrome, glyphs: .unicode).text
        let top = text.split(separator: "\n").prefix(6).joined(separator: " | ")
        XCTAssertTrue(text.contains("⚠ 1 data problem: data/history/social-care.csv:40: non-numeric value 'x'"), top)
        XCTAssertTrue(text.contains("⚠ data error"), "no tile marked")
        (s, _) = update(s, .reloaded(.loaded(try DataDirectory.load(sampleDir).dataset, newestFile: wallEpoch)), now: wallEpoch)
        text = WallView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertFalse(text.contains("data problem"), "banner still there after a clean reload")
        XCTAssertEqual(s.startProblems, [])
    }
}
