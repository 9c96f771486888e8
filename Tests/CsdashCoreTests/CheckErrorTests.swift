import CsdashCore
import XCTest

/// Every error `csdash check` reports, with its file and line.
final class CheckErrorTests: XCTestCase {
    let header = "indicator,period,value,England\n"

    func testCleanDirectoryHasNoErrors() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator),
                             history: ["a.csv": header + "a,2020/21 Q1,81.2%,\"80\"\na,2020/21 Q2,c,x\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors, [])
        let a = try XCTUnwrap(r.dataset.indicator("a"))
        XCTAssertEqual(a.history.map(\.value), [81.2, nil], "a suppressed value is kept as not available")
        XCTAssertEqual(a.history[0].comparator(0), 80)
        XCTAssertNil(a.history[1].comparator(0))
    }

    func testUnknownIndicatorInHistory() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), history: ["a.csv": header + "a,2020/21 Q1,1,\nzz,2020/21 Q1,1,\n"])
        XCTAssertEqual(try d.errors(), ["history/a.csv:3: error: unknown indicator 'zz' (not in indicators.yaml) (column 'indicator')"])
    }

    func testDuplicateIndicatorPeriodRows() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator),
                             history: ["a.csv": header + "a,2020/21 Q1,1,\n", "b.csv": header + "a,Q1 2020/21,2,\n"])
        XCTAssertEqual(try d.errors(), ["history/b.csv:2: error: duplicate row for indicator 'a' and period 2020/21 Q1 (first at history/a.csv:2) (column 'period')"])
    }

    func testUnknownPanel() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator.replacingOccurrences(of: "panel: p", with: "panel: nope")))
        XCTAssertEqual(try d.errors(), ["indicators.yaml:7: error: indicator 'a': unknown panel 'nope'"])
    }

    func testLinkToUnknownRiskAndIndicator() throws {
        let ind = oneIndicator + "    risks: [R1, R9]\n"
        let risks = "risks:\n  - id: R1\n    title: One\n    indicators:\n      - a\n      - b\n"
        let d = try TempData(indicators: indicatorsYAML(ind), risks: risks)
        XCTAssertEqual(try d.errors(), [
            "indicators.yaml:15: error: indicator 'a' links to unknown risk 'R9'",
            "risks.yaml:6: error: risk 'R1' links to unknown indicator 'b'",
        ])
    }

    func testNonNumericValueNamesItsColumn() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator),
                             history: ["a.csv": header + "a,2020/21 Q1,eighty,\na,2020/21 Q2,1,n.a.\n"])
        XCTAssertEqual(try d.errors(), [
            "history/a.csv:2: error: non-numeric value 'eighty' (column 'value')",
            "history/a.csv:3: error: non-numeric value 'n.a.' (column 'England')",
        ])
    }

    func testLikelihoodOrImpactOutsideOneToFive() throws {
        let risks = """
        risks:
          - id: R1
            title: One
            history:
              - {period: "2020/21 Q1", likelihood: 6, impact: 4}
              - {period: "2020/21 Q2", likelihood: 2, impact: 0}

        """
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), risks: risks)
        XCTAssertEqual(try d.errors(), [
            "risks.yaml:5: error: risk 'R1': likelihood 6 is outside 1-5",
            "risks.yaml:6: error: risk 'R1': impact 0 is outside 1-5",
        ])
    }

    func testUnreadablePeriods() throws {
        let bad = oneIndicator.replacingOccurrences(of: "from: \"2020/21 Q1\"", with: "from: \"Spring 2020\"")
        let d = try TempData(indicators: indicatorsYAML(bad), history: ["a.csv": header + "a,2020 Q1,1,\n"])
        XCTAssertEqual(try d.errors(), [
            "indicators.yaml:14: error: target from: unreadable period 'Spring 2020' (use 2021-09, 2021/22 Q2 or 2021/22)",
            "history/a.csv:2: error: unreadable period '2020 Q1' (use 2021-09, 2021/22 Q2 or 2021/22) (column 'period')",
        ])
    }

    func testTargetsOutOfPeriodOrder() throws {
        let ind = oneIndicator + "      - {from: \"2019/20 Q1\", value: 80}\n"
        let d = try TempData(indicators: indicatorsYAML(ind))
        XCTAssertEqual(try d.errors(), ["indicators.yaml:15: error: indicator 'a': targets not in period order (2019/20 Q1 comes after 2020/21 Q1)"])
    }

    func testPeriodFormMustMatchFrequency() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), history: ["a.csv": header + "a,2020-09,1,\na,2020/21,2,\n"])
        XCTAssertEqual(try d.errors(), [
            "history/a.csv:2: error: period '2020-09' is a month, but indicator 'a' is quarterly (expects a quarter) (column 'period')",
            "history/a.csv:3: error: period '2020/21' is a financial year, but indicator 'a' is quarterly (expects a quarter) (column 'period')",
        ])
    }

    func testMalformedFilesAndRows() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), history: [
            "a.csv": "indicator,value\na,1\n",
            "b.csv": header + "a,2020/21 Q1,1\na,2020/21 Q2,\"2\n",
        ])
        XCTAssertEqual(try d.errors(), [
            "history/a.csv:1: error: header lacks required column 'period'",
            "history/b.csv:2: error: row has 3 fields, the header has 4",
            "history/b.csv:3: error: quoted field is never closed (missing '\"')",
        ])
    }

    func testYAMLProblemsHaveLines() throws {
        let bad = oneIndicator.replacingOccurrences(of: "unit: percent", with: "unit: percentage")
            .replacingOccurrences(of: "decimals: 1", with: "decimals: 1\n    colour: red")
        let d = try TempData(indicators: indicatorsYAML(bad))
        let r = try d.load()
        XCTAssertEqual(r.errors.map { $0.description.replacingOccurrences(of: d.path + "/", with: "") },
                       ["indicators.yaml:9: error: indicator 'a': unit 'percentage' is not one of: percent, count, rate, number, days"])
        XCTAssertTrue(r.warnings.contains { $0.description.hasSuffix("indicators.yaml:11: warning: unknown key 'colour' in an indicator is ignored") })

        let syntax = try TempData(indicators: "title: x\npanels: [\n  - a\nindicators: {")
        XCTAssertEqual(try syntax.errors().count, 1)
        XCTAssertTrue(try syntax.errors()[0].hasPrefix("indicators.yaml:"))
    }

    func testMissingDirectoryAndIndicatorsFile() throws {
        XCTAssertThrowsError(try DataDirectory.load("/nonexistent/csdash")) { e in
            XCTAssertEqual(e as? LoadFailure, .directoryMissing("/nonexistent/csdash"))
        }
        let d = try TempData(indicators: "")
        try FileManager.default.removeItem(atPath: d.path + "/indicators.yaml")
        XCTAssertThrowsError(try DataDirectory.load(d.path)) { e in
            XCTAssertEqual(e as? LoadFailure, .indicatorsMissing(d.path + "/indicators.yaml"))
        }
        // A directory one level too high: the message names the data directory inside it.
        try FileManager.default.createDirectory(atPath: d.path + "/council", withIntermediateDirectories: true)
        try Data("panels: []\n".utf8).write(to: URL(fileURLWithPath: d.path + "/council/indicators.yaml"))
        XCTAssertThrowsError(try DataDirectory.load(d.path)) { e in
            XCTAssertEqual(e as? LoadFailure, .indicatorsMissing(d.path + "/indicators.yaml", inside: [d.path + "/council"]))
            XCTAssertTrue("\(e)".hasSuffix("indicators.yaml is missing (a data directory inside it: \(d.path)/council)"), "\(e)")
        }
    }

    func testColumnsMatchByNameInAnyOrderAndCase() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator),
                             history: ["a.csv": "\u{FEFF}England,VALUE,Period,Indicator\r\n70,\"1,234.5\",2020/21 Q1,a\r\n"])
        let r = try d.load()
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.dataset.indicator("a")?.history.first?.value, 1234.5)
        XCTAssertEqual(r.dataset.comparatorNames, ["England"])
    }
}
