import CsdashCore
import XCTest

/// Partial data: what loaded cleanly is kept, and every indicator whose data failed is marked and not judged.
final class PartialDataTests: XCTestCase {
    let two = oneIndicator + oneIndicator.replacingOccurrences(of: "id: a", with: "id: b")
        .replacingOccurrences(of: "Indicator A", with: "Indicator B")
    let header = "indicator,period,value\n"

    func testABadRowMarksOnlyItsIndicator() throws {
        let d = try TempData(indicators: indicatorsYAML(two),
                             history: ["h.csv": header + "a,2020/21 Q1,91\na,2020/21 Q2,oops\nb,2020/21 Q1,95\nb,2020/21 Q2,96\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertEqual(r.errors[0].subject, .indicator("a"))
        let a = try XCTUnwrap(r.dataset.indicator("a")), b = try XCTUnwrap(r.dataset.indicator("b"))
        XCTAssertTrue(a.dataProblem)
        XCTAssertFalse(b.dataProblem)
        let q2 = Period("2020/21 Q2")!
        let ea = Evaluator.evaluate(a, asAt: q2), eb = Evaluator.evaluate(b, asAt: q2)
        // a's Q2 row failed: its Q1 value must not be shown as current.
        XCTAssertNil(ea.value)
        XCTAssertEqual(ea.status, .none)
        XCTAssertTrue(ea.stale)
        XCTAssertEqual(eb.value, 96)
        XCTAssertEqual(eb.status, .better)
    }

    func testAFileThatStopsPartWayMarksTheIndicatorsItNeverRead() throws {
        // The quote on line 3 is never closed: the rest of the file is one field, b's rows are never read.
        let d = try TempData(indicators: indicatorsYAML(two),
                             history: ["h.csv": header + "a,2020/21 Q1,91\na,2020/21 Q2,\"92\nb,2020/21 Q1,95\nb,2020/21 Q2,96\n"])
        let r = try d.load()
        XCTAssertTrue(r.errors.contains { $0.location.line == 3 && $0.subject == nil }, "\(r.errors)")
        XCTAssertTrue(try XCTUnwrap(r.dataset.indicator("b")).dataProblem, "b's rows came after the failure")
        XCTAssertTrue(try XCTUnwrap(r.dataset.indicator("a")).dataProblem, "a's Q2 row is in the unread part")
    }

    func testAnIndicatorWithABadDefinitionIsMarked() throws {
        let bad = oneIndicator.replacingOccurrences(of: "value: 90", with: "value: ninety")
            + oneIndicator.replacingOccurrences(of: "id: a", with: "id: b")
        let d = try TempData(indicators: indicatorsYAML(bad), history: ["h.csv": header + "a,2020/21 Q1,91\nb,2020/21 Q1,95\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors.map(\.subject), [.indicator("a")], "\(r.errors)")
        XCTAssertTrue(try XCTUnwrap(r.dataset.indicator("a")).dataProblem)
        XCTAssertFalse(try XCTUnwrap(r.dataset.indicator("b")).dataProblem)
    }

    func testWarningsMarkNothing() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator + "    colour: red\n"), history: ["h.csv": header + "a,2020/21 Q1,91\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertFalse(try XCTUnwrap(r.dataset.indicator("a")).dataProblem)
    }

    func testAProblemInARiskMarksTheRisk() throws {
        let risks = "risks:\n  - id: R1\n    title: One\n    target: 40\n  - id: R2\n    title: Two\n"
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), history: ["h.csv": header + "a,2020/21 Q1,91\n"], risks: risks)
        let r = try d.load()
        XCTAssertEqual(r.errors.map(\.subject), [.risk("R1")])
        XCTAssertEqual(r.dataset.risks.map(\.dataProblem), [true, false])
    }

    func testDanglingLinksAreDropped() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator + "    risks: [R9]\n"), history: ["h.csv": header + "a,2020/21 Q1,91\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertEqual(try XCTUnwrap(r.dataset.indicator("a")).risks, [], "the dashboard must not link to a risk that is not there")
    }
}
