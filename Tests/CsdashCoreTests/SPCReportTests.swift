import CsdashCore
import Foundation
import XCTest

/// The SPC verdict in every report format, on the sample.
final class SPCReportTests: XCTestCase {
    func card() throws -> Scorecard {
        Scorecard(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period("2021/22 Q2")!)
    }

    func testJSONCarriesTheSPCObject() throws {
        let text = ReportFormat.json.render(try card())
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let inds = try XCTUnwrap(obj["indicators"] as? [[String: Any]])
        let decisions = try XCTUnwrap(inds.first { $0["id"] as? String == "initial-decisions" })
        let spc = try XCTUnwrap(decisions["spc"] as? [String: Any])
        XCTAssertEqual(Set(spc.keys), ["mean", "lower", "upper", "variation", "assurance", "too_few", "points"])
        let points = try XCTUnwrap(spc["points"] as? [[String: Any]])
        XCTAssertEqual(points.count, 10, "ten quarters up to Q2 21/22")
        XCTAssertEqual(Set(points[0].keys), ["period", "value", "type"])
        XCTAssertEqual(points.last?["period"] as? String, "2021/22 Q2")
        XCTAssertEqual(points.last?["value"] as? Double, 81.2)
        let values = points.compactMap { $0["value"] as? Double }
        XCTAssertEqual(spc["mean"] as? Double ?? 0, values.reduce(0, +) / 10, accuracy: 1e-9)
        XCTAssertEqual(spc["too_few"] as? Bool, true)
        XCTAssertEqual(spc["variation"] as? String, points.last?["type"] as? String, "the variation is the latest point's type")
        let rate = try XCTUnwrap(inds.first { $0["id"] as? String == "cla-rate" })
        XCTAssertTrue(rate["spc"] is NSNull, "one annual value: no chart")
    }

    func testTablesCarryVariationAndAssurance() throws {
        let c = try card()
        let text = ReportFormat.text.render(c)
        XCTAssertTrue(text.contains("Variation") && text.contains("Assurance"), text)
        XCTAssertTrue(text.contains("hit and miss"))
        let md = ReportFormat.markdown.render(c)
        XCTAssertTrue(md.contains("| Variation | Assurance |"))
        let csv = ReportFormat.csv.render(c).components(separatedBy: "\r\n")
        let head = csv[0].components(separatedBy: ",")
        XCTAssertEqual(Array(head.suffix(7).prefix(5)), ["spc_variation", "spc_assurance", "spc_mean", "spc_lower", "spc_upper"])
        let row = fields(try XCTUnwrap(csv.first { $0.contains(",initial-decisions,") }))
        XCTAssertEqual(row.count, head.count)
        XCTAssertTrue(["common", "improvement", "concern"].contains(row[row.count - 7]))
    }

    /// A CSV line's fields, quotes honoured (the commentary columns hold commas).
    func fields(_ line: String) -> [String] {
        var out = [""], quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { out.append("") } else { out[out.count - 1].append(c) }
        }
        return out
    }
}
