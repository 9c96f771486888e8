import CsdashCore
@testable import CsdashUI
import XCTest

/// Every comparator shown says where its figure comes from and for when, right after the figure.
final class ComparatorSourceTests: XCTestCase {
    func testPageLegendAndReportNameTheSourceAndPeriod() throws {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            var s = try sampleState(width: w, height: h)
            try s.open(view: "indicator:re-referrals")
            let text = AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .unicode))
            let lines = text.split(separator: "\n").map(String.init)
            let legend = try XCTUnwrap(lines.first { $0.contains("England 22.7%") && !$0.contains("value for") }, "\(w)x\(h)")
            XCTAssertTrue(legend.contains("(local, Q2 21/22)"), "\(w)x\(h) legend: \(legend)")
            if w >= 120 {
                XCTAssertTrue(text.contains("England 22.7% (local, Q2 21/22)"), "\(w)x\(h): the headline's figure from the history file")
                // The benchmark's figures are the DfE's 2020/21 ones, each saying so (a line may break before one).
                XCTAssertTrue(text.contains("Statistical neighbours 21.3%"), "\(w)x\(h)")
                // (At 120x40 the page scrolls below the third.)
                XCTAssertGreaterThanOrEqual(text.components(separatedBy: "(DfE, 2020/21)").count - 1, w >= 200 ? 3 : 2, "\(w)x\(h)\n\(text)")
            }
        }
        let card = Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
        XCTAssertTrue(ReportFormat.text.render(card, width: 200).contains("Statistical neighbours 23.6% (local, Q2 21/22)"))
        XCTAssertTrue(ReportFormat.markdown.render(card).contains("England 22.7% (local, Q2 21/22)"))
    }

    /// An indicator whose rows `csdash import dfe` wrote (they carry the position columns) gives its comparators
    /// as the DfE's, on the page, in the chart's legend and in the report, never as "local".
    func testImportedRowsNameTheDfE() throws {
        var s = try sampleState(width: 120, height: 40)
        try s.open(view: "indicator:cla-rate")
        let text = AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .unicode))
        let lines = text.split(separator: "\n").map(String.init)
        let headline = try XCTUnwrap(lines.first { $0.contains("value for") }, text)
        XCTAssertTrue(headline.contains("England 69 (DfE, 2020/21)"), headline)
        let legend = try XCTUnwrap(lines.first { $0.contains("● value") }, text)
        XCTAssertTrue(legend.contains("England 69 (DfE, 2020/21)"), legend)
        XCTAssertFalse(text.contains("(local,"), text)
        let card = Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
        XCTAssertTrue(ReportFormat.markdown.render(card).contains("England 69 (DfE, 2020/21)"))
    }
}
