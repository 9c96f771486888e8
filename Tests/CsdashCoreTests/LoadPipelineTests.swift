@testable import CsdashCore
import Foundation
import XCTest

/// One load pipeline: a directory read from disk and the same files given in memory (as the fuzzer gives them)
/// load alike; paths are Foundation's; a file that fails is one line for what depends on it.
final class LoadPipelineTests: XCTestCase {
    func files(in dir: String, _ folder: String) throws -> [(name: String, data: Data)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + folder)) ?? []
        return try names.filter { $0.hasSuffix(".csv") }.sorted().map {
            ($0, try Data(contentsOf: URL(fileURLWithPath: dir + "/" + folder + "/" + $0)))
        }
    }

    func inMemory(_ dir: String) throws -> DataDirectoryFiles {
        let risks = dir + "/risks.yaml"
        return DataDirectoryFiles(
            indicators: try Data(contentsOf: URL(fileURLWithPath: dir + "/indicators.yaml")),
            history: try files(in: dir, "history"), authorities: try files(in: dir, "authorities"),
            risks: FileManager.default.fileExists(atPath: risks) ? try Data(contentsOf: URL(fileURLWithPath: risks)) : nil)
    }

    /// The messages with the directory's absolute path taken off, as the in-memory files name them.
    func messages(_ r: LoadResult, under dir: String) -> [String] {
        r.diagnostics.map { $0.description.replacingOccurrences(of: URL(fileURLWithPath: dir).path + "/", with: "") }
    }

    func testTheSampleLoadsAlikeFromDiskAndFromMemory() throws {
        let disk = try DataDirectory.load(sampleDir)
        let memory = DataDirectory.load(try inMemory(sampleDir))
        XCTAssertFalse(disk.dataset.authorityValues.isEmpty)
        XCTAssertEqual(messages(disk, under: sampleDir), messages(memory, under: sampleDir))
        XCTAssertEqual(disk.dataset.indicators.map(\.id), memory.dataset.indicators.map(\.id))
        XCTAssertEqual(disk.dataset.indicators.map { Array($0.history).map(\.value) },
                       memory.dataset.indicators.map { Array($0.history).map(\.value) })
        XCTAssertEqual(disk.dataset.authorityValues, memory.dataset.authorityValues)
        XCTAssertEqual(disk.dataset.risks.map(\.id), memory.dataset.risks.map(\.id))
    }

    /// Problems in an authorities file (an unknown indicator, a bad value, a folder where a file should be),
    /// beside a broken risks.yaml: each reported once, in the files' order, from disk and from memory alike.
    func testAuthoritiesProblemsFromDiskAndMemory() throws {
        let dir = NSTemporaryDirectory() + "csdash-pipeline-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: sampleDir, toPath: dir)
        let file = dir + "/authorities/dfe.csv"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text += "nope,2021/22,1,E1,X,3,\nre-referrals-dfe,2021/22,1,E1,X,three,\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try "risks: [".write(toFile: dir + "/risks.yaml", atomically: true, encoding: .utf8)
        let memory = DataDirectory.load(try inMemory(dir))
        try FileManager.default.createDirectory(atPath: dir + "/authorities/more.csv", withIntermediateDirectories: true)
        let disk = try DataDirectory.load(dir)
        let authorities = messages(disk, under: dir).filter { $0.hasPrefix("authorities/") }
        XCTAssertEqual(authorities.count, 3, authorities.joined(separator: "\n"))
        XCTAssertTrue(authorities[0].contains("unknown indicator 'nope'"), authorities[0])
        XCTAssertTrue(authorities[1].contains("non-numeric value 'three'"), authorities[1])
        XCTAssertEqual(authorities[2], "authorities/more.csv: error: cannot read: it is a directory, not a file")
        XCTAssertEqual(messages(memory, under: dir), messages(disk, under: dir).filter { !$0.contains("more.csv") })
        XCTAssertTrue(messages(disk, under: dir).contains { $0.hasPrefix("risks.yaml:") })
    }

    /// A path with `.`, `..`, doubled or trailing slashes names its files by the standardized file URL.
    func testFilesAreNamedByTheirAbsolutePath() throws {
        let d = try TempData(indicators: indicatorsYAML(oneIndicator), history: ["h.csv": "indicator,period,value\nzz,2020/21 Q1,1\n"])
        defer { try? FileManager.default.removeItem(atPath: d.path) }
        let parent = (d.path as NSString).deletingLastPathComponent, name = (d.path as NSString).lastPathComponent
        for path in [d.path, d.path + "/", d.path + "/./", parent + "//" + name, d.path + "/history/.."] {
            let r = try DataDirectory.load(path)
            XCTAssertEqual(r.errors.map(\.location.file), [URL(fileURLWithPath: d.path).path + "/history/h.csv"], path)
        }
        XCTAssertThrowsError(try DataDirectory.load(d.path + "/missing")) { e in
            XCTAssertEqual(e as? LoadFailure, .directoryMissing(d.path + "/missing"))
        }
    }

    /// indicators.yaml that fails as a whole: its own error, then one line for each file that depends on it (no
    /// "unknown indicator" per row of history and authorities, no "unknown panel" per risk).
    func testAFailedIndicatorsFileIsOneLineForEachFileThatDependsOnIt() throws {
        let risks = """
            risks:
              - {id: R1, title: One, panel: p, indicators: [a], history: [{period: "2020/21 Q1", likelihood: 3, impact: 4}]}
              - {id: R2, title: Two, panel: p, indicators: [a], history: [{period: "2020/21 Q1", likelihood: 2, impact: 2}]}

            """
        let r = DataDirectory.load(DataDirectoryFiles(
            indicators: Data("title: [unclosed\n".utf8),
            history: [("h.csv", Data("indicator,period,value\na,2020/21 Q1,1\na,2020/21 Q2,2\n".utf8))],
            authorities: [("dfe.csv", Data("indicator,period,value,group\na,2020/21,1,\na,2021/22,2,\n".utf8))],
            risks: Data(risks.utf8)))
        XCTAssertEqual(r.errors.count, 1, r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(r.errors[0].location.file == "indicators.yaml", r.errors[0].description)
        XCTAssertEqual(r.warnings.map(\.description), [
            "history: warning: history files not checked: indicators.yaml has errors and defines no indicators",
            "authorities: warning: authorities files not checked: indicators.yaml has errors and defines no indicators",
            "risks.yaml: warning: links to indicators and panels not checked: indicators.yaml has errors and defines no indicators",
        ])
    }

    /// risks.yaml that fails as a whole: its error at its own line, then one line for the indicators' links to
    /// risks, not "unknown risk" per link.
    func testAFailedRisksFileIsOneErrorAndOneLineForTheLinksToIt() throws {
        let indicators = """
            panels: [{id: p, title: P}]
            indicators:
              - {id: a, title: A, panel: p, unit: count, polarity: higher, frequency: quarterly, risks: [R1]}
              - {id: b, title: B, panel: p, unit: count, polarity: higher, frequency: quarterly, risks: [R1, R2]}

            """
        let r = DataDirectory.load(DataDirectoryFiles(
            indicators: Data(indicators.utf8),
            history: [("h.csv", Data("indicator,period,value\na,2020/21 Q1,1\nb,2020/21 Q1,2\n".utf8))],
            risks: Data("bands: []\nrisks:\n  - id: R1\n   bad: [unclosed\n".utf8)))
        XCTAssertEqual(r.errors.map(\.location.file), ["risks.yaml"], r.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.errors.first?.location.line, 4, r.errors.first?.description ?? "")
        XCTAssertEqual(r.warnings.map(\.description), [
            "indicators.yaml: warning: links to risks not checked: risks.yaml has errors and defines no risks",
        ])
        XCTAssertEqual(r.dataset.indicators.map(\.risks), [[], []])
    }

    /// An indicator naming a panel that is not defined is reported, and still shows, marked, in a panel of its
    /// own after the others.
    func testAnIndicatorWithAnUnknownPanelStillShowsMarked() throws {
        let indicators = """
            panels: [{id: p, title: P}]
            indicators:
              - {id: a, title: A, panel: p, unit: count, polarity: higher, frequency: quarterly}
              - {id: b, title: B, panel: q, unit: count, polarity: higher, frequency: quarterly}

            """
        let r = DataDirectory.load(DataDirectoryFiles(
            indicators: Data(indicators.utf8),
            history: [("h.csv", Data("indicator,period,value\na,2020/21 Q1,1\nb,2020/21 Q1,2\n".utf8))]))
        XCTAssertEqual(r.errors.map(\.message), ["indicator 'b': unknown panel 'q'"])
        XCTAssertEqual(r.dataset.panels.map(\.id), ["p", "q"])
        XCTAssertEqual(r.dataset.panels.last?.title, "Unknown panel 'q'")
        XCTAssertEqual(r.dataset.indicators.map(\.id), ["a", "b"])
        XCTAssertEqual(r.dataset.indicators.map(\.dataProblem), [false, true])
    }
}
