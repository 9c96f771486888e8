// make bench: writes synthetic data at 10k, 100k and 1M history rows and measures csdash on each, as whole
// processes (posix_spawn + wait4: wall time and peak memory) and in-process, interleaved with Python's csv
// module (and pandas/DuckDB when installed) reading the same file. Writes docs/benchmarks.md and prints it.
//
// usage: csdash-bench [OUTPUT.md]    (run from the source tree; expects .build/release/csdash beside it)
import CsdashCore
import CsdashUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let outputPath = CommandLine.arguments.count == 2 ? CommandLine.arguments[1] : "docs/benchmarks.md"
let exeURL = Bundle.main.executableURL!.resolvingSymlinksInPath()
let csdash = exeURL.deletingLastPathComponent().appendingPathComponent("csdash").path
// `csdash-bench keys DIR [ROUNDS [KINDS]]`: only the key-action loop on one data directory (for profiling with perf or
// callgrind); KINDS picks actions by their letters in "tjeb[]" (default all), so instruction counts of runs with
// different ROUNDS give the cost of one kind of action.
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "keys" {
    let ds = try DataDirectory.load(CommandLine.arguments[2]).dataset
    let rounds = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3]) ?? 200 : 200
    let only = CommandLine.arguments.count > 4 ? CommandLine.arguments[4] : nil
    for a in keyActions(ds, rounds: rounds, only: only) {
        print(a.name.padding(toLength: 24, withPad: " ", startingAt: 0), ms(a.mean), ms(a.max), "cpu", ms(a.cpuMean))
    }
    exit(0)
}

// `csdash-bench load DIR [ROUNDS]`: only load the directory ROUNDS times (for profiling with perf or callgrind).
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "load" {
    let rounds = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3]) ?? 100 : 100
    let t = Date()
    var count = 0
    for _ in 0..<rounds { count += try DataDirectory.load(CommandLine.arguments[2]).dataset.indicators.count }
    print(rounds, "loads:", ms(Date().timeIntervalSince(t) / Double(rounds)), "each;", count / rounds, "indicators")
    exit(0)
}

// `csdash-bench data DIR`: only write the synthetic directories (DIR/10k, DIR/100k, DIR/1M), for profiling.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "data" {
    for scale in SyntheticData.scales { try scale.write(to: CommandLine.arguments[2] + "/\(scale.label)") }
    exit(0)
}

guard FileManager.default.isExecutableFile(atPath: csdash) else {
    FileHandle.standardError.write("csdash-bench: \(csdash) not found: build it first (make bench does)\n".data(using: .utf8)!)
    exit(1)
}
let ptyScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pty_bytes.py").path
let work = NSTemporaryDirectory() + "csdash-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let runs = 5
let started = Date()
let loadAtStart = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"

func log(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }
func ms(_ s: Double) -> String { s.isFinite ? String(format: s < 0.01 ? "%.2f ms" : "%.1f ms", s * 1000) : "n/a" }
func mb(_ kb: Int) -> String { String(format: "%.0f MB", Double(kb) / 1024) }
func ratio(_ a: Double, _ b: Double) -> String { a.isFinite && b.isFinite && b > 0 ? String(format: "%.2f", a / b) : "n/a" }

// MARK: Python

func pythonHas(_ module: String) -> Bool { spawn(["python3", "-c", "import \(module)"]).status == 0 }
let hasPython = spawn(["python3", "-c", "pass"]).status == 0
let hasPandas = hasPython && pythonHas("pandas")
let hasDuckDB = hasPython && pythonHas("duckdb")

/// Python programs that read the CSV and print their own in-process time (excluding interpreter start and imports).
let pythonCSV = """
import csv, sys, time
t = time.perf_counter(); c = time.process_time(); n = 0
with open(sys.argv[1], newline='') as f:
    for row in csv.reader(f): n += 1
print(time.perf_counter() - t, n, time.process_time() - c)
"""
let pythonPandas = """
import sys, time, pandas
t = time.perf_counter(); df = pandas.read_csv(sys.argv[1])
print(time.perf_counter() - t, len(df))
"""
let pythonDuckDB = """
import sys, time, duckdb
con = duckdb.connect()
t = time.perf_counter(); con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [sys.argv[1]])
n = con.execute("SELECT count(*) FROM t").fetchone()[0]
print(time.perf_counter() - t, n)
"""

/// (in-process seconds, whole-process seconds, in-process CPU seconds when the program prints them)
func python(_ program: String, _ csv: String) -> (Double, Double, Double) {
    let r = spawn(["python3", "-c", program, csv], captureOutput: true)
    let parts = r.output.split(whereSeparator: { $0 == " " || $0 == "\n" })
    let inProcess = Double(parts.first ?? "") ?? .nan
    let cpu = parts.count > 2 ? Double(parts[2]) ?? .nan : .nan
    return (r.status == 0 ? inProcess : .nan, r.seconds, cpu)
}

// MARK: In-process key actions

struct ActionTiming {
    var name: String
    var mean: Double
    var max: Double
    /// Mean CPU time of the thread: what the action costs, without the waits of a shared machine.
    var cpuMean: Double
}

/// Times update + render at 200x60 for each kind of key action, `rounds` times each, in a fixed cycle.
func keyActions(_ dataset: Dataset, rounds: Int, only: String? = nil) -> [ActionTiming] {
    let all: [(String, Key)] = [("next panel (Tab)", .tab), ("selection move (j)", .char("j")),
                                ("drill in (Enter)", .enter), ("back (Esc)", .escape),
                                ("previous quarter ([)", .char("[")), ("next quarter (])", .char("]"))]
    let letters = Array("tjeb[]")
    let kinds = only.map { o in all.indices.filter { o.contains(letters[$0]) }.map { all[$0] } } ?? all
    var state = AppState(dataset: dataset, asAt: dataset.latestQuarter!, width: 200, height: 60)
    _ = AppView.render(state, theme: .standard, glyphs: .unicode)
    var total = Array(repeating: 0.0, count: kinds.count), worst = total, cpu = total
    for _ in 0..<rounds {
        for (k, kind) in kinds.enumerated() {
            let c0 = threadCPU()
            let t0 = now()
            state = update(state, .key(kind.1))
            let frame = AppView.render(state, theme: .standard, glyphs: .unicode)
            let dt = seconds(since: t0)
            cpu[k] += threadCPU() - c0
            precondition(frame.width == 200)
            total[k] += dt
            worst[k] = max(worst[k], dt)
        }
    }
    return kinds.indices.map {
        ActionTiming(name: kinds[$0].0, mean: total[$0] / Double(rounds), max: worst[$0], cpuMean: cpu[$0] / Double(rounds))
    }
}

struct PtyBytes: Decodable {
    var first_frame: Int
    var moves: [Int]
    var open: Int
    var back: Int
}

func ptyBytes(_ dir: String) -> PtyBytes? {
    guard hasPython else { return nil }
    let r = spawn(["python3", ptyScript, csdash, dir, "200", "60"], captureOutput: true)
    return try? JSONDecoder().decode(PtyBytes.self, from: Data(r.output.utf8))
}

// MARK: Measure

struct ScaleResult {
    var label: String
    var rows: Int
    var indicators: Int
    var megabytes: Double
    var load = Sample(), evaluate = Sample(), report = Sample(), snapshot = Sample(), version = Sample()
    var peakKB = 0
    var snapshotPeakKB = 0
    var pyCSV = Sample(), pyCSVProcess = Sample(), pandas = Sample(), duckdb = Sample()
    var reportCPU = Sample(), pyCSVCPU = Sample()
    var actions: [ActionTiming] = []
    var bytes: PtyBytes?
}

/// Processes of 10 to 30 ms are the most easily disturbed by other work on the machine: best of 3x as many runs.
func measureFrames(_ r: inout ScaleResult, dir: String) {
    for _ in 0..<3 * runs {
        let v = spawn([csdash, "--version"])
        r.version.add(v.seconds)
        let s = spawn([csdash, "snapshot", dir, "--size", "200x60"])
        precondition(s.status == 0, "csdash snapshot \(dir) failed")
        r.snapshot.add(s.seconds)
    }
    r.snapshotPeakKB = peakMemoryKB([csdash, "snapshot", dir, "--size", "200x60"])
}

var results: [ScaleResult] = []
var readerOnly = Sample(), stringSplit = Double.nan
for scale in SyntheticData.scales {
    let dir = work + "/\(scale.label)"
    log("csdash-bench: writing \(scale.rows) rows (\(scale.indicators) indicators x \(scale.months) months)")
    let csvPath = try scale.write(to: dir)
    let size = Double((try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0) / 1e6
    var r = ScaleResult(label: scale.label, rows: scale.rows, indicators: scale.indicators, megabytes: size)

    log("csdash-bench: \(scale.label): in-process load and evaluation")
    var dataset: Dataset?
    for _ in 0..<runs {
        let t0 = now()
        let loaded = try DataDirectory.load(dir)
        r.load.add(seconds(since: t0))
        precondition(!loaded.hasErrors, "bench data has errors: \(loaded.errors.prefix(3))")
        dataset = loaded.dataset
    }
    for _ in 0..<runs {
        let t0 = now()
        let card = Scorecard(dataset: dataset!, asAt: dataset!.latestQuarter!)
        r.evaluate.add(seconds(since: t0))
        precondition(card.indicators.count == scale.indicators)
    }

    log("csdash-bench: \(scale.label): whole processes, interleaved with Python")
    for _ in 0..<runs {
        let rep = spawn([csdash, "report", dir, "--format", "json"])
        precondition(rep.status == 0, "csdash report failed on \(dir)")
        r.report.add(rep.seconds)
        r.reportCPU.add(rep.cpuSeconds)
        if hasPython {
            let (t, whole, cpu) = python(pythonCSV, csvPath)
            r.pyCSV.add(t)
            r.pyCSVProcess.add(whole)
            r.pyCSVCPU.add(cpu)
        }
        if hasPandas { r.pandas.add(python(pythonPandas, csvPath).0) }
        if hasDuckDB { r.duckdb.add(python(pythonDuckDB, csvPath).0) }
    }
    r.peakKB = peakMemoryKB([csdash, "report", dir, "--format", "json"])
    measureFrames(&r, dir: dir)

    log("csdash-bench: \(scale.label): key actions at 200x60")
    r.actions = keyActions(dataset!, rounds: 200)
    log("csdash-bench: \(scale.label): bytes to a 200x60 pseudo-terminal")
    r.bytes = ptyBytes(dir)

    if scale.rows >= 1_000_000 {
        log("csdash-bench: \(scale.label): the CSV reader alone, and Swift String splitting")
        let data = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        for _ in 0..<runs {
            var sum = 0.0
            let t0 = now()
            _ = try data.withUnsafeBytes { raw in
                try CSVReader.forEachRow(in: raw.bindMemory(to: UInt8.self)) { row in
                    if case let .value(v) = row.withField(2, CSVNumber.parse) { sum += v }
                }
            }
            readerOnly.add(seconds(since: t0))
            precondition(sum > 0)
        }
        let t0 = now()
        var s = 0.0
        let text = try String(contentsOfFile: csvPath, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            s += Double(f[2]) ?? 0
        }
        stringSplit = seconds(since: t0)
        precondition(s > 0)
    }
    results.append(r)
}

// The bundled sample: the first-frame target is on it.
var sample: ScaleResult?
if let dir = DataLocator.bundledSample(executable: exeURL), let ds = try? DataDirectory.load(dir).dataset {
    log("csdash-bench: sample data: first frame, key actions, bytes")
    var r = ScaleResult(label: "sample", rows: ds.indicators.reduce(0) { $0 + $1.history.count },
                        indicators: ds.indicators.count, megabytes: 0)
    measureFrames(&r, dir: dir)
    r.actions = keyActions(ds, rounds: 200)
    r.bytes = ptyBytes(dir)
    sample = r
}

// MARK: Write docs/benchmarks.md

func firstLine(_ argv: [String]) -> String {
    spawn(argv, captureOutput: true).output.split(separator: "\n").first.map(String.init) ?? "?"
}
let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
    .first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "?"
let memKB = ((try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? "").split(separator: "\n")
    .first { $0.hasPrefix("MemTotal") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
var uts = utsname()
uname(&uts)
func cString<T>(_ t: T) -> String { withUnsafeBytes(of: t) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
let loadAtEnd = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
let dateFormatter = ISO8601DateFormatter()

var md = """
# Benchmarks

Written by `make bench` (`Sources/csdash-bench/`); do not edit by hand: rerun it. The notes at the end are
kept in `docs/benchmark-notes.md` and copied in.

- Date: \(dateFormatter.string(from: started)) (\(Int(Date().timeIntervalSince(started))) s to run)
- Machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(mb(memKB)) RAM, \(cString(uts.sysname)) \(cString(uts.release)) \(cString(uts.machine))
- Load average at start / end: \(loadAtStart) / \(loadAtEnd) (other work shares these cores: read ratios, not absolute times)
- \(firstLine(["swift", "--version"])); \(firstLine(["python3", "--version"]))\(hasPandas ? ", pandas " + firstLine(["python3", "-c", "import pandas; print(pandas.__version__)"]) : "")\(hasDuckDB ? ", DuckDB " + firstLine(["python3", "-c", "import duckdb; print(duckdb.__version__)"]) : "")
- Method: release build; files in the page cache; every time is the best of \(runs) runs (\(3 * runs) for `--version` and the
  first frame, short processes that other work disturbs most), csdash and Python interleaved run by run. Whole-process times run from `posix_spawn` to exit as reaped by `wait4`. Peak
  resident memory (`ru_maxrss`) comes from one more run started by a small Python process (a child's
  `ru_maxrss` also counts the process that spawned it). Python's times are measured inside Python
  (interpreter start and imports excluded), which favours Python.


"""

// Targets.
let big = results.last!
let reportRatio = big.report.best / big.pyCSV.best
let frameRatio = sample.map { $0.snapshot.best / $0.version.best } ?? .nan
let everyScale = results + (sample.map { [$0] } ?? [])
let worstAction = everyScale.flatMap(\.actions).map(\.mean).max() ?? .nan
let worstActionCPU = everyScale.flatMap(\.actions).map(\.cpuMean).max() ?? .nan
let actionsByScale = everyScale.map { r in
    "\(r.label) \(ms(r.actions.map(\.mean).max() ?? .nan)) (CPU \(ms(r.actions.map(\.cpuMean).max() ?? .nan)))"
}.joined(separator: ", ")
let moveBytes = everyScale.compactMap { $0.bytes?.moves.max() }.max() ?? -1
func met(_ ok: Bool) -> String { ok ? "**met**" : "**missed**" }
md += """
## Targets (issue 11)

| target | measured | |
|---|---|---|
| 1M-row `report --format json`, whole process, under 1/4 of Python's csv module reading the file | \(ms(big.report.best)) vs \(ms(big.pyCSV.best)): ratio \(ratio(big.report.best, big.pyCSV.best)) (CPU time: \(ms(big.reportCPU.best)) vs \(ms(big.pyCSVCPU.best)), ratio \(ratio(big.reportCPU.best, big.pyCSVCPU.best))) | \(met(reportRatio < 0.25)) |
| peak memory of that process under 300 MB (aim: under 150 MB) | \(mb(big.peakKB)) | \(met(big.peakKB < 300 * 1024))\(big.peakKB < 150 * 1024 ? " (aim met)" : " (aim missed)") |
| the sample's first frame (`snapshot` of the overview at 200x60) within 1.5x `csdash --version` | \(ms(sample?.snapshot.best ?? .nan)) vs \(ms(sample?.version.best ?? .nan)): ratio \(String(format: "%.2f", frameRatio)) | \(met(frameRatio <= 1.5)) |
| each key action under 2 ms at 200x60 (update + render; the slowest kind's mean, by scale) | \(actionsByScale) | \(met(worstAction < 0.002))\(worstAction >= 0.002 && worstActionCPU < 0.002 ? " (met in CPU time)" : "") |
| a one-row selection move under 1 KB to the terminal (worst of 5 moves at any scale) | \(moveBytes) bytes | \(met(moveBytes >= 0 && moveBytes < 1024)) |


"""

md += """
## Whole processes and in-process, by scale

Synthetic data (`SyntheticData.swift`): monthly indicators in 8 panels, two comparator columns, about 1 value in
97 suppressed (`c`) and 1 comparator in 89 empty, 10 risks.

| | \(results.map { "\($0.label) rows" }.joined(separator: " | ")) |
|---|\(results.map { _ in "---:" }.joined(separator: "|"))|
| indicators x months | \(results.map { "\($0.indicators) x \($0.rows / $0.indicators)" }.joined(separator: " | ")) |
| CSV size | \(results.map { String(format: "%.1f MB", $0.megabytes) }.joined(separator: " | ")) |
| in-process: `DataDirectory.load` (YAML, CSV, checks) | \(results.map { ms($0.load.best) }.joined(separator: " | ")) |
| in-process: evaluate every indicator (`Scorecard`) | \(results.map { ms($0.evaluate.best) }.joined(separator: " | ")) |
| process: `csdash report --format json` | \(results.map { ms($0.report.best) }.joined(separator: " | ")) |
| peak memory of `report` | \(results.map { mb($0.peakKB) }.joined(separator: " | ")) |
| Python csv module reading the file (in Python) | \(results.map { ms($0.pyCSV.best) }.joined(separator: " | ")) |
| Python csv module, whole process | \(results.map { ms($0.pyCSVProcess.best) }.joined(separator: " | ")) |
| **ratio: csdash `report` process / Python csv read** | \(results.map { "**" + ratio($0.report.best, $0.pyCSV.best) + "**" }.joined(separator: " | ")) |
| CPU time (user + system): csdash `report` process, all threads | \(results.map { ms($0.reportCPU.best) }.joined(separator: " | ")) |
| CPU time: Python csv module reading the file | \(results.map { ms($0.pyCSVCPU.best) }.joined(separator: " | ")) |
| ratio of CPU times (does not depend on how busy the machine is) | \(results.map { ratio($0.reportCPU.best, $0.pyCSVCPU.best) }.joined(separator: " | ")) |

"""
if hasPandas {
    md += "| pandas `read_csv` (in Python) | \(results.map { ms($0.pandas.best) }.joined(separator: " | ")) |\n"
    md += "| ratio: csdash `report` process / pandas | \(results.map { ratio($0.report.best, $0.pandas.best) }.joined(separator: " | ")) |\n"
}
if hasDuckDB {
    md += "| DuckDB `read_csv` into a table (in Python, all cores) | \(results.map { ms($0.duckdb.best) }.joined(separator: " | ")) |\n"
    md += "| ratio: csdash `report` process / DuckDB | \(results.map { ratio($0.report.best, $0.duckdb.best) }.joined(separator: " | ")) |\n"
}
if !hasPandas || !hasDuckDB {
    md += "\n\(hasPandas ? "" : "pandas ")\(!hasPandas && !hasDuckDB ? "and " : "")\(hasDuckDB ? "" : "DuckDB ")not installed for python3: not measured.\n"
}

let all = results + (sample.map { [$0] } ?? [])
md += """

## First frame

| | \(all.map(\.label).joined(separator: " | ")) |
|---|\(all.map { _ in "---:" }.joined(separator: "|"))|
| `csdash --version` (process floor) | \(all.map { ms($0.version.best) }.joined(separator: " | ")) |
| `csdash snapshot DIR --size 200x60` (load, evaluate, first frame) | \(all.map { ms($0.snapshot.best) }.joined(separator: " | ")) |
| ratio | \(all.map { ratio($0.snapshot.best, $0.version.best) }.joined(separator: " | ")) |
| peak memory of `snapshot` | \(all.map { mb($0.snapshotPeakKB) }.joined(separator: " | ")) |

## Key actions at 200x60 (update + render into the cell grid), 200 of each

Wall time mean / slowest / mean CPU time of the thread (the CPU time leaves out waits for a core on a busy machine).

| action | \(all.map { "\($0.label) mean / max / CPU" }.joined(separator: " | ")) |
|---|\(all.map { _ in "---:" }.joined(separator: "|"))|

"""
for (k, a) in (all.first?.actions ?? []).enumerated() {
    md += "| \(a.name) | \(all.map { $0.actions.count > k ? "\(ms($0.actions[k].mean)) / \(ms($0.actions[k].max)) / \(ms($0.actions[k].cpuMean))" : "" }.joined(separator: " | ")) |\n"
}
md += """

## Bytes written to a 200x60 terminal

`pty_bytes.py` runs the dashboard (`TERM=xterm-256color`, UTF-8) on a pseudo-terminal, presses keys and counts
what csdash writes back after each.

| | \(all.map(\.label).joined(separator: " | ")) |
|---|\(all.map { _ in "---:" }.joined(separator: "|"))|
| first frame | \(all.map { $0.bytes.map { "\($0.first_frame)" } ?? "n/a" }.joined(separator: " | ")) |
| one-row selection move (j), 5 moves | \(all.map { $0.bytes.map { $0.moves.map(String.init).joined(separator: ", ") } ?? "n/a" }.joined(separator: " | ")) |
| open an indicator (Enter) | \(all.map { $0.bytes.map { "\($0.open)" } ?? "n/a" }.joined(separator: " | ")) |
| back to the overview (Backspace) | \(all.map { $0.bytes.map { "\($0.back)" } ?? "n/a" }.joined(separator: " | ")) |

## The CSV reader on its own (1M rows)

| | time | vs Python csv read |
|---|---:|---:|
| `CSVReader` + `CSVNumber`: every row, the value parsed from the bytes | \(ms(readerOnly.best)) | \(ratio(readerOnly.best, big.pyCSV.best)) |
| Swift `String.split` into lines and fields, `Double(Substring)` (one run) | \(ms(stringSplit)) | \(ratio(stringSplit, big.pyCSV.best)) |
| Python csv module reading the file | \(ms(big.pyCSV.best)) | 1.00 |

"""
let notesPath = URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("benchmark-notes.md").path
if let notes = try? String(contentsOfFile: notesPath, encoding: .utf8) {
    md += "\n" + notes
}
try md.write(toFile: outputPath, atomically: true, encoding: .utf8)
print(md, terminator: "")
