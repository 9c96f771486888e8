@testable import CsdashCore
import Foundation
import XCTest

/// The JSON report's writer: numbers in Swift's own shortest form, periods spelled as `canonical`, chart points
/// on one line each, and the streamed report byte for byte the one made whole.
final class JSONWriterTests: XCTestCase {
    func text(_ v: Double?) -> String {
        var b: [UInt8] = []
        JSONNumber.append(v, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    func testNumbersReadBackAndMatchTheStandardForm() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 0.05, 81.2, -3.5, 1.005, 0.0001, 0.00012, 99.99, 1e14, 999_999_999_999.5,
                                1e15, 1e16, 123_456.7891, 1.0 / 3, .pi, 1e-5, 5e-324, .greatestFiniteMagnitude]
        for _ in 0..<20_000 {
            let decimals = Int.random(in: 0...6, using: &rng)
            let whole = Double(Int.random(in: -10_000_000...10_000_000, using: &rng))
            values.append(whole / PowersOfTen.values[decimals])
        }
        for v in values {
            let t = text(v)
            XCTAssertEqual(Double(t), v, "\(t) reads back as \(v)")
            let standard = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
            XCTAssertEqual(t, standard, "\(v)")
        }
        XCTAssertEqual(text(.nan), "null")
        XCTAssertEqual(text(.infinity), "null")
        XCTAssertEqual(text(nil), "null")
    }

    func testPeriodBytesAreTheCanonicalSpelling() {
        var periods: [Period] = []
        for y in [0, 7, 221, 999, 1000, 1999, 2021, 9998, 9999, 10_000, -5] {
            periods += (1...12).map { Period.month(year: y, month: $0) }
            periods += (1...4).map { Period.quarter(startYear: y, quarter: $0) }
            periods.append(.financialYear(startYear: y))
        }
        for p in periods {
            var b: [UInt8] = []
            p.appendCanonical(to: &b)
            XCTAssertEqual(String(decoding: b, as: UTF8.self), p.canonical)
        }
    }

    func testInlineObjectsStayOnOneLine() {
        let w = JSONWriter()
        w.object {
            w.key("points")
            w.array {
                for k in 0..<2 {
                    w.inlineObject {
                        w.key("period"); w.string("2021-0\(k + 1)")
                        w.key("value"); w.number(Double(k) + 0.5)
                    }
                }
            }
            w.key("empty"); w.inlineObject {}
        }
        XCTAssertEqual(w.text, """
        {
          "points": [
            {"period": "2021-01", "value": 0.5},
            {"period": "2021-02", "value": 1.5}
          ],
          "empty": {}
        }
        """)
    }

    func testElementsWrittenApartJoinAsIfWrittenInPlace() {
        func body(_ w: JSONWriter, _ k: Int) { w.object { w.key("k"); w.number(Double(k)) } }
        let whole = JSONWriter()
        whole.array { for k in 0..<3 { body(whole, k) } }
        let joined = JSONWriter()
        joined.array {
            for k in 0..<3 {
                let at = joined.position
                let part = JSONWriter(elementAt: at, first: at.atFirstElement, capacity: 0)
                body(part, k)
                joined.append(element: part.output)
            }
        }
        XCTAssertEqual(joined.text, whole.text)
    }

    /// A report of 150 indicators of 400 months streams out in more than one part (a megabyte each, batches of
    /// 64 indicators worked out on all cores) and reads back whole: every indicator in order, every chart point
    /// with its period and value, on one line each.
    func testStreamedReportHoldsEveryIndicatorAndPoint() throws {
        let indicators = 150, months = 400
        var text = "indicator,period,value\n"
        for i in 0..<indicators {
            for m in 0..<months { text += "i\(i),\(1990 + m / 12)-\(m % 12 < 9 ? "0" : "")\(m % 12 + 1),\((m * 7 + i) % 100).5\n" }
        }
        let blocks = (0..<indicators).map {
            "  - {id: i\($0), panel: p, title: I\($0), unit: percent, polarity: higher, frequency: monthly, target: 50}"
        }.joined(separator: "\n")
        let data = try TempData(indicators: indicatorsYAML(blocks), history: ["h.csv": text])
        let dataset = try data.load().dataset
        let card = Scorecard(dataset: dataset, asAt: try XCTUnwrap(dataset.openingQuarter))
        var parts: [[UInt8]] = []
        ReportFormat.json.write(card) { parts.append(Array($0)) }
        XCTAssertGreaterThan(parts.count, 2, "written in parts")
        let bytes = Data(parts.joined())
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let inds = try XCTUnwrap(obj["indicators"] as? [[String: Any]])
        XCTAssertEqual(inds.map { $0["id"] as? String }, card.indicators.map(\.indicator.id))
        for (json, e) in zip(inds, card.indicators) {
            let a = try XCTUnwrap(e.spc)
            let points = try XCTUnwrap((json["spc"] as? [String: Any])?["points"] as? [[String: Any]])
            XCTAssertEqual(points.map { $0["period"] as? String }, a.points.map(\.period.canonical))
            XCTAssertEqual(points.map { $0["value"] as? Double }, a.points.map(\.value))
            XCTAssertEqual(points.map { $0["type"] as? String }, a.points.map(\.type.rawValue))
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains(#"{"period": "#) }.count, indicators * months, "one line per point")
    }
}
