import CsdashCore
import CsdashUI
import Foundation
import XCTest

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleDir = repoRoot.appendingPathComponent("sample-data/gloucestershire").path
let goldenDir = repoRoot.appendingPathComponent("Tests/CsdashUITests/Golden")

func sampleState(width: Int = 120, height: Int = 40) throws -> AppState {
    let ds = try DataDirectory.load(sampleDir).dataset
    return AppState(dataset: ds, asAt: ds.openingQuarter!, width: width, height: height)
}

/// Every view at 80x24 and 160x48, compared with files in Golden/ (the same text `csdash snapshot` prints).
/// Run with CSDASH_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
final class GoldenTests: XCTestCase {
    static let views = ["overview", "indicator:initial-decisions", "indicator:re-referrals-month", "risks", "risk:CS-03", "help"]

    func check(_ view: String, _ w: Int, _ h: Int, ascii: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        var s = try sampleState(width: w, height: h)
        try s.open(view: view)
        let text = AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: ascii ? .ascii : .unicode))
        let name = "\(view.replacingOccurrences(of: ":", with: "-"))-\(w)x\(h)\(ascii ? "-ascii" : "").txt"
        let url = goldenDir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CSDASH_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail("\(name) differs at line \(first + 1):\n got: \(a[safe: first] ?? "<none>")\nwant: \(b[safe: first] ?? "<none>")",
                    file: file, line: line)
        }
    }

    func testEveryViewAt80x24() throws { for v in Self.views { try check(v, 80, 24) } }
    func testEveryViewAt160x48() throws { for v in Self.views { try check(v, 160, 48) } }
    func testASCIIOverview() throws { try check("overview", 120, 40, ascii: true) }
    func testTooSmall() throws { try check("overview", 60, 20) }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
