import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// The wall runs for days: 10,000 page changes and 1,000 reloads through the update function with an
/// injected clock, and neither the state nor the process's memory grows.
final class WallLongRunTests: XCTestCase {
    /// Resident memory of this process in bytes (Linux /proc), or nil elsewhere.
    func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testTenThousandPageChangesAndAThousandReloads() throws {
        let good = try DataDirectory.load(sampleDir).dataset
        var changed = good
        let i = changed.indicators.firstIndex { $0.id == "re-referrals" }!
        var obs = Array(changed.indicators[i].history)
        obs[obs.count - 1].value = 19.5
        changed.indicators[i].history = History(obs)
        let broken = [Diagnostic.error(SourceLocation(file: "history/social-care.csv", line: 9), "value 'x' is not a number")]

        var s = try wallState(good, width: 160, height: 48)
        var now = wallEpoch
        var pageChanges = 0, reloads = 0, frames = 0
        var lastPage = s.pageIndex
        var footprints: [Int] = []
        var memory: [Int] = []
        func run(_ e: TerminalEvent) {
            let (next, effects) = update(s, e, now: now)
            s = next
            // The edge's part: a reload effect comes back as a loaded or failed outcome, alternating.
            for effect in effects where effect == .reload {
                reloads += 1
                let outcome: ReloadOutcome = reloads % 3 == 0 ? .failed(broken)
                    : .loaded(reloads % 2 == 0 ? good : changed, newestFile: now)
                s = update(s, .reloaded(outcome), now: now).0
            }
            if s.pageIndex != lastPage { pageChanges += 1; lastPage = s.pageIndex }
        }
        while pageChanges < 10_000 {
            // Sleep until the state's own next wake, as the loop does.
            now = s.nextWake
            run(.tick)
            if pageChanges % 10 == 0 && reloads < 1_000 {
                run(.filesChanged)
                now = now.addingTimeInterval(0.2)
                run(.filesChanged)
                now = s.nextWake
                run(.tick)
            }
            if pageChanges % 50 == 0 {
                // Draw now and then, as the loop does after every wake.
                _ = WallView.render(s, theme: .standard, glyphs: .unicode)
                frames += 1
            }
            if pageChanges % 1_000 == 0, pageChanges > 0, footprints.count < pageChanges / 1_000 {
                footprints.append(s.footprint)
                if let m = residentBytes() { memory.append(m) }
            }
            XCTAssertFalse(s.quit)
        }
        while reloads < 1_000 {
            run(.filesChanged)
            now = s.nextWake
            run(.tick)
        }
        print("wall long run: \(pageChanges) page changes, \(reloads) reloads, \(frames) frames; state size \(footprints); resident bytes \(memory)")
        XCTAssertGreaterThanOrEqual(pageChanges, 10_000)
        XCTAssertGreaterThanOrEqual(reloads, 1_000)
        XCTAssertGreaterThan(frames, 100)
        XCTAssertGreaterThan(s.reloads, 600, "most reloads succeeded")
        XCTAssertGreaterThan(now.timeIntervalSince(wallEpoch), 86_400, "more than a day of wall time")
        // The state's size: the same after the first thousand page changes as at the end.
        // The state's size: it varies only by the one problem a failed reload leaves, never grows.
        XCTAssertEqual(footprints.count, 10)
        XCTAssertLessThanOrEqual(footprints.max()!, footprints.min()! + broken.count, "state size: \(footprints)")
        // Memory: flat after warming up (allow 8 MB of allocator noise, far below what a leak of a dataset
        // per reload would add: 1,000 x the sample's ~100 KB).
        if memory.count >= 3 {
            let warm = memory[1], last = memory[memory.count - 1]
            XCTAssertLessThan(last - warm, 8 << 20, "resident memory grew from \(warm) to \(last) bytes: \(memory)")
        }
    }
}
