import CsdashCore
import XCTest

final class PeriodTests: XCTestCase {
    func testParsesEveryForm() {
        XCTAssertEqual(Period("2021-09"), .month(year: 2021, month: 9))
        XCTAssertEqual(Period("2021/22 Q2"), .quarter(startYear: 2021, quarter: 2))
        XCTAssertEqual(Period("Q2 2021/22"), .quarter(startYear: 2021, quarter: 2))
        XCTAssertEqual(Period("2021-22 Q2"), .quarter(startYear: 2021, quarter: 2))
        XCTAssertEqual(Period("2021/22 q4"), .quarter(startYear: 2021, quarter: 4))
        XCTAssertEqual(Period("2021/22"), .financialYear(startYear: 2021))
        XCTAssertEqual(Period("  2019/20 Q1 "), .quarter(startYear: 2019, quarter: 1))
        XCTAssertEqual(Period("1999/00"), .financialYear(startYear: 1999))
    }

    func testRejectsMalformedPeriods() {
        for bad in ["", "2021", "2021-13", "2021-00", "2021/23", "2021/22 Q5", "2021/22 Q0", "Q2 2021-23",
                    "2021-9", "21/22", "Sep 21", "2021/22Q2", "2021/22 X2", "abcd/ef"] {
            XCTAssertNil(Period(bad), bad)
        }
    }

    func testDisplayForms() {
        XCTAssertEqual(Period("2021-09")!.short, "Sep 21")
        XCTAssertEqual(Period("2021/22 Q2")!.short, "Q2 21/22")
        XCTAssertEqual(Period("2021/22")!.short, "21/22")
        XCTAssertEqual(Period("Q2 2021/22")!.canonical, "2021/22 Q2")
        XCTAssertEqual(Period("2021-01")!.canonical, "2021-01")
        XCTAssertEqual(Period("2021/22 Q2")!.long, "Q2 2021/22 (Jul-Sep 2021)")
        XCTAssertEqual(Period("2021/22 Q4")!.endDateText, "31 Mar 2022")
        XCTAssertEqual(Period("2024-02")!.endDateText, "29 Feb 2024")
    }

    func testFinancialQuarterMonths() {
        // Q1 is April-June; Q4 is January-March of the following calendar year.
        let q1 = Period("2021/22 Q1")!, q4 = Period("2021/22 Q4")!
        XCTAssertEqual(q1.startMonthIndex, Period("2021-04")!.startMonthIndex)
        XCTAssertEqual(q1.endMonthIndex, Period("2021-06")!.endMonthIndex)
        XCTAssertEqual(q4.startMonthIndex, Period("2022-01")!.startMonthIndex)
        XCTAssertEqual(q4.endMonthIndex, Period("2021/22")!.endMonthIndex)
        XCTAssertEqual(Period.quarter(containingMonthIndex: Period("2022-03")!.endMonthIndex), q4)
        XCTAssertEqual(Period.quarter(containingMonthIndex: Period("2021-04")!.endMonthIndex), q1)
    }

    func testOrderingAndSteps() {
        let sep = Period("2021-09")!, q2 = Period("2021/22 Q2")!, aug = Period("2021-08")!
        XCTAssertLessThan(aug, sep)
        XCTAssertLessThan(sep, q2, "a month sorts before the quarter that ends with it")
        XCTAssertLessThan(Period("2021/22 Q4")!, Period("2021/22")!)
        XCTAssertEqual(Period("2021-01")!.previous, Period("2020-12"))
        XCTAssertEqual(Period("2021/22 Q1")!.previous, Period("2020/21 Q4"))
        XCTAssertEqual(Period("2020/21 Q4")!.next, Period("2021/22 Q1"))
        XCTAssertEqual(Period("2021/22 Q2")!.yearEarlier, Period("2020/21 Q2"))
        XCTAssertEqual(Period("2021-09")!.yearEarlier, Period("2020-09"))
    }

    /// `--period` takes every spelling the screen and the data format use.
    func testSpellingsPeopleType() {
        let q2 = Period.quarter(startYear: 2021, quarter: 2)
        for text in ["Q2 21/22", "2021/22 Q2", "Q2 2021/22", "2021-22 Q2", "q2 2021-22", "Q2 2021/2022", " Q2  21/22 ", "2021/22 q2"] {
            XCTAssertEqual(Period(spelling: text), q2, text)
        }
        XCTAssertEqual(Period(spelling: "Sep 21"), .month(year: 2021, month: 9))
        XCTAssertEqual(Period(spelling: "September 2021"), .month(year: 2021, month: 9))
        XCTAssertEqual(Period(spelling: "2021-09"), .month(year: 2021, month: 9))
        XCTAssertEqual(Period(spelling: "21/22"), .financialYear(startYear: 2021))
        XCTAssertEqual(Period(spelling: "2021/22"), .financialYear(startYear: 2021))
        for bad in ["Q5 21/22", "Q2 21/23", "spring", "Sept 21", "", "Q2", "21/22 Q2 Q3", "2021/22 Q0"] {
            XCTAssertNil(Period(spelling: bad), bad)
        }
        // Every short form the screen shows reads back as the same period.
        for p in [q2, .month(year: 2020, month: 1), .financialYear(startYear: 2019)] {
            XCTAssertEqual(Period(spelling: p.short), p, p.short)
        }
    }

    func testEveryCanonicalSpellingReadsBack() {
        for text in ["0221/22 Q2", "0005-03", "0999/00", "0000-01", "2021/22 Q2", "2021-09", "2021/22"] {
            guard let p = Period(text) else { return XCTFail("\(text) does not parse") }
            XCTAssertEqual(p.canonical, text)
            XCTAssertEqual(Period(p.canonical), p, text)
        }
    }
}
