import CsdashFuzz
import Foundation
import XCTest

/// Every input `make fuzz` found a crash with (Tests/Fuzz/regressions) and every seed (Tests/Fuzz/seeds),
/// replayed through the fuzz target: each once crashed csdash or is a starting point for the fuzzer.
final class FuzzRegressionTests: XCTestCase {
    func inputs(_ dir: String) throws -> [(String, [UInt8])] {
        let root = repoRoot.appendingPathComponent("Tests/Fuzz/" + dir).path
        return try FileManager.default.contentsOfDirectory(atPath: root).sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .map { ($0, [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)))) }
    }

    func testSeedsAndRegressionsRunClean() throws {
        let seeds = try inputs("seeds")
        XCTAssertGreaterThanOrEqual(seeds.count, 7, "a seed for every kind of input")
        XCTAssertEqual(Set(seeds.map { $0.1.first.map { Int($0) % FuzzTarget.Kind.allCases.count } ?? -1 }).count,
                       FuzzTarget.Kind.allCases.count)
        let regressions = try inputs("regressions")
        XCTAssertFalse(regressions.isEmpty, "the inputs that crashed csdash are kept")
        for (_, bytes) in seeds + regressions { FuzzTarget.run(bytes) }
    }
}
