import CsdashCore
@testable import CsdashUI
import XCTest

/// Indicators with a target and no value ("no data") on the dashboard and the wall: the sample without its
/// workforce history (five such indicators).
final class NoDataViewTests: XCTestCase {
    func withoutWorkforce() throws -> Dataset {
        var ds = try DataDirectory.load(sampleDir).dataset
        for i in ds.indicators.indices where ds.indicators[i].panel == "workforce"
            && !["vacancy-rate", "agency-rate"].contains(ds.indicators[i].id) {
            ds.indicators[i].history = []
        }
        return ds
    }

    func testHeaderCountsNoDataInWordsAndTheProblemsListNamesThem() throws {
        let ds = try withoutWorkforce()
        var s = AppState(dataset: ds, asAt: ds.openingQuarter!, width: 120, height: 40)
        let header = AppView.render(s, theme: .monochrome, glyphs: .unicode).lines[0]
        XCTAssertTrue(header.hasSuffix("✗12 ≈4 ✓5  ∅5 no data "), header)
        let ascii = AppView.render(s, theme: .monochrome, glyphs: .ascii).lines[0]
        XCTAssertTrue(ascii.contains("?5 no data"), ascii)
        let noData = s.problemList.filter { $0.message.hasPrefix("no data: ") }
        XCTAssertEqual(noData.map(\.subject), ["cs-turnover", "sw-turnover", "caseload-target", "avg-caseload", "supervision"]
            .map { Subject.indicator($0) })
        XCTAssertTrue(noData.allSatisfy { $0.severity == .warning })
        s = update(s, .key(.char("!")))
        let page = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(page.contains("Data problems: 0 errors, 5 warnings"), page)
        XCTAssertTrue(page.contains("no data: 'Children's Services staff turnover' (cs-turnover) has a target"), page)
        XCTAssertFalse(page.contains("no target"), page)
    }

    func testCompleteDataShowsNoCount() throws {
        let s = try sampleState()
        XCTAssertFalse(AppView.render(s, theme: .monochrome, glyphs: .unicode).lines[0].contains("no data"))
        XCTAssertTrue(s.card.noDataWarnings.isEmpty)
    }

    func testWallNamesThemInABannerAndOnTheirTiles() throws {
        let s = try wallState(withoutWorkforce(), width: 120, height: 40)
        let page = try XCTUnwrap(s.pages.firstIndex { $0.kind == .panel("workforce") })
        var w = s
        w.pageIndex = page
        let lines = WallView.render(w, theme: .monochrome, glyphs: .unicode).lines
        let banner = try XCTUnwrap(lines.first { $0.contains("NO DATA") }, lines.joined(separator: "\n"))
        XCTAssertTrue(banner.hasPrefix(" ∅ 5 NO DATA for Q2 21/22: CS staff turnover, Social worker turnover"), banner)
        XCTAssertTrue(banner.hasSuffix(" and 1 more "), banner)
        let text = lines.joined(separator: "\n")
        XCTAssertEqual(text.components(separatedBy: "│ no data ").count - 1, 5, text)
        XCTAssertFalse(text.contains("no target"), text)
        // Complete data: no banner.
        let full = try wallState(width: 120, height: 40)
        XCTAssertFalse(WallView.render(full, theme: .monochrome, glyphs: .unicode).text.contains("NO DATA"))
    }
}

/// A data error on the wall and the `!` page names its file relative to the data folder, never the server's path.
final class RelativeFileNameTests: XCTestCase {
    func testWallBannerAndProblemsPageNameTheFileRelativeToTheDataFolder() throws {
        let t = NSTemporaryDirectory() + "csdash-rel-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: sampleDir, toPath: t)
        let csv = t + "/history/social-care.csv"
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        try (text + "contacts,2021/22 Q2,abc,,,\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let loaded = try DataDirectory.load(t)
        XCTAssertEqual(loaded.errors.first?.location.file, t + "/history/social-care.csv", "check keeps the whole path")
        var wall = try wallState(loaded.dataset, width: 200, height: 40)
        wall.startProblems = loaded.errors
        let frame = WallView.render(wall, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(frame.contains("1 data problem: history/social-care.csv:112: non-numeric value 'abc'"), frame)
        XCTAssertFalse(frame.contains(t), frame)
        var s = AppState(dataset: loaded.dataset, asAt: loaded.dataset.openingQuarter!, width: 160, height: 40)
        s.problems = loaded.diagnostics
        XCTAssertFalse(AppView.render(s, theme: .monochrome, glyphs: .unicode).text.contains(t))
        s = update(s, .key(.char("!")))
        let page = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(page.contains("history/social-care.csv:112 (column 'value')"), page)
        XCTAssertFalse(page.contains(t), page)
        XCTAssertEqual(SourceLocation(file: "/elsewhere/x.csv", line: 2).relative(to: t).text, "/elsewhere/x.csv:2",
                       "a file outside the folder keeps its path")
    }
}
