@testable import CsdashCore
@testable import CsdashUI
import XCTest

/// A YAML syntax error is shown at its line and character (`risks.yaml:9:13`) wherever problems are shown:
/// the banner, wide and narrow, and the `!` list.
final class YAMLErrorPlaceTests: XCTestCase {
    func syntaxError() throws -> Diagnostic {
        let log = DiagnosticLog()
        var ds = Dataset()
        RisksFile.parse("risks:\n  - id: R1\n    title: X\u{1}Y\n", file: "/srv/data/risks.yaml", into: &ds, log: log)
        return try XCTUnwrap(log.items.first)
    }

    func testBannerAndListCarryLineAndCharacter() throws {
        let d = try syntaxError()
        XCTAssertEqual(d.description, "/srv/data/risks.yaml:3:13: error: YAML syntax: control characters are not allowed (U+0001)")
        for width in [200, 70] {
            var buf = Buffer(width: width, height: 1)
            buf.render(ProblemsBanner([d]), in: buf.area, RenderContext(theme: .monochrome, glyphs: .unicode))
            XCTAssertTrue(buf.lines[0].contains("risks.yaml:3:13: "), buf.lines[0])
        }
        var s = AppState(dataset: try DataDirectory.load(sampleDir).dataset, asAt: Period.quarter(startYear: 2021, quarter: 2),
                         width: 120, height: 40)
        s.problems = [d]
        s = update(s, .key(.char("!")))
        let text = AppView.render(s, theme: .monochrome, glyphs: .unicode).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("risks.yaml:3:13"), text)
    }
}
