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

/// Compares a frame with its golden file. A difference writes the frame beside it as `NAME.new` (ignored by
/// git) and fails. With CSDASH_UPDATE_GOLDEN=1 a difference rewrites the golden file and still fails, naming
/// it, so a regeneration is never mistaken for a pass: review `git diff`, then run the tests again.
enum Golden {
    static func check(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = goldenDir.appendingPathComponent(name)
        let newURL = goldenDir.appendingPathComponent(name + ".new")
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if text == expected {
            try? FileManager.default.removeItem(at: newURL)
            return
        }
        if ProcessInfo.processInfo.environment["CSDASH_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: newURL)
            XCTFail("rewrote \(name): review the diff, then run the tests again", file: file, line: line)
            return
        }
        try text.write(to: newURL, atomically: true, encoding: .utf8)
        guard let expected else {
            XCTFail("no golden file \(name); the frame is in \(name).new", file: file, line: line)
            return
        }
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        XCTFail("\(name) differs at line \(first + 1) (the new frame is in \(name).new):\n got: \(a[safe: first] ?? "<none>")\nwant: \(b[safe: first] ?? "<none>")",
                file: file, line: line)
    }
}

/// Every view at 80x24 and 160x48, the indicator chart at 80x24, 120x40 and 200x60, compared with files in
/// Golden/: the plain text (what `csdash snapshot` prints, in the monochrome theme) and, beside it, the
/// styles of every cell in the default theme (`.style`), so a lost highlight, status colour or band shading
/// fails as surely as a changed character.
final class GoldenTests: XCTestCase {
    static let views = ["overview", "indicator:initial-decisions", "indicator:re-referrals-month", "risks", "risk:CS-03", "worst", "help"]

    func check(_ view: String, _ w: Int, _ h: Int, ascii: Bool = false, styled: Bool = true,
               file: StaticString = #filePath, line: UInt = #line) throws {
        var s = try sampleState(width: w, height: h)
        try s.open(view: view)
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        let base = "\(view.replacingOccurrences(of: ":", with: "-"))-\(w)x\(h)\(ascii ? "-ascii" : "")"
        try Golden.check(AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: glyphs)), base + ".txt", file: file, line: line)
        if styled {
            try Golden.check(AnsiText.styles(AppView.render(s, theme: .standard, glyphs: glyphs)), base + ".style", file: file, line: line)
        }
    }

    func testEveryViewAt80x24() throws { for v in Self.views { try check(v, 80, 24) } }
    func testEveryViewAt160x48() throws { for v in Self.views { try check(v, 160, 48) } }
    func testChartAt120x40And200x60() throws {
        for v in ["indicator:initial-decisions", "indicator:re-referrals"] {
            try check(v, 120, 40)
            try check(v, 200, 60)
        }
        try check("indicator:re-referrals", 80, 24)
        try check("overview", 200, 60)
    }
    func testASCIIOverview() throws { try check("overview", 120, 40, ascii: true) }
    func testTooSmall() throws { try check("overview", 60, 20) }

    /// The styled form sees what the plain one cannot: the selected row and the status colours.
    func testStyledFormSeesTheHighlightAndStatusColours() throws {
        let s = try sampleState(width: 80, height: 24)
        let buf = AppView.render(s, theme: .standard, glyphs: .unicode)
        var moved = update(s, .key(.down))
        moved = update(moved, .key(.up))
        XCTAssertEqual(AnsiText.styles(buf), AnsiText.styles(AppView.render(moved, theme: .standard, glyphs: .unicode)))
        let down = AppView.render(update(s, .key(.down)), theme: .standard, glyphs: .unicode)
        XCTAssertEqual(AnsiText.plain(buf), AnsiText.plain(down), "moving the selection changes no character")
        XCTAssertNotEqual(AnsiText.styles(buf), AnsiText.styles(down), "but the styled form sees it")
        let styles = AnsiText.styles(buf)
        XCTAssertTrue(styles.contains("fg 203 bold"), "worse is in its colour: \(styles.prefix(400))")
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
