import CsdashCore
import Foundation
import XCTest

/// Damaged DfE files are errors naming the file and line, never a quiet import with shifted ranks; and a
/// joint row as a neighbour counts for each neighbour it names.
final class DfEImportDamageTests: XCTestCase {
    let c1 = sampleDfE + "/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"

    func table(_ text: String) throws -> DfETable {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { b throws(ImportError) in
            try DfETable.read(UnsafeBufferPointer(b), file: "c1.csv")
        }
    }

    func errorText(_ text: String) -> String? {
        do { _ = try table(text) } catch { return "\(error)" }
        return nil
    }

    func testTheRealFileReadsWhole() throws {
        let t = try table(try String(contentsOfFile: c1, encoding: .utf8))
        XCTAssertEqual(t.header.count, 21)
        XCTAssertEqual(t.rows.count, 2132)
    }

    func testARowShortenedTo12Of21FieldsIsAnError() throws {
        var lines = try String(contentsOfFile: c1, encoding: .utf8).components(separatedBy: "\n")
        lines[1401] = lines[1401].split(separator: ",", omittingEmptySubsequences: false).prefix(12).joined(separator: ",")
        XCTAssertEqual(errorText(lines.joined(separator: "\n")), "c1.csv:1402: error: row has 12 fields, the header has 21")
        // A trailing comma (one more field, empty) is still read.
        var trailing = try String(contentsOfFile: c1, encoding: .utf8).components(separatedBy: "\n")
        trailing[5] += ","
        XCTAssertNil(errorText(trailing.joined(separator: "\n")))
    }

    func testAFileCutMidLineIsAnErrorAtThatLine() throws {
        let text = try String(contentsOfFile: c1, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        // Cut inside line 1000 at several places: in the first fields, in a middle one, inside the last one.
        let before = lines.prefix(999).joined(separator: "\n") + "\n"
        let line = lines[999]
        for keep in [3, line.count / 2, line.count - 1] {
            let message = try XCTUnwrap(errorText(before + line.prefix(keep)), "cut after \(keep) characters")
            XCTAssertTrue(message.hasPrefix("c1.csv:1000: error: "), message)
        }
        XCTAssertEqual(errorText(before + line.dropLast(1)),
                       "c1.csv:1000: error: the file ends inside this line (no line break after it): it looks cut short; download it again")
    }

    /// City of London's neighbours include Kingston (314) and Richmond (318), reported together in the workforce
    /// file. 2024/25 vacancy rates (csww_indicators, vacancy_rate_fte): 846 0, 868 25.6, 202 10.6, 205 3.3,
    /// 212 16.5, 302 14, 314 / 318 14.9 for each, 207 and 213 suppressed: 8 neighbours, mean 99.8 / 8.
    func testAJointNeighbourRowCountsForEachNeighbourItNames() throws {
        let out = try importSample("201")
        let r = try XCTUnwrap(try rows(out.history).first { $0["indicator"] == "vacancy-rate" && $0["period"] == "2024/25" })
        XCTAssertEqual(r["value"], "0")
        XCTAssertEqual(r["neighbours_contributing"], "8")
        XCTAssertEqual(r["Statistical neighbours"], "12.475")
        XCTAssertEqual(r["neighbour_rank"], "1")
        XCTAssertEqual(r["neighbour_rank_of"], "9")
        let marked = try rows(out.authorities).filter { $0["indicator"] == "vacancy-rate" && $0["period"] == "2024/25" }
            .filter { $0["group"] == "neighbour" }.map { $0["old_la_code"]! }
        XCTAssertEqual(marked.sorted(), ["202", "205", "212", "302", "314 / 318", "846", "868"], "the joint row is listed once")
    }
}

/// `--out` and `--authorities` are written together or not at all.
final class OutputFilesTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "csdash-out-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testWritesBoth() throws {
        try OutputFiles.write([(dir + "/a.csv", "a\n"), (dir + "/b.csv", "b\n")])
        XCTAssertEqual(try listing(), ["a.csv", "b.csv"])
        XCTAssertEqual(try String(contentsOfFile: dir + "/b.csv", encoding: .utf8), "b\n")
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual(try mode(dir + "/a.csv"), 0o666 & ~Int(mask))
    }

    func testWritesNeitherWhenOneCannotBeWritten() throws {
        try "old\n".write(toFile: dir + "/a.csv", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try OutputFiles.write([(dir + "/a.csv", "new\n"), (dir + "/missing/b.csv", "b\n")])) { e in
            XCTAssertTrue("\((e as? OutputFiles.Failure)?.reason ?? "")".contains("does not exist"), "\(e)")
        }
        try FileManager.default.createDirectory(atPath: dir + "/b.csv", withIntermediateDirectories: false)
        XCTAssertThrowsError(try OutputFiles.write([(dir + "/a.csv", "new\n"), (dir + "/b.csv", "b\n")]))
        XCTAssertEqual(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8), "old\n", "the first file is untouched")
        XCTAssertEqual(try listing(), ["a.csv", "b.csv"], "no temporary file is left behind")
    }

    func testAReplacedFileKeepsItsMode() throws {
        try "old\n".write(toFile: dir + "/a.csv", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir + "/a.csv")
        try OutputFiles.write([(dir + "/a.csv", "new\n")])
        XCTAssertEqual(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8), "new\n")
        XCTAssertEqual(try mode(dir + "/a.csv"), 0o444)
    }
}
