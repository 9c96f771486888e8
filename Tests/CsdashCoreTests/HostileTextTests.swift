import CsdashCore
import Foundation
import XCTest

let corpusDir = repoRoot.appendingPathComponent("Tests/Corpus")

/// Hostile and international text in every report format (Tests/Corpus/extreme/hostile-text).
final class HostileReportTests: XCTestCase {
    func card() throws -> Scorecard {
        let r = try DataDirectory.load(corpusDir.appendingPathComponent("extreme/hostile-text").path)
        XCTAssertEqual(r.errors, [])
        return Scorecard(dataset: r.dataset, asAt: r.dataset.latestQuarter!)
    }

    func hostile(_ s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.filter { u in
            u != "\n" && (u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
                || (0x2066...0x2069).contains(u.value) || u.value == 0x200E || u.value == 0x200F)
        }
    }

    func testNoReportFormatCarriesControlOrDirectionCharacters() throws {
        let c = try card()
        for f in ReportFormat.allCases {
            var out = f.render(c)
            if f == .csv { out = out.replacingOccurrences(of: "\r\n", with: "\n") }  // RFC 4180 line ends
            XCTAssertEqual(hostile(out), [], "\(f)")
            XCTAssertTrue(out.contains("Turnover ␛]0;pwned␇␛[2J\u{FFFD}gnp.exe"), "\(f): the title is shown, defused")
            XCTAssertTrue(out.contains("儿童保护计划的重复率（十二个月内）"), "\(f)")
            XCTAssertTrue(out.contains("Family 👨‍👩‍👧‍👦 support 🇬🇧 plans ✅"), "\(f)")
        }
    }

    func testJSONIsValidAndKeepsTheText() throws {
        let json = ReportFormat.json.render(try card())
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(obj["title"] as? String, "Children's ␛[31mServices␛[0m 儿童服务")
        let inds = try XCTUnwrap(obj["indicators"] as? [[String: Any]])
        XCTAssertEqual(inds.map { $0["title"] as? String }, [
            "Turnover ␛]0;pwned␇␛[2J\u{FFFD}gnp.exe", "儿童保护计划的重复率（十二个月内）",
            "Family 👨‍👩‍👧‍👦 support 🇬🇧 plans ✅", "Évaluations complètes (e\u{301} combining, n\u{303}o)",
        ])
        let comps = try XCTUnwrap(inds[0]["comparators"] as? [String: Any])
        XCTAssertEqual(Array(comps.keys), ["Eng␛land"])
    }

    func testJSONEscapesWhatWouldBreakIt() {
        // Straight through the writer: raw controls, C1, line separators and overrides become \u escapes.
        var ds = Dataset(title: "a\u{1B}b\u{9B}c\u{2028}d\u{202E}e\"f\\g")
        ds.panels = []
        let json = ReportFormat.json.render(Scorecard(dataset: ds, asAt: Period("2020/21 Q1")!))
        XCTAssertTrue(json.contains(#""title": "a\u001bb\u009bc\u2028d\u202ee\"f\\g""#), json)
        // With nothing below U+0020 beside them, a line separator or an override is still escaped (a string
        // copied whole had to be printable ASCII), while other text passes as it is.
        for (title, escaped) in [("x\u{2028}y", #"x\u2028y"#), ("x\u{202E}y", #"x\u202ey"#), ("x\u{85}y", #"x\u0085y"#),
                                 ("Café ✓", "Café ✓")] {
            ds.title = title
            let out = ReportFormat.json.render(Scorecard(dataset: ds, asAt: Period("2020/21 Q1")!))
            XCTAssertTrue(out.contains(#""title": ""# + escaped + "\""), out)
        }
    }

    func testTextReportColumnsStayAlignedWithWideCharacters() throws {
        let text = ReportFormat.text.render(try card())
        let lines = text.split(separator: "\n").map(String.init)
        // In the second panel's table, the Period column starts at the same terminal column on every row.
        let rows = lines.filter { $0.contains("Q2 20/21") && !$0.hasPrefix(" ") }  // not the commentary below
        XCTAssertGreaterThanOrEqual(rows.count, 4)
        let columns = Set(rows.map { String($0[..<$0.range(of: "Q2 20/21")!.lowerBound]).displayWidth })
        XCTAssertEqual(columns.count, 2, "one Period column per panel table: \(columns)\n\(text)")
    }

    func testDiagnosticsAreSafeToPrint() throws {
        let d = Diagnostic(.error, SourceLocation(file: "history/\u{1B}[2J.csv", line: 3, column: "v\u{7}"),
                           "unknown indicator '\u{1B}]0;x\u{7}' " + String(repeating: "x", count: 100_000))
        XCTAssertEqual(hostile(d.description), [])
        XCTAssertLessThan(d.description.count, 1000, "a huge value quoted in a message is cut")
        XCTAssertTrue(d.description.hasPrefix("history/␛[2J.csv:3: error: unknown indicator '␛]0;x␇'"), d.description)
    }

    func testSafeText() {
        XCTAssertEqual(SafeText.line("a\r\nb\nc\td\u{2029}e"), "a b c d e")
        XCTAssertEqual(SafeText.paragraphs("a\r\nb\rc\td"), "a\nb\nc d")
        XCTAssertEqual(SafeText.line("\u{0}\u{7}\u{1B}\u{7F}\u{85}\u{9B}\u{200E}\u{202E}\u{2066}"), "␀␇␛␡ \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(SafeText.line("e\u{301} 👨‍👩‍👧 儿童"), "e\u{301} 👨‍👩‍👧 儿童", "joiners, accents and CJK are kept")
        XCTAssertTrue(SafeText.hasHostileCharacters("x\u{202E}"))
        XCTAssertFalse(SafeText.hasHostileCharacters("x\ny\tz"))
    }
}
