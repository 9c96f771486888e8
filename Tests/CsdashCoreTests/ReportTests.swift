import CsdashCore
import Foundation
import XCTest

final class ReportTests: XCTestCase {
    func card() throws -> Scorecard {
        Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
    }

    func testJSONHasTheDocumentedShape() throws {
        let text = ReportFormat.json.render(try card())
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(obj.keys), ["title", "organisation", "period", "summary", "indicators", "risks"])
        XCTAssertEqual(obj["period"] as? String, "2021/22 Q2")
        XCTAssertEqual(obj["summary"] as? [String: Double],
                       ["better": 5, "within": 7, "worse": 14, "no_data": 0, "no_target": 7])
        let inds = try XCTUnwrap(obj["indicators"] as? [[String: Any]])
        XCTAssertEqual(Set(inds[0].keys), ["id", "panel", "title", "unit", "period", "value", "target", "tolerance",
                                           "status", "direction", "previous", "comparators", "stale", "benchmark", "spc", "draft",
                                           "commentary"])
        let decisions = try XCTUnwrap(inds.first { $0["id"] as? String == "initial-decisions" })
        XCTAssertEqual(decisions["value"] as? Double, 81.2)
        XCTAssertEqual(decisions["target"] as? Double, 90)
        XCTAssertEqual(decisions["previous"] as? Double, 88.2)
        XCTAssertEqual(decisions["status"] as? String, "worse")
        XCTAssertEqual(decisions["direction"] as? String, "declined")
        XCTAssertEqual(decisions["stale"] as? Bool, false)
        let contacts = try XCTUnwrap(inds.first { $0["id"] as? String == "contacts" })
        XCTAssertTrue(contacts["target"] is NSNull, "missing target is null")
        XCTAssertEqual(decisions["draft"] as? String,
                       Commentary.draft(try XCTUnwrap(try card().indicator("initial-decisions")), in: try card().dataset).text)
        XCTAssertTrue((decisions["commentary"] as? String)?.hasPrefix("Timeliness fell from 88.2% to 81.2%") == true)
        let rerefs = try XCTUnwrap(inds.first { $0["id"] as? String == "re-referrals" })
        XCTAssertEqual((rerefs["comparators"] as? [String: Double])?["England"], 22.7)
        let risks = try XCTUnwrap(obj["risks"] as? [[String: Any]])
        XCTAssertEqual(Set(risks[0].keys), ["id", "title", "score", "rating", "likelihood", "impact", "previous_score", "trend",
                                            "draft", "commentary"])
        let cs03 = try XCTUnwrap(risks.first { $0["id"] as? String == "CS-03" })
        XCTAssertEqual(cs03["score"] as? Int, 12)
        XCTAssertEqual(cs03["previous_score"] as? Int, 8)
        XCTAssertEqual(cs03["trend"] as? String, "up")
        XCTAssertEqual(cs03["draft"] as? String, Commentary.draft(try XCTUnwrap(try card().risk("CS-03")), in: try card()).text)
        XCTAssertTrue((cs03["commentary"] as? String)?.hasPrefix("Greater churn") == true)
        let cs02 = try XCTUnwrap(risks.first { $0["id"] as? String == "CS-02" })
        XCTAssertTrue(cs02["commentary"] is NSNull, "no commentary is null")
        // Keys come in the documented order.
        let order = ["\"title\"", "\"organisation\"", "\"period\"", "\"indicators\"", "\"risks\""]
        let positions = order.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testTextAndMarkdownGroupByPanel() throws {
        let c = try card()
        let text = ReportFormat.text.render(c, width: 200)
        XCTAssertTrue(text.contains("Initial decisions made within 24 hours"))
        XCTAssertTrue(text.contains("81.2%  ≥90.0% (tolerance 2.0pp)  worse"), "one-sided, as judged")
        let socialCare = try XCTUnwrap(text.range(of: "Social care\n===="))
        let education = try XCTUnwrap(text.range(of: "Education\n===="))
        XCTAssertLessThan(socialCare.lowerBound, education.lowerBound)
        XCTAssertTrue(text.contains("CS-03  Insufficient workforce capacity and stability      Moderate 12 (L3 x I4)  up from 8"))
        let md = ReportFormat.markdown.render(c)
        XCTAssertTrue(md.contains("## Children in care"))
        XCTAssertTrue(md.contains("| Children in care with in-house foster carers | Q2 21/22 | 64% | ≥70% (tolerance 2pp) | **worse** |"), md)
    }

    func testCSVReportReadsBack() throws {
        let text = ReportFormat.csv.render(try card())
        let rows = try CSVReader.rows(text)
        let header = rows[0].fields
        XCTAssertEqual(Array(header.prefix(4)), ["record", "panel", "id", "title"])
        let row = try XCTUnwrap(rows.first { $0.fields[2] == "short-stability" }).fields
        XCTAssertEqual(row[header.firstIndex(of: "value")!], "16.2")
        XCTAssertEqual(row[header.firstIndex(of: "status")!], "worse")
        XCTAssertEqual(row[header.firstIndex(of: "England")!], "9")
        XCTAssertEqual(rows.filter { $0.fields[0] == "risk" }.count, 4)
    }
}
