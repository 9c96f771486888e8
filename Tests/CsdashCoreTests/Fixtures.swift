import CsdashCore
import Foundation
import XCTest

/// The repository's root, found from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleDir = repoRoot.appendingPathComponent("sample-data/gloucestershire").path

/// A data directory written to a temporary folder for one test.
struct TempData {
    let path: String

    init(indicators: String, history: [String: String] = [:], risks: String? = nil) throws {
        path = NSTemporaryDirectory() + "csdash-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/history", withIntermediateDirectories: true)
        try indicators.write(toFile: path + "/indicators.yaml", atomically: true, encoding: .utf8)
        for (name, text) in history {
            try text.write(toFile: path + "/history/" + name, atomically: true, encoding: .utf8)
        }
        if let risks { try risks.write(toFile: path + "/risks.yaml", atomically: true, encoding: .utf8) }
    }

    func load() throws -> LoadResult { try DataDirectory.load(path) }

    /// Error lines with the directory prefix removed: `history/a.csv:3: error: ...`.
    func errors() throws -> [String] {
        try load().errors.map { $0.description.replacingOccurrences(of: path + "/", with: "") }
    }
}

/// A minimal indicators.yaml with one panel and the given indicator blocks.
func indicatorsYAML(_ blocks: String, panels: String = "  - {id: p, title: Panel}") -> String {
    "title: Test\norganisation: Org\npanels:\n\(panels)\nindicators:\n\(blocks)"
}

let oneIndicator = """
  - id: a
    panel: p
    title: Indicator A
    unit: percent
    decimals: 1
    polarity: higher
    frequency: quarterly
    targets:
      - {from: "2020/21 Q1", value: 90, tolerance: 2}

"""

func indicator(_ polarity: Polarity = .higher, decimals: Int = 1, targets: [Target] = [],
               values: [(String, Double?)] = [], frequency: Frequency = .quarterly) -> Indicator {
    Indicator(id: "x", panel: "p", title: "X", unit: .percent, decimals: decimals, polarity: polarity,
              frequency: frequency, targets: targets,
              history: values.map { Observation(period: Period($0.0)!, value: $0.1) })
}
