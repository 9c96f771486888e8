import CsdashCore
import XCTest

final class CSVReaderTests: XCTestCase {
    func testPlainRowsAndLineNumbers() throws {
        let rows = try CSVReader.rows("a,b,c\n1,2,3\n\n4,5,6\n")
        XCTAssertEqual(rows.map(\.fields), [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4], "blank lines are skipped but still counted")
    }

    func testByteOrderMarkAndCRLF() throws {
        let rows = try CSVReader.rows("\u{FEFF}indicator,value\r\nx,\"4,335\"\r\ny,81.2%\r\n")
        XCTAssertEqual(rows.map(\.fields), [["indicator", "value"], ["x", "4,335"], ["y", "81.2%"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 3])
    }

    func testQuotedFieldsWithQuotesCommasAndLineBreaks() throws {
        let rows = try CSVReader.rows("a,\"say \"\"hi\"\", then\",c\n\"two\nlines\",x,\"\"\nlast,row,here")
        XCTAssertEqual(rows[0].fields, ["a", "say \"hi\", then", "c"])
        XCTAssertEqual(rows[1].fields, ["two\nlines", "x", ""])
        XCTAssertEqual(rows[1].line, 2)
        XCTAssertEqual(rows[2].line, 4, "a line break inside quotes advances the line count")
        XCTAssertEqual(rows[2].fields, ["last", "row", "here"], "no newline at end of file")
    }

    func testEmptyFieldsAndTrailingComma() throws {
        let rows = try CSVReader.rows("a,,c,\n,,\n")
        XCTAssertEqual(rows[0].fields, ["a", "", "c", ""])
        XCTAssertEqual(rows[1].fields, ["", "", ""])
    }

    func testOldMacLineEnds() throws {
        let rows = try CSVReader.rows("a,b\rc,d\r")
        XCTAssertEqual(rows.map(\.fields), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(rows.map(\.line), [1, 2])
    }

    func testUnterminatedQuoteNamesItsLine() {
        XCTAssertThrowsError(try CSVReader.rows("a,b\nc,\"open\nmore\n")) { error in
            XCTAssertEqual((error as? CSVError)?.line, 2)
        }
    }

    func testTextAfterClosingQuoteIsAnError() {
        XCTAssertThrowsError(try CSVReader.rows("a,\"b\"x,c\n")) { error in
            XCTAssertEqual((error as? CSVError)?.line, 1)
        }
    }

    func testNumbers() {
        XCTAssertEqual(CSVNumber.parse("81.2"), .value(81.2))
        XCTAssertEqual(CSVNumber.parse("81.2%"), .value(81.2))
        XCTAssertEqual(CSVNumber.parse(" 4,335 "), .value(4335))
        XCTAssertEqual(CSVNumber.parse("1,234,567.25"), .value(1_234_567.25))
        XCTAssertEqual(CSVNumber.parse("-3.5"), .value(-3.5))
        XCTAssertEqual(CSVNumber.parse("+7"), .value(7))
        XCTAssertEqual(CSVNumber.parse("0.1"), .value(0.1))
        XCTAssertEqual(CSVNumber.parse(".5"), .value(0.5))
        XCTAssertEqual(CSVNumber.parse("1e3"), .value(1000))
        XCTAssertEqual(CSVNumber.parse("12345678901234567890"), .value(12345678901234567890))
        XCTAssertEqual(CSVNumber.parse("0.30000000000000004"), .value(0.30000000000000004))
    }

    func testMissingAndSuppressedValuesAreNotZero() {
        for code in ["", "  ", "c", "x", "z", "u", "low", ":", "C", "LOW"] {
            XCTAssertEqual(CSVNumber.parse(code), .missing, code)
        }
    }

    func testNonNumbers() {
        for bad in ["abc", "1,23", "12a", "1.2.3", "%", "--1", "1 2", "nan", "inf"] {
            XCTAssertEqual(CSVNumber.parse(bad), .invalid, bad)
        }
    }
}
