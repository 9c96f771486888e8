import CsdashCore
import Foundation
import XCTest

let sampleDfE = repoRoot.appendingPathComponent("sample-data/dfe").path
let sampleMapping = sampleDfE + "/gloucestershire.yaml"

/// Imports with the sample mapping from the real DfE files in sample-data/dfe/.
func importSample(_ la: String = "916") throws -> DfEImport.Output {
    let text = try String(contentsOfFile: sampleMapping, encoding: .utf8)
    let mapping = try XCTUnwrap(ImportMapping.parse(text, file: "gloucestershire.yaml").mapping)
    let files = try FileManager.default.contentsOfDirectory(atPath: sampleDfE).filter { $0.hasSuffix(".csv") }
        .map { DfEImport.InputFile(path: sampleDfE + "/" + $0, display: $0) }
    return try DfEImport.run(mapping: mapping, files: files, authority: la)
}

/// The history rows of an import as dictionaries keyed by column name.
func rows(_ csv: String) throws -> [[String: String]] {
    let all = try CSVReader.rows(csv)
    let head = all[0].fields
    return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(head, $0.fields)) }
}

/// Figures read by hand from the published files (sample-data/dfe/, unchanged copies of ../shared/dfe-data/).
final class DfEImportRealFileTests: XCTestCase {
    func testReReferralsYearToMarch2022() throws {
        let out = try importSample()
        let r = try XCTUnwrap(try rows(out.history).first { $0["indicator"] == "re-referrals-dfe" && $0["period"] == "2021/22" })
        XCTAssertEqual(r["value"], "24.5")
        XCTAssertEqual(r["England"], "21.5")
        XCTAssertEqual(r["South West"], "22.6")
        // Neighbours 865 14.3, 800 14.7, 938 25.6, 873 22.3, 878 19.5, 838 16.8, 893 13.8, 850 35.7, 803 16.7, 885 21.2.
        XCTAssertEqual(r["Statistical neighbours"], "20.06")
        XCTAssertEqual(r["neighbours_contributing"], "10")
        // 125 of the 150 authorities with a value had fewer re-referrals; 8 neighbours were lower.
        XCTAssertEqual(r["rank"], "126")
        XCTAssertEqual(r["rank_of"], "150")
        XCTAssertEqual(r["quartile"], "4")
        XCTAssertEqual(r["neighbour_rank"], "9")
        XCTAssertEqual(r["neighbour_rank_of"], "11")
    }

    func testWorkforceAndChildrenInCare() throws {
        let all = try rows(try importSample("E10000013").history)
        func row(_ id: String, _ p: String) throws -> [String: String] {
            try XCTUnwrap(all.first { $0["indicator"] == id && $0["period"] == p }, "\(id) \(p)")
        }
        // csww 2021 (reporting year, filed 2020/21): Gloucestershire vacancy 15.8, England 16.7, South West 16.4.
        let v = try row("vacancy-rate", "2020/21")
        XCTAssertEqual([v["value"], v["England"], v["South West"]], ["15.8", "16.7", "16.4"])
        // Agency rate 2022: Gloucestershire 29.8, England 17.6.
        let a = try row("agency-rate", "2021/22")
        XCTAssertEqual([a["value"], a["England"]], ["29.8", "17.6"])
        // Children looked after per 10,000 on 31 March 2021: Gloucestershire 62, England 67.
        let c = try row("cla-rate", "2020/21")
        XCTAssertEqual(c["value"], "62")
        XCTAssertEqual(c["South West"], "58")
        // The csww file starts in 2017, the placement file in 2021, the C1 file in 2013.
        XCTAssertEqual(all.filter { $0["indicator"] == "sw-turnover-dfe" }.first?["period"], "2016/17")
        XCTAssertEqual(all.filter { $0["indicator"] == "short-stability-dfe" }.first?["period"], "2020/21")
        XCTAssertEqual(all.filter { $0["indicator"] == "re-referrals-dfe" }.first?["period"], "2012/13")
    }

    func testCommittedSampleEqualsAFreshImport() throws {
        let out = try importSample()
        let history = try String(contentsOfFile: sampleDir + "/history/dfe.csv", encoding: .utf8)
        let authorities = try String(contentsOfFile: sampleDir + "/authorities/dfe.csv", encoding: .utf8)
        XCTAssertTrue(history == out.history, "sample-data/gloucestershire/history/dfe.csv differs from a fresh import: run make sample-data")
        XCTAssertTrue(authorities == out.authorities, "sample-data/gloucestershire/authorities/dfe.csv differs from a fresh import: run make sample-data")
    }

    func testAuthorityByCodeOrNameAndNearMatches() throws {
        for q in ["916", "E10000013", "gloucestershire", " GLOUCESTERSHIRE "] {
            XCTAssertEqual(try importSample(q).authority.name, "Gloucestershire", q)
        }
        XCTAssertThrowsError(try importSample("Gloucester")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("no local authority 'Gloucester'"), text)
            XCTAssertTrue(text.contains("Gloucestershire (916, E10000013)"), text)
            XCTAssertTrue(text.contains("South Gloucestershire (803, E06000025)"), text)
        }
        XCTAssertThrowsError(try importSample("961")) { e in
            XCTAssertTrue("\(e)".contains("Gloucestershire (916"), "\(e)")
        }
    }

    func testAJointRowStandsForEachAuthorityItNames() throws {
        // The workforce file reports North and West Northamptonshire together as '940 / 941' from 2021.
        let out = try importSample("940")
        XCTAssertTrue(out.warnings.contains { $0.message.contains("reported jointly") && $0.message.contains("(940 / 941)") },
                      "\(out.warnings)")
        let all = try rows(out.history)
        let r = try XCTUnwrap(all.first { $0["indicator"] == "vacancy-rate" && $0["period"] == "2024/25" })
        XCTAssertEqual(r["value"], "25.9")
        XCTAssertNotEqual(r["rank"], "")
        // Neighbours 941 (in the joint row, so not a neighbour of it), 891 10.1, 860 19.9, 925 5.7, 830 9.9,
        // 909 (Cumbria, gone by 2025), 886 14.4, 885 12.4, 935 9.1, 937 4.7: eight, mean 86.2 / 8.
        XCTAssertEqual(r["neighbours_contributing"], "8")
        XCTAssertEqual(r["Statistical neighbours"], "10.775")
    }

    func testAnAuthorityWithoutNeighboursIsWarnedAndLeftEmpty() throws {
        // Cumberland (942) was created in 2023, after the April 2021 groupings.
        let out = try importSample("942")
        XCTAssertTrue(out.warnings.contains { $0.message.contains("no statistical neighbour group") }, "\(out.warnings)")
        let r = try XCTUnwrap(try rows(out.history).first { $0["indicator"] == "re-referrals-dfe" && $0["period"] == "2023/24" })
        XCTAssertEqual(r["Statistical neighbours"], "")
        XCTAssertNotEqual(r["rank"], "")
    }
}

/// Small files that exercise one rule each.
final class DfEImportRuleTests: XCTestCase {
    let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,pct"

    func run(_ files: [String: String], mapping: String, la: String = "101") throws -> DfEImport.Output {
        let dir = NSTemporaryDirectory() + "csdash-dfe-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (n, t) in files { try Data(t.utf8).write(to: URL(fileURLWithPath: dir + "/" + n)) }
        let parsed = ImportMapping.parse(mapping, file: "map.yaml")
        guard let m = parsed.mapping else { throw ImportError(.none, parsed.diagnostics.map(\.description).joined(separator: "\n")) }
        return try DfEImport.run(mapping: m, files: files.keys.sorted().map { .init(path: dir + "/" + $0, display: $0) }, authority: la)
    }

    let map = """
        neighbours: sn.csv
        indicators:
          - id: x
            file: data.csv
            measure: pct
            filters: {category: All}
            polarity: lower
        """
    let sn = "\u{FEFF}LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,\n"
        + "101,Alpha,101,1,North,102,Close,103,Close,104,Close,,,,,,,,,,,,,,,\n"
        + ",,,,,,,,,,,,,,,,,,,,,,,,,\n,Old SNs:,,,,,,,,,,,,,,,,,,,,,,,,\n"

    func la(_ year: String, _ code: String, _ name: String, _ v: String, region: String = "North") -> String {
        "\(year),Reporting year,Local authority,E92000001,England,E1,\(region),\(code),E0\(code),\(name),All,\(v)\n"
    }

    func data(_ extra: String = "") -> String {
        header + "\n2022,Reporting year,National,E92000001,England,\"\",\"\",,\"\",\"\",All,20\n"
            + "2022,Reporting year,Regional,E92000001,England,E1,North,,,,All,21\n"
            + la("2022", "101", "Alpha", "30") + la("2022", "102", "Beta", "c") + la("2022", "103", "Gamma", "10")
            + la("2022", "104", "Delta", "20") + la("2022", "105", "Epsilon", "30") + la("2022", "106", "Zeta", "x") + extra
    }

    func testNeighbourMeanIgnoresSuppressedAndRanksShareTies() throws {
        let out = try run(["data.csv": data(), "sn.csv": sn], mapping: map)
        let r = try XCTUnwrap(try rows(out.history).first)
        XCTAssertEqual(r["period"], "2021/22")
        XCTAssertEqual(r["value"], "30")
        XCTAssertEqual(r["England"], "20")
        XCTAssertEqual(r["North"], "21")
        XCTAssertEqual(r["Statistical neighbours"], "15", "mean of 10 and 20; Beta is suppressed")
        XCTAssertEqual(r["neighbours_contributing"], "2")
        // Values 10, 20, 30, 30 (lower is better): Alpha and Epsilon tie at 3rd, of 4 with a value.
        XCTAssertEqual(r["rank"], "3")
        XCTAssertEqual(r["rank_of"], "4")
        XCTAssertEqual(r["quartile"], "3")
        XCTAssertEqual(r["neighbour_rank"], "3")
        XCTAssertEqual(r["neighbour_rank_of"], "3")
        // The every-authority file marks us and our neighbours, and leaves out the suppressed.
        let everyone = try rows(out.authorities)
        XCTAssertEqual(everyone.map { $0["la_name"]! }, ["Alpha", "Gamma", "Delta", "Epsilon"])
        XCTAssertEqual(everyone.map { $0["group"]! }, ["self", "neighbour", "neighbour", ""])
    }

    func testColumnOrderByteOrderMarkAndCRLF() throws {
        // la_name before new_la_code, as in the children-looked-after files, with a BOM and CRLF.
        let reordered = "\u{FEFF}category,pct,time_identifier,time_period,geographic_level,old_la_code,la_name,new_la_code,region_name\r\n"
            + "All,20,Reporting year,2022,National,,,,\r\n"
            + "All,25.5,Reporting year,2022,Local authority,101,Alpha,E0101,North\r\n"
            + "All,u,Reporting year,2021,Local authority,101,Alpha,E0101,North\r\n"
        let m = map.replacingOccurrences(of: "neighbours: sn.csv\n", with: "")
        let out = try run(["data.csv": reordered], mapping: m, la: "alpha")
        let all = try rows(out.history)
        XCTAssertEqual(all.map { $0["period"]! }, ["2020/21", "2021/22"])
        XCTAssertEqual(all[0]["value"], "u", "the suppression code is kept as published")
        XCTAssertEqual(all[0]["rank"], "", "no value, no rank")
        XCTAssertEqual(all[1]["value"], "25.5")
        XCTAssertEqual(all[1]["England"], "20")
        XCTAssertEqual(all[1]["rank"], "1")
    }

    func testHigherPolarityRanksTheHighestFirst() throws {
        let out = try run(["data.csv": data(), "sn.csv": sn], mapping: map.replacingOccurrences(of: "polarity: lower", with: "polarity: higher"))
        let r = try XCTUnwrap(try rows(out.history).first)
        XCTAssertEqual(r["rank"], "1")
        XCTAssertEqual(r["quartile"], "1")
    }

    func expectError(_ files: [String: String], mapping: String? = nil, la: String = "101", _ parts: [String],
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try run(files, mapping: mapping ?? map, la: la), file: file, line: line) { e in
            for p in parts { XCTAssertTrue("\(e)".contains(p), "'\(p)' not in: \(e)", file: file, line: line) }
        }
    }

    func testErrorsNameTheFileAndLineAndListWhatExists() {
        expectError(["data.csv": data(), "sn.csv": sn], mapping: map.replacingOccurrences(of: "measure: pct", with: "measure: pcnt"),
                    ["map.yaml:3: error", "no measure column 'pcnt' in data.csv", "its columns: category, pct"])
        expectError(["data.csv": data(), "sn.csv": sn], mapping: map.replacingOccurrences(of: "category: All", with: "category: Some"),
                    ["map.yaml:3", "no row of data.csv has category 'Some'", "its values: 'All'"])
        expectError(["data.csv": data(), "sn.csv": sn], mapping: map.replacingOccurrences(of: "{category: All}", with: "{kind: All}"),
                    ["no filter column 'kind' in data.csv"])
        expectError(["data.csv": data(la("2022", "107", "Eta", "12%x")), "sn.csv": sn],
                    ["data.csv:10: error", "'12%x' is neither a number nor a suppression code", "column 'pct'"])
        expectError(["data.csv": data(la("2022", "101", "Alpha", "31")), "sn.csv": sn],
                    ["data.csv:10: error", "a second row for Alpha in 2021/22 (first at line 4)"])
        expectError(["data.csv": data().replacingOccurrences(of: "2022,Reporting year,National", with: "2022,Calendar year,National"), "sn.csv": sn],
                    ["data.csv:2: error", "time_identifier 'Calendar year'"])
        expectError(["data.csv": data().replacingOccurrences(of: "2022,Reporting year,National", with: "22,Reporting year,National"), "sn.csv": sn],
                    ["data.csv:2: error", "unreadable time_period '22'"])
        expectError(["data.csv": data(), "sn.csv": sn], la: "Alpah", ["no local authority 'Alpah'", "did you mean: Alpha (101, E0101)"])
        expectError(["data.csv": data(), "sn.csv": sn], mapping: map.replacingOccurrences(of: "file: data.csv", with: "file: c1_*.csv"),
                    ["map.yaml:3", "no DfE file matches 'c1_*.csv'", "files given: data.csv, sn.csv"])
        expectError(["data.csv": "a,b\n1,2\n", "sn.csv": sn], ["data.csv:1: error", "not a DfE underlying-data file", "columns: a, b"])
        expectError(["data.csv": data(), "sn.csv": "code,name\n"], ["sn.csv:1: error", "not a statistical neighbours file"])
        expectError(["data.csv": data() + "2022,Reporting year,\"Local authority\n", "sn.csv": sn], ["data.csv:10: error", "never closed"])
    }

    func testDuplicateRowsHintAtTheMissingFilter() {
        let two = header.replacingOccurrences(of: ",category,pct", with: ",category,group,pct") + "\n"
            + "2022,Reporting year,Local authority,E,England,E1,North,101,E0101,Alpha,All,Total,30\n"
            + "2022,Reporting year,Local authority,E,England,E1,North,101,E0101,Alpha,All,Part,10\n"
        expectError(["data.csv": two], mapping: map.replacingOccurrences(of: "neighbours: sn.csv\n", with: ""),
                    ["data.csv:3: error", "a second row for Alpha in 2021/22 (first at line 2)", "add a filter on 'group'"])
    }

    func testMappingErrorsHaveLines() {
        let bad = """
            indicators:
              - id: x
                file: data.csv
                polarity: sideways
              - id: x
                file: data.csv
                measure: pct
                polarity: lower
            """
        let d = ImportMapping.parse(bad, file: "m.yaml")
        XCTAssertNil(d.mapping)
        let text = d.diagnostics.map(\.description)
        XCTAssertTrue(text.contains("m.yaml:2: error: mapping for 'x' has no 'measure'"), "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("m.yaml:5: error: duplicate mapping for 'x'") }, "\(text)")
        XCTAssertEqual(ImportMapping.parse("indicators: []\n", file: "m.yaml").diagnostics.map(\.description),
                       ["m.yaml:1: error: the mapping file lists no indicators"])
    }
}

final class DfEPeriodAndRankingTests: XCTestCase {
    func testPeriods() {
        XCTAssertEqual(try DfEPeriod.period(timePeriod: "2022", identifier: "Reporting year").get(), .financialYear(startYear: 2021))
        XCTAssertEqual(try DfEPeriod.period(timePeriod: "202122", identifier: "Academic year").get(), .financialYear(startYear: 2021))
        XCTAssertEqual(try DfEPeriod.period(timePeriod: "199900", identifier: "Financial year").get(), .financialYear(startYear: 1999))
        XCTAssertEqual(DfEPeriod.period(timePeriod: "202123", identifier: "Academic year"),
                       .failure(.unreadable("202123", identifier: "Academic year")))
        XCTAssertEqual(DfEPeriod.period(timePeriod: "2022", identifier: "Academic year"),
                       .failure(.unreadable("2022", identifier: "Academic year")))
        XCTAssertEqual(DfEPeriod.period(timePeriod: "2022", identifier: "Calendar year"), .failure(.unknownIdentifier("Calendar year")))
    }

    func testRanksAndQuartiles() {
        let v: [Double] = [5, 7, 7, 9]
        XCTAssertEqual(v.map { Ranking.rank(of: $0, among: v, polarity: .lower) }, [1, 2, 2, 4])
        XCTAssertEqual(v.map { Ranking.rank(of: $0, among: v, polarity: .higher) }, [4, 2, 2, 1])
        XCTAssertEqual(v.map { Ranking.rank(of: $0, among: v, polarity: .neutral) }, [1, 2, 2, 4])
        XCTAssertEqual((1...8).map { Ranking.quartile(rank: $0, of: 8) }, [1, 1, 2, 2, 3, 3, 4, 4])
        XCTAssertEqual(Ranking.quartile(rank: 38, of: 150), 1)
        XCTAssertEqual(Ranking.quartile(rank: 39, of: 150), 2)
        XCTAssertEqual(Ranking.quartile(rank: 150, of: 150), 4)
        XCTAssertNil(Ranking.mean([nil, nil]))
        XCTAssertEqual(Ranking.mean([1, nil, 2])?.count, 2)
        XCTAssertEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(Ranking.ordinal),
                       ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"])
    }

    /// Published files are read like data files: a pipe is refused at once instead of blocking the import.
    func testAPipeIsRefusedNotWaitedOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csdash-dfe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("c1.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertThrowsError(try DfETable.read(path: fifo, display: "c1.csv")) { error in
            XCTAssertTrue("\(error)".contains("c1.csv: error: cannot read: not a regular file"), "\(error)")
        }
        XCTAssertThrowsError(try NeighbourGroups.read(path: fifo, display: "c1.csv"))
    }
}
