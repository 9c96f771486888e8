import CsdashCore
import Foundation
import XCTest

/// Words in the reports that cannot be misread, output a spreadsheet cannot run, and text that fits its width.
final class ReportWordsTests: XCTestCase {
    func card(_ ds: Dataset? = nil) throws -> Scorecard {
        Scorecard(dataset: try ds ?? DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
    }

    func row(_ text: String, _ title: String) throws -> String {
        try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(title) }.map(String.init), title)
    }

    /// The Direction column says the movement and the judgement; JSON keeps its `direction` field.
    func testDirectionSaysTheMovementAndTheJudgement() throws {
        let c = try card()
        let text = ReportFormat.text.render(c, width: 200), md = ReportFormat.markdown.render(c)
        // Social worker turnover rose from 19.8% to 22.1% (lower is better).
        let turnover = try row(text, "Children's social worker turnover"), decisions = try row(text, "Initial decisions")
        let rereferrals = try row(text, "Re-referrals within 12 months  ")
        XCTAssertTrue(turnover.hasSuffix("up, worse"), turnover)
        XCTAssertTrue(decisions.hasSuffix("down, worse"), decisions)
        XCTAssertTrue(rereferrals.hasSuffix("down, better"), rereferrals)
        // The tables, not the commentary beneath them (indented), whose sentences give the figures either side.
        let tables = text.split(separator: "\n").filter { !$0.hasPrefix("  ") }.joined(separator: "\n")
        XCTAssertFalse(tables.contains("declined") || tables.contains("improved"), "no judgement without the movement")
        XCTAssertTrue(md.contains("| **worse** | down, worse |"), md)
        XCTAssertTrue(ReportFormat.json.render(c).contains("\"direction\": \"declined\""))
        XCTAssertEqual(c.indicator("contacts")?.movementWords, "up", "no polarity: the movement alone")
        let exclusions = try row(text, "Permanent exclusions")
        XCTAssertTrue(exclusions.hasSuffix("up, worse"), "9 to 13, lower is better: \(exclusions)")
    }

    /// A text report fits its width, every line, and loses no word of a title to it.
    func testTextReportFitsItsWidthWithoutCutting() throws {
        let c = try card()
        for width in [60, 80, 100, 140] {
            let text = ReportFormat.text.render(c, width: width)
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(String(line).displayWidth, width, "\(width): \(line)")
            }
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            for e in c.indicators {
                for w in e.indicator.title.split(separator: " ") {
                    XCTAssertTrue(words.contains(String(w)), "\(width): '\(w)' of \(e.indicator.title)")
                }
            }
        }
        XCTAssertEqual(ReportFormat.text.render(c), ReportFormat.text.render(c, width: 100), "100 columns by default")
    }

    func testWordWrapSplitsLongWordsButNeverCuts() {
        XCTAssertEqual(WordWrap.lines("a board paper for the director", width: 12), ["a board", "paper for", "the director"])
        let long = WordWrap.lines("https://example.org/a/very/long/path", width: 10)
        XCTAssertEqual(long.joined(), "https://example.org/a/very/long/path")
        XCTAssertTrue(long.allSatisfy { $0.displayWidth <= 10 })
        XCTAssertEqual(WordWrap.lines("one\n\ntwo", width: 10), ["one", "", "two"])
    }

    /// OWASP CSV injection: text that a spreadsheet would run gets a leading quote; numbers stay numbers.
    func testCSVCellsCannotRunAsFormulas() throws {
        var ds = try DataDirectory.load(sampleDir).dataset
        let i = try XCTUnwrap(ds.indicators.firstIndex { $0.id == "initial-decisions" })
        ds.indicators[i].title = "=HYPERLINK(\"http://evil.example\",\"click\")"
        let j = try XCTUnwrap(ds.indicators.firstIndex { $0.id == "contacts" })
        ds.indicators[j].title = "-2+3+cmd|' /C calc'!A0"
        let rows = try CSVReader.rows(ReportFormat.csv.render(try card(ds)))
        let header = rows[0].fields
        let title = header.firstIndex(of: "title")!
        XCTAssertEqual(rows.first { $0.fields[2] == "initial-decisions" }?.fields[title], "'=HYPERLINK(\"http://evil.example\",\"click\")")
        XCTAssertEqual(rows.first { $0.fields[2] == "contacts" }?.fields[title], "'-2+3+cmd|' /C calc'!A0")
        for r in rows.dropFirst() {
            for cell in r.fields {
                guard let f = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) else { continue }
                XCTAssertNotNil(Double(cell), "only a number may begin with \(f): \(cell)")
            }
        }
        // A negative value stays a number.
        let withNegative = ReportFormat.csv.render(try card(negated(ds)))
        XCTAssertTrue(withNegative.contains(",-81.2,"), "negative numbers are left alone")
    }

    func negated(_ ds: Dataset) -> Dataset {
        var d = ds
        let i = d.indicators.firstIndex { $0.id == "initial-decisions" }!
        d.indicators[i].history = History(d.indicators[i].history.map { o in
            var o = o
            o.value = o.value.map { -$0 }
            return o
        })
        return d
    }
}
