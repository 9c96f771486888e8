import CsdashCore
import Foundation
import XCTest

/// The drafts for every indicator and risk of the sample at Q2 2021/22: the whole text against SampleDrafts,
/// and the facts of the Q2 2021/22 report's fourteen paragraphs that the sample's data carries.
final class CommentaryGoldenTests: XCTestCase {
    func card() throws -> Scorecard {
        Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
    }

    func testEveryDraftMatchesTheGolden() throws {
        let card = try card()
        var indicators: [(String, [String])] = [], risks: [(String, [String])] = []
        for e in card.indicators { indicators.append((e.indicator.id, Commentary.draft(e, in: card.dataset).sentences)) }
        for r in card.risks { risks.append((r.risk.id, Commentary.draft(r, in: card).sentences)) }
        XCTAssertEqual(indicators.count, SampleDrafts.indicators.count, "one draft per indicator")
        XCTAssertEqual(risks.count, SampleDrafts.risks.count, "one draft per risk")
        var differ = false
        for (id, s) in indicators where SampleDrafts.indicators[id] != s {
            differ = true
            XCTFail("\(id): \(s) is not \(SampleDrafts.indicators[id] ?? [])")
        }
        for (id, s) in risks where SampleDrafts.risks[id] != s {
            differ = true
            XCTFail("\(id): \(s) is not \(SampleDrafts.risks[id] ?? [])")
        }
        if differ, ProcessInfo.processInfo.environment["CSDASH_UPDATE_GOLDEN"] == "1" {
            try rewrite(indicators: indicators, risks: risks)
        }
    }

    /// Paragraph by paragraph, the report's facts that csdash holds, as the draft words them.
    func testTheReportsFactsAreDrafted() throws {
        let card = try card()
        let facts: [(String, String)] = [
            ("audits-ri", "Improved slightly from 89% to 90% in Q2 21/22."),                                     // 1
            ("audits-ri", "Moved from better than target to within tolerance of target (91%) because the target rose from 88% to 91%."),
            ("audits-good", "from 44% to 38%"),
            ("initial-decisions", "from 88.2% to 81.2%"),                                                       // 2
            ("initial-decisions", "than a year earlier (92.4% in Q2 20/21)."),
            ("initial-decisions", "worse than target (90.0%)."),
            ("initial-visits", "from 87.7% in Q4 19/20 to 69.5%."),                                             // 3
            ("s47-visits", "worse than target (85%)."),
            ("assessments", "Improved from 81.0% to 83.4%"),
            ("assessments", "within tolerance of target (85.0%)."),
            ("re-referrals", "Remained similar at 24.4% in Q2 21/22 (24.5% in Q1 21/22)."),                      // 4
            ("re-referrals", "Remains worse than target (22.5%)."),
            ("re-referrals-month", "Better than target in 4 of the last 5 months."),
            ("repeat-cpp", "than a year earlier (32.8% in Q2 20/21)."),                                          // 5
            ("repeat-cpp", "South West (22.3%) and Statistical neighbours (23.3%)"),
            ("repeat-admissions", "Remains better than target (8.0%)."),                                         // 6
            ("repeat-admissions", "Better than England (11.4%) in Q2 21/22."),
            ("in-house-foster", "worse than target (70%)."),                                                    // 7
            ("long-stability", "Remains better than target (65.0%)."),
            ("cs-turnover", "Worse than Council (11.7%) in Q2 21/22."),                                          // 8
            ("sw-turnover", "Up for the fourth quarter running, from 11.2% in Q2 20/21 to 22.1%."),
            ("open-cases", "The highest level in the figures, which start in Q1 19/20."),
            ("caseload-target", "The lowest level in the figures, which start in Q1 19/20."),
            ("neet-16-17", "Improved from 2.3% to 1.3% in Q2 21/22."),                                          // 9
            ("neet-16-17", "Better than England (4.5%) in Q2 21/22."),
            ("care-leavers-neet", "Improved sharply from 51.9% to 45.1% in Q2 21/22."),
            ("cla-persistent-absence", "Worse than a year earlier (14.8% in Q2 20/21)."),                        // 10
            ("ehcp-rate", "Up for the fifth quarter running, from 23.2 per 1,000 in Q1 20/21 to 26.6 per 1,000."), // 11
            ("perm-exclusions", "than a year earlier (8 in Q2 20/21)."),                                          // 12
            ("good-schools", "Unchanged at 85.6% in Q2 21/22."),                                                 // 13
        ]
        for (id, fact) in facts {
            let e = try XCTUnwrap(card.indicator(id), id)
            let text = Commentary.draft(e, in: card.dataset).text
            XCTAssertTrue(text.contains(fact), "\(id): '\(fact)' not in '\(text)'")
        }
        let risks: [(String, String)] = [
            ("CS-01", "Remains rated as Moderate (8)"),                                                         // 1
            ("CS-02", "Remains rated as Moderate (12)"),                                                        // 7
            ("CS-03", "Increased from Moderate (8) to Moderate (12) in Q2 21/22."),                              // 8
            ("CS-04", "Remains rated as Moderate (12)"),                                                        // 14
        ]
        for (id, fact) in risks {
            let text = Commentary.draft(try XCTUnwrap(card.risk(id), id), in: card).text
            XCTAssertTrue(text.contains(fact), "\(id): '\(fact)' not in '\(text)'")
        }
    }

    /// Writes SampleDrafts.swift from what the drafts say now.
    func rewrite(indicators: [(String, [String])], risks: [(String, [String])]) throws {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func table(_ name: String, _ rows: [(String, [String])]) -> [String] {
            ["    static let \(name): [String: [String]] = ["]
                + rows.flatMap { id, s in ["        \(quoted(id)): ["] + s.map { "            \(quoted($0))," } + ["        ],"] }
                + ["    ]"]
        }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SampleDrafts.swift")
        let head = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n").prefix(3)
        let lines = Array(head) + table("indicators", indicators) + [""] + table("risks", risks) + ["}", ""]
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
    }
}
