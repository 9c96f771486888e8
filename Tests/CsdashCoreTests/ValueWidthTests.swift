import CsdashCore
import XCTest

/// `ValueFormat.numberWidth` and `valueWidth` count what `number` and `value` write, without writing it.
final class ValueWidthTests: XCTestCase {
    func testNumberWidthIsTheLengthOfTheText() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.04, -0.04, 0.05, -0.05, 999.95, 999.949, 1_000, -1_000, 999_999.5,
                                1e15, -1e15, 9.99e14, 4e15, 1e308, -1e308, .nan, .infinity, -.infinity,
                                5e8, 123_456_789.125, 0.000_001, 12.345, 99.5]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -3...16, using: &rng)
            let v = pow(10, magnitude) * (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 0.5...1, using: &rng)
            values.append(v)
            values.append(v.rounded())
        }
        for v in values {
            for d in [-1, 0, 1, 2, 3, 6, 15, 20] {
                XCTAssertEqual(ValueFormat.numberWidth(v, decimals: d), ValueFormat.number(v, decimals: d).count,
                               "\(v) with \(d) decimals: '\(ValueFormat.number(v, decimals: d))'")
            }
        }
    }

    func testValueWidthIsTheLengthOfTheTextForEveryUnitAndStyle() {
        let values: [Double?] = [nil, 0, 1, -2.5, 1_234.56, 81.2, 1e16, .nan]
        for unit in Unit.allCases {
            for per in [nil, "1,000 children", "10,000"] as [String?] {
                var ind = Indicator(id: "x", panel: "p", title: "X", unit: unit)
                ind.per = per
                for d in [0, 1, 2] {
                    ind.decimals = d
                    for v in values {
                        for style in [ValueFormat.Style.full, .compact, .bare] {
                            XCTAssertEqual(ValueFormat.valueWidth(v, ind, style: style),
                                           ValueFormat.value(v, ind, style: style).count,
                                           "\(unit) \(String(describing: v)) \(style) '\(ValueFormat.value(v, ind, style: style))'")
                        }
                    }
                }
            }
        }
    }

    /// Derived figures lose the binary arithmetic's noise in the machine formats, and nothing else.
    func testDerivedFiguresAreWrittenWithoutFloatingPointNoise() {
        XCTAssertEqual(ValueFormat.plain(ValueFormat.derived(90.08000000000001)), "90.08")
        XCTAssertEqual(ValueFormat.plain(ValueFormat.derived(40.519999999999996)), "40.52")
        XCTAssertEqual(ValueFormat.plain(ValueFormat.derived(0.07 * 100)), "7")
        XCTAssertEqual(ValueFormat.plain(ValueFormat.derived(5952.222222222223)), "5952.22222222")
        XCTAssertEqual(ValueFormat.plain(ValueFormat.derived(-0.000123456789012345)), "-0.000123456789012")
        XCTAssertEqual(ValueFormat.derived(1.2345678901234568e17), 1.23456789012e17)
        for v in [0, 1e308, -1e308, 5e-324, .infinity, -.infinity] {
            XCTAssertEqual(ValueFormat.derived(v), v, "\(v) passes through")
        }
        XCTAssertTrue(ValueFormat.derived(.nan).isNaN)
    }
}
