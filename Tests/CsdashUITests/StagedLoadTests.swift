@testable import CsdashCore
import CsdashUI
import CThreads
import Foundation
import XCTest

/// `csdash snapshot` draws a page that does not show the authorities' values while they are still being read
/// (`DataDirectory.StagedLoad`): that is only right if such a page is the same without them, and the complete
/// load is exactly `load`'s.
final class StagedLoadTests: XCTestCase {
    func render(_ ds: Dataset, _ view: String, panel: String? = nil, at q: Period) throws -> (AppState, [String]) {
        var s = AppState(dataset: ds, asAt: q, width: 160, height: 60)
        try s.open(view: view, panel: panel)
        return (s, AppView.render(s, theme: .standard, glyphs: .unicode).lines)
    }

    func testEveryPageThatDoesNotShowTheAuthoritiesIsTheSameWithoutThem() throws {
        let staged = try DataDirectory.loadStaged(sampleDir)
        let early = staged.early.dataset
        let whole = try staged.complete().dataset
        XCTAssertTrue(early.authorityValues.isEmpty)
        XCTAssertFalse(whole.authorityValues.isEmpty)
        var views = ["overview", "risks", "help"] + whole.risks.map { "risk:\($0.id)" }
        views += whole.indicators.map { "indicator:\($0.id)" }
        var differ = 0
        for q in whole.quarters.suffix(6) {
            for view in views {
                for panel in [nil] + whole.panels.map(\.id) where panel == nil || view == "overview" {
                    let (s, lines) = try render(whole, view, panel: panel, at: q)
                    let (_, earlyLines) = try render(early, view, panel: panel, at: q)
                    if s.showsAuthorityValues {
                        if lines != earlyLines { differ += 1 }
                    } else {
                        XCTAssertEqual(lines, earlyLines, "\(view) \(panel ?? "") \(q)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(differ, 0, "an indicator page shows the authorities' values (the benchmark strip)")
    }

    func testTheCompleteLoadIsLoads() throws {
        let full = try DataDirectory.load(sampleDir)
        let complete = try DataDirectory.loadStaged(sampleDir).complete()
        XCTAssertEqual(complete.diagnostics, full.diagnostics)
        XCTAssertEqual(complete.dataset.authorityValues, full.dataset.authorityValues)
        XCTAssertEqual(complete.dataset.indicators.map(\.id), full.dataset.indicators.map(\.id))
        XCTAssertEqual(complete.dataset.indicators.map(\.dataProblem), full.dataset.indicators.map(\.dataProblem))
    }

    /// Problems in an authorities file (an unknown indicator, a bad value, a file that cannot be read): the
    /// complete load has them in `load`'s order, with the same marks.
    func testAuthoritiesProblemsComeInLoadsOrder() throws {
        let dir = NSTemporaryDirectory() + "csdash-staged-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: sampleDir, toPath: dir)
        let file = dir + "/authorities/dfe.csv"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text += "nope,2021/22,1,E1,X,3,\nre-referrals-dfe,2021/22,1,E1,X,three,\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try "risks: [".write(toFile: dir + "/risks.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/authorities/more.csv", withIntermediateDirectories: true)
        let full = try DataDirectory.load(dir)
        let staged = try DataDirectory.loadStaged(dir)
        XCTAssertFalse(staged.early.diagnostics.contains { $0.location.file.contains("authorities") })
        let complete = try staged.complete()
        XCTAssertEqual(complete.diagnostics, full.diagnostics)
        XCTAssertEqual(complete.diagnostics.filter { $0.location.file.contains("authorities") }.count, 3,
                       complete.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(complete.dataset.indicators.map(\.dataProblem), full.dataset.indicators.map(\.dataProblem))
    }
}

/// A thread's work is seen by the thread that waits for it, however long it takes.
final class CompletionTests: XCTestCase {
    final class Box: @unchecked Sendable { var value = 0 }

    func testWaitSeesTheWork() {
        for delay in [0, 1_000, 30_000] {
            let box = Box()
            let done = Completion.thread {
                usleep(useconds_t(delay))
                box.value = delay + 1
            }
            done.wait()
            XCTAssertEqual(box.value, delay + 1)
            done.wait()  // a second wait returns at once
        }
    }

    /// The thread starts away from this one's CPU but then may use every CPU, as may the threads it starts.
    func testTheThreadMayUseEveryCPU() {
        let box = Box()
        let done = Completion.thread { box.value = Int(csdash_allowed_cpus()) }
        done.wait()
        XCTAssertEqual(box.value, Int(csdash_allowed_cpus()))
        XCTAssertGreaterThan(box.value, 0)
    }
}
