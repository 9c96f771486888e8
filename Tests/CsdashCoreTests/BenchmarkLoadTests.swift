import CsdashCore
import Foundation
import XCTest

/// How an annual benchmark attaches to a quarterly indicator, the reserved rank columns, and authorities/*.csv.
final class BenchmarkLoadTests: XCTestCase {
    let local = """
      - id: a
        panel: p
        title: Local quarterly
        unit: percent
        polarity: lower
        frequency: quarterly
        benchmark: a-dfe

    """
    let series = """
    benchmarks:
      - id: a-dfe
        title: Annual from the DfE
        unit: percent
        polarity: lower
        comparators: [England, Statistical neighbours]

    """
    let history = "indicator,period,value,England,Statistical neighbours,neighbours_contributing,rank,rank_of,quartile,neighbour_rank,neighbour_rank_of\n"
        + "a-dfe,2020/21,30.2,22.7,21.31,10,141,149,4,10,11\n"
        + "a-dfe,2021/22,24.5,21.5,20.06,10,126,150,4,9,11\n"
        + "a,2021/22 Q2,24.4,,,,,,,,\n"

    func data(indicators: String? = nil, history h: String? = nil, authorities: String? = nil) throws -> TempData {
        let d = try TempData(indicators: indicators ?? indicatorsYAML(local) + series, history: ["dfe.csv": h ?? history])
        if let authorities {
            try FileManager.default.createDirectory(atPath: d.path + "/authorities", withIntermediateDirectories: true)
            try authorities.write(toFile: d.path + "/authorities/dfe.csv", atomically: true, encoding: .utf8)
        }
        return d
    }

    func testQuarterlyIndicatorShowsItsAnnualBenchmarkAsAtTheQuarter() throws {
        let d = try data(authorities: "indicator,period,old_la_code,new_la_code,la_name,value,group\n"
                         + "a-dfe,2020/21,916,E1,Glos,30.2,self\na-dfe,2020/21,865,E2,Wilts,14.3,neighbour\na-dfe,2020/21,1,E3,X,20,\n")
        let result = try d.load()
        XCTAssertEqual(result.errors, [])
        let card = Scorecard(dataset: result.dataset, asAt: Period("2021/22 Q2")!)
        XCTAssertEqual(card.indicators.map(\.indicator.id), ["a"], "a benchmark series is not a panel row")
        let b = try XCTUnwrap(card.indicator("a")?.benchmark(in: result.dataset))
        // As at Q2 2021/22 the latest year that has ended is 2020/21 (to 31 March 2021).
        XCTAssertEqual(b.observation.period, Period("2020/21"))
        XCTAssertEqual(b.observation.value, 30.2)
        XCTAssertEqual(b.position, BenchmarkPosition(rank: 141, rankOf: 149, quartile: 4, neighbourRank: 10,
                                                     neighbourRankOf: 11, neighboursContributing: 10))
        XCTAssertEqual(b.words, "10th of 11 with its neighbours · 4th quartile nationally (rank 141 of 149)")
        XCTAssertEqual(b.comparators(in: result.dataset).map(\.value), [22.7, 21.31])
        XCTAssertEqual(b.authorities(in: result.dataset).map(\.group), [.own, .neighbour, .other])
        // A year on, 2021/22 is in force.
        let later = Scorecard(dataset: result.dataset, asAt: Period("2022/23 Q1")!)
        XCTAssertEqual(later.indicator("a")?.benchmark(in: result.dataset)?.position.rank, 126)
        XCTAssertEqual(result.dataset.comparatorSeriesNames, ["England", "Statistical neighbours"])
    }

    func testRankAndQuartileInEveryReportFormat() throws {
        let ds = try data().load().dataset
        let card = Scorecard(dataset: ds, asAt: Period("2021/22 Q2")!)
        XCTAssertTrue(ReportFormat.text.render(card).contains("20/21 30.2%: rank 141/149, Q4, SN 10/11"))
        XCTAssertTrue(ReportFormat.markdown.render(card).contains("| 20/21 30.2%: rank 141/149, Q4, SN 10/11 |"))
        let csv = try CSVReader.rows(ReportFormat.csv.render(card))
        let head = csv[0].fields, row = csv[1].fields
        XCTAssertFalse(head.contains("rank_of") && head.filter { $0 == "rank" }.count > 1, "reserved columns are not comparators")
        let cell = Dictionary(uniqueKeysWithValues: zip(head, row))
        XCTAssertEqual(cell["benchmark"], "a-dfe")
        XCTAssertEqual(cell["benchmark_period"], "2020/21")
        XCTAssertEqual(cell["rank"], "141")
        XCTAssertEqual(cell["quartile"], "4")
        XCTAssertEqual(cell["neighbour_rank_of"], "11")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(card).utf8)) as? [String: Any])
        let ind = try XCTUnwrap((json["indicators"] as? [[String: Any]])?.first)
        let bench = try XCTUnwrap(ind["benchmark"] as? [String: Any])
        XCTAssertEqual(bench["period"] as? String, "2020/21")
        XCTAssertEqual(bench["rank"] as? Int, 141)
        XCTAssertEqual(bench["quartile"] as? Int, 4)
        XCTAssertEqual((bench["comparators"] as? [String: Double])?["England"], 22.7)
    }

    func testLinkErrors() throws {
        let quarterly = indicatorsYAML(local + """
          - id: b
            panel: p
            title: B
            unit: count
            polarity: lower
            frequency: quarterly
            benchmark: a

        """) + series
        XCTAssertEqual(try data(indicators: quarterly).errors(), [
            "indicators.yaml:19: error: indicator 'b': benchmark 'a' is quarterly; a benchmark is an annual series (frequency: annual, or listed under benchmarks:)",
        ])
        let unknown = indicatorsYAML(local.replacingOccurrences(of: "benchmark: a-dfe", with: "benchmark: nope")) + series
        XCTAssertEqual(try data(indicators: unknown).errors(), [
            "indicators.yaml:12: error: indicator 'a': benchmark 'nope' is not an indicator or benchmark series",
        ])
        let monthly = indicatorsYAML(local) + series + "    frequency: monthly\n    panel: p\n"
        XCTAssertEqual(try data(indicators: monthly).errors(), [
            "indicators.yaml:20: error: indicator 'a-dfe': a benchmark series has no panel (it shows on the page of the indicator that names it)",
            "indicators.yaml:19: error: indicator 'a-dfe': a benchmark series is annual (one figure per DfE reporting year), not monthly",
        ])
        let units = indicatorsYAML(local) + series.replacingOccurrences(of: "unit: percent", with: "unit: rate")
        XCTAssertEqual(try data(indicators: units).errors(), ["indicators.yaml:12: error: indicator 'a' is percent but its benchmark 'a-dfe' is rate"])
        let reserved = indicatorsYAML(local) + series.replacingOccurrences(of: "[England,", with: "[rank, England,")
        XCTAssertEqual(try data(indicators: reserved).errors(), ["indicators.yaml:14: error: indicator 'a-dfe': 'rank' is a reserved rank column, not a comparator"])
    }

    /// A series dated by a census day (`as_at: 30 September`, the workforce census) says so wherever its year is
    /// shown, instead of "the year to 31 March"; a bad day or a quarterly indicator with one is an error at its line.
    func testCensusSeriesIsDatedByItsCensusDay() throws {
        let yaml = indicatorsYAML(local) + series + "    as_at: 30 September\n"
        let result = try data(indicators: yaml).load()
        XCTAssertEqual(result.errors, [])
        let ds = result.dataset
        let census = try XCTUnwrap(ds.indicator("a-dfe"))
        XCTAssertEqual(census.benchmarkDate, BenchmarkDate(day: 30, month: 9))
        let year = try XCTUnwrap(Period("2020/21"))
        XCTAssertEqual(census.benchmarkYear(year), "census at 30 September 2021")
        XCTAssertEqual(census.benchmarkYearShort(year), "30 Sep 2021")
        XCTAssertEqual(census.benchmarkYearColumn(year), "Sep 21")
        XCTAssertEqual(ComparatorSource.dfe(year, census), "(DfE, 30 Sep 2021)")
        let card = Scorecard(dataset: ds, asAt: Period("2021/22 Q2")!)
        let e = try XCTUnwrap(card.indicator("a"))
        XCTAssertTrue(Commentary.draft(e, in: ds).sentences.contains { $0.hasPrefix("In 20/21 (census, 30 Sep 2021): 30.2%") },
                      Commentary.draft(e, in: ds).text)
        XCTAssertTrue(ReportFormat.text.render(card).contains("20/21 (census 30 Sep 2021) 30.2%: rank 141/149"))
        let plain = try XCTUnwrap(try data().load().dataset.indicator("a-dfe"))
        XCTAssertEqual(plain.benchmarkYear(year), "year to 31 March 2021")
        XCTAssertEqual(ComparatorSource.dfe(year, plain), "(DfE, 2020/21)")

        XCTAssertEqual(try data(indicators: indicatorsYAML(local) + series + "    as_at: 31 June\n").errors(), [
            "indicators.yaml:19: error: indicator 'a-dfe': as_at must be a day and month such as 30 September, not '31 June'",
        ])
        let quarterly = indicatorsYAML(local.replacingOccurrences(of: "benchmark: a-dfe", with: "as_at: 30 Sep")) + series
        XCTAssertEqual(try data(indicators: quarterly).errors(), [
            "indicators.yaml:12: error: indicator 'a': as_at is for annual figures dated by a census day (30 September), not quarterly ones",
        ])
        XCTAssertEqual(BenchmarkDate("30 sep"), BenchmarkDate(day: 30, month: 9))
        XCTAssertNil(BenchmarkDate("30"))
        XCTAssertNil(BenchmarkDate("0 March"))
        XCTAssertNil(BenchmarkDate("September 30"))
    }

    func testReservedColumnsMustBeWholeNumbersInRange() throws {
        let bad = history.replacingOccurrences(of: "141,149,4,10,11", with: "150,149,5,1.5,11")
        XCTAssertEqual(try data(history: bad).errors(), [
            "history/dfe.csv:2: error: neighbour_rank must be a whole number, not 1.5 (column 'neighbour_rank')",
            "history/dfe.csv:2: error: rank 150 is not between 1 and rank_of 149 (column 'rank')",
            "history/dfe.csv:2: error: quartile must be 1 to 4, not 5 (column 'quartile')",
        ])
    }

    func testAuthoritiesFileErrors() throws {
        let text = "indicator,period,old_la_code,la_name,value,group\n"
            + "zz,2020/21,1,A,3,\n" + "a-dfe,2020/21 Q1,1,A,3,\n" + "a-dfe,2020/21,1,A,three,\n" + "a-dfe,2020/21,1,A,3,us\n"
            + "a-dfe,2020/21,1,A,c,\n"
        XCTAssertEqual(try data(authorities: text).errors(), [
            "authorities/dfe.csv:2: error: unknown indicator 'zz' (not in indicators.yaml) (column 'indicator')",
            "authorities/dfe.csv:3: error: period '2020/21 Q1' is a quarter; authority values are annual (2021/22) (column 'period')",
            "authorities/dfe.csv:4: error: non-numeric value 'three' (column 'value')",
            "authorities/dfe.csv:5: error: group 'us' is not one of: self, neighbour, or empty (column 'group')",
        ])
        XCTAssertEqual(try data(authorities: "indicator,period,value\n").errors(),
                       ["authorities/dfe.csv:1: error: header lacks required column 'group'"])
    }

    /// The authorities file is read before the indicator list is known (beside indicators.yaml), and its problems are
    /// settled afterwards: a row naming an unknown indicator is reported for that alone, every such row, in row
    /// order among the other rows' problems; its values are not kept.
    func testAuthoritiesUnknownIndicatorsSettledAfterReading() throws {
        let text = "indicator,period,old_la_code,la_name,value,group\n"
            + "zz,2020/21 Q1,1,A,three,us\n" + "zz,2020/21,1,A,4,\n" + "a-dfe,2020/21,1,A,three,\n"
            + "a-dfe,2020/21,1,A\n" + "zz,2020/21,1,A,5,\n" + "a-dfe,2020/21,916,G,7,self\n" + "a,2020/21,1,A,8,\n"
        let d = try data(authorities: text)
        XCTAssertEqual(try d.errors(), [
            "authorities/dfe.csv:2: error: unknown indicator 'zz' (not in indicators.yaml) (column 'indicator')",
            "authorities/dfe.csv:3: error: unknown indicator 'zz' (not in indicators.yaml) (column 'indicator')",
            "authorities/dfe.csv:4: error: non-numeric value 'three' (column 'value')",
            "authorities/dfe.csv:5: error: row has 4 fields, the header has 6",
            "authorities/dfe.csv:6: error: unknown indicator 'zz' (not in indicators.yaml) (column 'indicator')",
        ])
        let values = try d.load().dataset.authorityValues
        XCTAssertNil(values["zz"], "an unknown indicator's values are not kept")
        XCTAssertEqual(values["a-dfe"]?[Period("2020/21")!]?.map(\.value), [7])
        XCTAssertEqual(values["a"]?[Period("2020/21")!]?.map(\.value), [8], "a known indicator's values are kept")
    }

    /// Quoted fields (a name with a comma, a quoted value and id), CRLF and CR line ends, blank lines, a
    /// byte-order mark and a last line without a break: the unquoted rows and the quoted rows read alike.
    func testAuthoritiesFileLayouts() throws {
        let text = "\u{FEFF}indicator,period,old_la_code,la_name,value,group\r\n"
            + "a-dfe,2020/21,916,\"Gloucestershire, County\",7.5,self\r\n\r\n"
            + "\"a-dfe\",2020/21,801,Bristol,\"8\",neighbour\r"
            + "a-dfe,2020/21,802, Somerset ,9,neighbour\n"
            + "a-dfe,2020/21,803,Devon,\"1,234\",\n\n"
            + "a-dfe,2021/22,916,Glos,10,self"
        let d = try data(authorities: text)
        XCTAssertEqual(try d.errors(), [])
        let values = try d.load().dataset.authorityValues["a-dfe"]
        XCTAssertEqual(values?[Period("2020/21")!]?.map(\.value), [7.5, 8, 9, 1234])
        XCTAssertEqual(values?[Period("2020/21")!]?.map(\.name), ["Gloucestershire, County", "Bristol", "Somerset", ""])
        XCTAssertEqual(values?[Period("2020/21")!]?.map(\.group), [.own, .neighbour, .neighbour, .other])
        XCTAssertEqual(values?[Period("2021/22")!]?.map(\.code), ["916"])
        // Line numbers after CR-only and quoted rows.
        let bad = "indicator,period,old_la_code,la_name,value,group\r" + "a-dfe,2020/21,1,\"A\nB\",3,\r"
            + "a-dfe,2020/21,1,A,xyz,\r\n" + "a-dfe,2020/21,1,\"A\"B,3,\n"
        XCTAssertEqual(try data(authorities: bad).errors(), [
            "authorities/dfe.csv:4: error: non-numeric value 'xyz' (column 'value')",
            "authorities/dfe.csv:5: error: unexpected text after a closing quote",
        ])
    }

    /// Two files with values for the same indicator: the first file's are handed over whole, the second's are
    /// added after them (a year in both keeps both files' values, in file order).
    func testAuthoritiesFromTwoFilesAreBothKept() throws {
        let header = "indicator,period,old_la_code,la_name,value,group\n"
        let d = try data(authorities: header + "a-dfe,2020/21,916,Glos,7,self\n" + "a-dfe,2020/21,1,A,8,\n"
                                      + "a-dfe,2021/22,916,Glos,9,self\n")
        try (header + "a-dfe,2021/22,2,B,10,\n" + "a-dfe,2022/23,2,B,11,\n")
            .write(toFile: d.path + "/authorities/more.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.errors(), [])
        let values = try d.load().dataset.authorityValues["a-dfe"]
        XCTAssertEqual(values?[Period("2020/21")!]?.map(\.value), [7, 8])
        XCTAssertEqual(values?[Period("2021/22")!]?.map(\.value), [9, 10], "dfe.csv's value, then more.csv's")
        XCTAssertEqual(values?[Period("2022/23")!]?.map(\.value), [11])
        XCTAssertEqual(values?[Period("2021/22")!]?.map(\.group), [.own, .other])
    }

    func testOpensAt() throws {
        let yaml = indicatorsYAML(local).replacingOccurrences(of: "organisation: Org\n", with: "organisation: Org\nopens_at: \"2021/22 Q1\"\n") + series
        XCTAssertEqual(try data(indicators: yaml).load().dataset.opensAt, Period("2021/22 Q1"))
        let bad = yaml.replacingOccurrences(of: "\"2021/22 Q1\"", with: "soon")
        XCTAssertEqual(try data(indicators: bad).errors(), ["indicators.yaml:3: error: opens_at: unreadable period 'soon' (use 2021-09, 2021/22 Q2 or 2021/22)"])
    }

    func testSampleShowsRealDfEFiguresBesideTheQuarterlyIndicator() throws {
        let ds = try DataDirectory.load(sampleDir).dataset
        let card = Scorecard(dataset: ds, asAt: Period("2021/22 Q4")!)
        let b = try XCTUnwrap(card.indicator("re-referrals")?.benchmark(in: ds))
        XCTAssertEqual(b.observation.period, Period("2021/22"))
        XCTAssertEqual(b.observation.value, 24.5)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: b.comparators(in: ds).map { ($0.name, $0.value) }),
                       ["England": 21.5, "South West": 22.6, "Statistical neighbours": 20.06])
        XCTAssertEqual(b.position.rank, 126)
        XCTAssertEqual(b.authorities(in: ds).count, 150)
        XCTAssertEqual(b.authorities(in: ds).filter { $0.group == .neighbour }.count, 10)
        for id in ["re-referrals", "repeat-cpp", "cla-rate", "short-stability", "long-stability", "sw-turnover",
                   "vacancy-rate", "agency-rate", "avg-caseload"] {
            XCTAssertNotNil(card.indicator(id)?.benchmark(in: ds)?.position.quartile, id)
        }
    }
}

final class BenchmarkWordsTests: XCTestCase {
    func testWordsForEachPolarity() {
        let p = BenchmarkPosition(rank: 59, rankOf: 150, quartile: 2, neighbourRank: 8, neighbourRankOf: 11)
        XCTAssertEqual(p.neighbourWords(), "8th of 11 with its neighbours")
        XCTAssertEqual(p.nationalWords(), "2nd quartile nationally (rank 59 of 150)")
        XCTAssertEqual(p.neighbourWords(polarity: .neutral), "8th lowest of 11 with its neighbours")
        XCTAssertEqual(p.nationalWords(polarity: .neutral), "2nd quartile from the lowest nationally (59th lowest of 150)")
        XCTAssertNil(BenchmarkPosition(rank: 3).nationalWords())
        XCTAssertEqual(p.cells, ["", "59", "150", "2", "8", "11"])
    }
}
