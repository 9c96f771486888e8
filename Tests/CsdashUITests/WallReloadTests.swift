import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// Live reload on a temporary copy of the sample data: a changed value appears; a broken file keeps the old
/// data on screen with a banner naming the file and line; fixing it clears the banner.
final class WallReloadTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "csdash-wall-reload-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: sampleDir, toPath: dir)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func edit(_ file: String, _ from: String, _ to: String) throws {
        let p = dir + "/" + file
        let text = try String(contentsOfFile: p, encoding: .utf8)
        XCTAssertTrue(text.contains(from), "\(file) holds \(from)")
        try text.replacingOccurrences(of: from, with: to).write(toFile: p, atomically: true, encoding: .utf8)
    }

    func screen(_ s: WallState) -> String { WallView.render(s, theme: .monochrome, glyphs: .unicode).text }

    /// What the loop does on a change: the file event, the debounce, the reload effect run at the edge.
    func reload(_ s: WallState, at now: Date) -> WallState {
        var (state, effects) = update(s, .filesChanged, now: now)
        XCTAssertEqual(effects, [])
        (state, effects) = update(state, .tick, now: state.nextWake)
        XCTAssertEqual(effects, [.reload])
        return update(state, .reloaded(ReloadOutcome.load(dir)), now: state.nextWake).0
    }

    func testChangedValueBrokenFileAndFix() throws {
        guard case let .loaded(ds, newest) = ReloadOutcome.load(dir) else { return XCTFail("the copy loads") }
        var s = WallState(dataset: ds, newestFile: newest, options: wallOptions, now: wallEpoch, width: 160, height: 48)
        XCTAssertEqual(s.card.indicator("re-referrals")?.value, 24.4)
        XCTAssertTrue(screen(s).contains("Re-referrals within 12 months"))

        // A value changes on disk.
        try edit("history/social-care.csv", "re-referrals,2021/22 Q2,24.4,", "re-referrals,2021/22 Q2,19.8,")
        s = reload(s, at: wallEpoch.addingTimeInterval(5))
        XCTAssertEqual(s.card.indicator("re-referrals")?.value, 19.8)
        XCTAssertEqual(s.card.indicator("re-referrals")?.status, .better)
        XCTAssertEqual(s.problems, [])
        XCTAssertEqual(s.reloads, 1)

        // indicators.yaml is broken: the old data stays, the banner names the file and line.
        try edit("indicators.yaml", "    unit: count\n", "    unit: people\n")
        s = reload(s, at: wallEpoch.addingTimeInterval(10))
        XCTAssertEqual(s.card.indicator("re-referrals")?.value, 19.8, "last good data kept")
        XCTAssertFalse(s.problems.isEmpty)
        let first = try XCTUnwrap(s.problems.first)
        XCTAssertTrue(first.location.file.hasSuffix("indicators.yaml"))
        XCTAssertGreaterThan(first.location.line, 0)
        let text = screen(s)
        XCTAssertTrue(text.contains("indicators.yaml:\(first.location.line): "), text)
        XCTAssertTrue(text.contains("unit 'people'"), text)
        XCTAssertTrue(text.contains("data problem"), text)

        // Fixed: the banner clears, the data is current.
        try edit("indicators.yaml", "    unit: people\n", "    unit: count\n")
        s = reload(s, at: wallEpoch.addingTimeInterval(15))
        XCTAssertEqual(s.problems, [])
        XCTAssertFalse(screen(s).contains("data problem"))
        XCTAssertEqual(s.reloads, 2)

        // A history file removed: that is valid data (fewer values), so it loads.
        try FileManager.default.removeItem(atPath: dir + "/history/education.csv")
        s = reload(s, at: wallEpoch.addingTimeInterval(20))
        XCTAssertEqual(s.problems, [])
        XCTAssertNil(s.card.indicator("neet-16-17")?.value)
    }

    func testStampsCoverEveryFileTheLoaderReads() throws {
        let names = DataFiles.stamps(dir).map { String($0.path.dropFirst(dir.count + 1)) }
        XCTAssertTrue(names.contains("indicators.yaml") && names.contains("risks.yaml"), "\(names)")
        XCTAssertTrue(names.contains("history/social-care.csv"), "\(names)")
        XCTAssertTrue(names.contains { $0.hasPrefix("authorities/") && $0.hasSuffix(".csv") }, "\(names)")
        let before = DataFiles.stamps(dir)
        try edit("history/social-care.csv", "re-referrals,2021/22 Q2,24.4,", "re-referrals,2021/22 Q2,24.45,")
        XCTAssertNotEqual(DataFiles.stamps(dir), before, "a saved file changes the stamps")
    }
}
