@testable import CsdashCore
import Foundation
import XCTest

/// The board pack's HTML: self-contained, escaped, accessible markup, and small for long series.
final class HTMLReportTests: XCTestCase {
    func sample() throws -> Dataset { try DataDirectory.load(sampleDir).dataset }

    func testThePackIsOneSelfContainedDocument() throws {
        let card = Scorecard(dataset: try sample(), asAt: Period("2021/22 Q2")!)
        let html = ReportFormat.html.render(card)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertNil(html.range(of: #"(src|href)="(?!#)"#, options: .regularExpression), "nothing loads from elsewhere")
        XCTAssertLessThan(html.utf8.count, 2 << 20)
        let charts = html.components(separatedBy: "<svg class=\"chart\" role=\"img\"").count - 1
        XCTAssertEqual(charts, card.indicators.count, "a chart for every indicator")
        XCTAssertEqual(html.components(separatedBy: "<desc id=").count - 1, charts, "each chart described")
        XCTAssertEqual(html.components(separatedBy: "<caption>").count - 1, html.components(separatedBy: "<table").count - 1)
        for part in ["Summary", "Social care", "Risk register", "Since last quarter", "Draft commentary", "Team commentary",
                     "Risk heat map", "Data as at</dt><dd>30 Sep 2021"] {
            XCTAssertTrue(html.contains(part), part)
        }
        // The since-last-quarter page: the stretch target and the workforce risk's rise.
        XCTAssertTrue(html.contains("<th scope=\"row\">Audits judged Requires Improvement or better</th><td>88%</td><td>91%</td>"))
        XCTAssertTrue(html.contains("<td>8</td><td>Moderate (12)</td>"))
    }

    func testDataTextIsEscaped() throws {
        var d = try sample()
        d.indicators[0].title = "<script>alert(1)</script>"
        d.indicators[1].title = "\"><img src=x onerror=alert(1)>"
        d.organisation = "A & B's <council>"
        let html = ReportFormat.html.render(Scorecard(dataset: d, asAt: Period("2021/22 Q2")!))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(html.contains("A &amp; B&#39;s &lt;council&gt;"))
        XCTAssertEqual(HTMLEscape.html("a\u{202E}b\u{7}c\td"), "abc\td", "controls and direction overrides dropped")
    }

    func testLongSeriesAreThinnedKeepingExtremesAndTheLatest() {
        var obs: [Observation] = []
        var p = Period("2000-01")!
        for i in 0..<1000 {
            let v: Double = i == 123 ? 500 : i == 777 ? -500 : Double(i % 17)
            obs.append(Observation(period: p, value: v))
            p = p.next
        }
        let h = History(obs)
        let kept = ChartSeries.thin(h, upTo: 999, keep: [400])
        XCTAssertLessThanOrEqual(kept.count, ChartSeries.maxPoints + 3)
        for i in [0, 123, 400, 777, 999] { XCTAssertTrue(kept.contains(i), "\(i)") }
        XCTAssertEqual(kept, kept.sorted())
        XCTAssertEqual(ChartSeries.thin(h, upTo: 50, keep: []), Array(0...50), "a short series is drawn whole")
    }
}
