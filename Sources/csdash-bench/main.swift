// make bench: measures the loaders on a million history rows, against the obvious alternative
// (Swift String splitting) and Python's csv module, plus evaluation. Files go to a temporary folder.
import CsdashCore
import CsdashUI
import Foundation

func time(_ label: String, runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    print(label.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%8.3f s", best))
    return best
}

let rows = 1_000_000
let indicators = 1_000
let perIndicator = rows / indicators
let dir = NSTemporaryDirectory() + "csdash-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: dir + "/history", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }

var yaml = "title: Bench\norganisation: Bench\npanels:\n  - {id: p, title: P}\nindicators:\n"
for i in 0..<indicators {
    yaml += "  - {id: ind\(i), panel: p, title: Indicator \(i), unit: percent, decimals: 1, polarity: higher, "
        + "frequency: monthly, targets: [{from: \"1930-01\", value: 50, tolerance: 2}], comparators: [England]}\n"
}
try yaml.write(toFile: dir + "/indicators.yaml", atomically: true, encoding: .utf8)
var csv = "indicator,period,value,England,Region\n"
csv.reserveCapacity(rows * 34)
var expected = 0.0
for i in 0..<indicators {
    var p = Period.month(year: 1930, month: 1)
    for k in 0..<perIndicator {
        let v = Double((i * 7 + k * 13) % 1000) / 10
        expected += v
        csv += "ind\(i),\(p.canonical),\(v),\(Double(k % 900) / 10),\(Double(k % 700) / 10)\n"
        p = p.next
    }
}
let csvPath = dir + "/history/values.csv"
try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
let size = (try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
print("csdash-bench: \(rows) rows, \(indicators) indicators, \(size / 1_000_000) MB of CSV (best of 3)\n")

// 1. Our byte-level reader: every row, value parsed from the bytes.
let data = try Data(contentsOf: URL(fileURLWithPath: csvPath))
var sum = 0.0
let ours = try time("CSVReader + CSVNumber (bytes, no String per field)") {
    sum = 0
    try data.withUnsafeBytes { raw in
        try CSVReader.forEachRow(in: raw.bindMemory(to: UInt8.self)) { row in
            if case let .value(v) = row.withField(2, CSVNumber.parse) { sum += v }
        }
    }
}
precondition(abs(sum - expected) < 1e-3 * max(1, expected), "sum mismatch")

// 2. The obvious Swift: String lines split into String fields, Double(String).
let naive = try time("Swift String.split lines and fields, Double(Substring)") {
    var s = 0.0
    let text = try String(contentsOfFile: csvPath, encoding: .utf8)
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false)
        s += Double(f[2]) ?? 0
    }
    precondition(abs(s - expected) < 1e-3 * max(1, expected))
}

// 3. Python's csv module, when python3 is there.
let py = Process()
py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
py.arguments = ["python3", "-c", """
import csv, time, sys
best = 1e9
for _ in range(3):
    t = time.perf_counter(); s = 0.0
    with open(sys.argv[1], newline='') as f:
        r = csv.reader(f); next(r)
        for row in r: s += float(row[2])
    best = min(best, time.perf_counter() - t)
print(best)
""", csvPath]
let pipe = Pipe()
py.standardOutput = pipe
py.standardError = FileHandle.nullDevice
var pythonTime: Double?
if (try? py.run()) != nil {
    py.waitUntilExit()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    pythonTime = Double(out.trimmingCharacters(in: .whitespacesAndNewlines))
    if let pythonTime {
        print("Python csv.reader + float()".padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%8.3f s", pythonTime))
    }
}

// 4. The whole loader and the evaluation.
var loaded: LoadResult?
_ = try time("DataDirectory.load (YAML + CSV + checks), 1M rows") { loaded = try DataDirectory.load(dir) }
precondition(loaded?.errors.isEmpty == true, "bench data has errors: \(loaded!.errors.prefix(3))")
let dataset = loaded!.dataset
let q = dataset.latestQuarter!
_ = time("Scorecard: evaluate 1,000 indicators as at a quarter", runs: 5) { _ = Scorecard(dataset: dataset, asAt: q) }

print("")
print(String(format: "byte-level reader vs Swift String splitting: %.1fx faster", naive / ours))
if let pythonTime { print(String(format: "byte-level reader vs Python csv module:      %.1fx faster", pythonTime / ours)) }

// 5. Drawing: one frame of each view at 200x60 on the bundled sample data (a key press costs one update + one render).
let exe = Bundle.main.executableURL
if let sample = DataLocator.bundledSample(executable: exe), let sampleData = try? DataDirectory.load(sample).dataset {
    print("")
    for view in ["overview", "indicator:re-referrals-month", "risks", "risk:CS-03", "help"] {
        var state = AppState(dataset: sampleData, asAt: sampleData.openingQuarter!, width: 200, height: 60)
        try state.open(view: view)
        let n = 200
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<n {
            state = update(state, .key(.down))
            _ = AppView.render(state, theme: .standard, glyphs: .unicode)
        }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6 / Double(n)
        print("key press + frame at 200x60, \(view)".padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%8.3f ms", ms))
    }
}
