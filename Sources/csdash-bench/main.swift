// make bench: writes synthetic data at 10k, 100k and 1M history rows and measures csdash on each, as whole
// processes (posix_spawn + wait4: wall time and peak memory) and in-process, interleaved with Python's csv
// module (and pandas/DuckDB when installed) reading the same file. Writes docs/benchmarks.md and prints it.
//
// usage: csdash-bench [OUTPUT.md]    (run from the source tree; expects .build/release/csdash beside it)
//        csdash-bench keys DIR [ROUNDS [KINDS]]   only the key actions on one directory (for perf or callgrind);
//                                                 KINDS picks actions by their letters in "tjeb[]"
//        csdash-bench load DIR [ROUNDS]           only load the directory ROUNDS times
//        csdash-bench data DIR                    only write the synthetic directories (DIR/10k, DIR/100k, DIR/1M)
import CsdashCore
import Foundation

let arguments = CommandLine.arguments
if arguments.count > 2, arguments[1] == "keys" {
    let ds = try DataDirectory.load(arguments[2]).dataset
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 200 : 200
    for a in keyActions(ds, rounds: rounds, only: arguments.count > 4 ? arguments[4] : nil) {
        print(a.name.padding(toLength: 24, withPad: " ", startingAt: 0), ms(a.mean), ms(a.max), "cpu", ms(a.cpuMean))
    }
    exit(0)
}
if arguments.count > 2, arguments[1] == "load" {
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
    let t = Date()
    var count = 0
    for _ in 0..<rounds { count += try DataDirectory.load(arguments[2]).dataset.indicators.count }
    print(rounds, "loads:", ms(Date().timeIntervalSince(t) / Double(rounds)), "each;", count / rounds, "indicators")
    exit(0)
}
if arguments.count == 3, arguments[1] == "data" {
    for scale in SyntheticData.scales { try scale.write(to: arguments[2] + "/\(scale.label)") }
    exit(0)
}

let outputPath = arguments.count == 2 ? arguments[1] : "docs/benchmarks.md"
let exeURL = Bundle.main.executableURL!.resolvingSymlinksInPath()
let bench = Bench(csdash: exeURL.deletingLastPathComponent().appendingPathComponent("csdash").path, runs: 5)
guard FileManager.default.isExecutableFile(atPath: bench.csdash) else {
    log("csdash-bench: \(bench.csdash) not found: build it first (make bench does)")
    exit(1)
}
let work = NSTemporaryDirectory() + "csdash-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
var report = BenchReport(results: [], sample: nil, readerOnly: Sample(), stringSplit: .nan, started: Date(),
                         loadAtStart: BenchReport.loadAverage(), runs: bench.runs)

for scale in SyntheticData.scales {
    let dir = work + "/\(scale.label)"
    log("csdash-bench: writing \(scale.rows) rows (\(scale.indicators) indicators x \(scale.months) months)")
    let csvPath = try scale.write(to: dir)
    let size = Double((try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0) / 1e6
    var r = ScaleResult(label: scale.label, rows: scale.rows, indicators: scale.indicators, megabytes: size)
    log("csdash-bench: \(scale.label): in-process load and evaluation")
    let dataset = try bench.measureInProcess(&r, dir: dir, indicators: scale.indicators)
    log("csdash-bench: \(scale.label): whole processes, interleaved with Python")
    bench.measureReport(&r, dir: dir, csv: csvPath)
    bench.measureFrames(&r, dir: dir)
    log("csdash-bench: \(scale.label): key actions at 200x60")
    r.actions = keyActions(dataset, rounds: 200)
    log("csdash-bench: \(scale.label): bytes to a 200x60 pseudo-terminal")
    r.bytes = PtyBytes.measure(bench.csdash, dir)
    if scale.rows >= 1_000_000 {
        log("csdash-bench: \(scale.label): the CSV reader alone, and Swift String splitting")
        (report.readerOnly, report.stringSplit) = try bench.measureReaderAlone(csv: csvPath)
    }
    report.results.append(r)
}

// The bundled sample: the first-frame target is on it.
if let dir = DataLocator.bundledSample(executable: exeURL), let ds = try? DataDirectory.load(dir).dataset {
    log("csdash-bench: sample data: first frame, key actions, bytes")
    var r = ScaleResult(label: "sample", rows: ds.indicators.reduce(0) { $0 + $1.history.count },
                        indicators: ds.indicators.count, megabytes: 0)
    bench.measureFrames(&r, dir: dir)
    r.actions = keyActions(ds, rounds: 200)
    r.bytes = PtyBytes.measure(bench.csdash, dir)
    report.sample = r
}

var md = report.markdown()
let notesPath = URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("benchmark-notes.md").path
if let notes = try? String(contentsOfFile: notesPath, encoding: .utf8) {
    md += "\n" + notes
}
try md.write(toFile: outputPath, atomically: true, encoding: .utf8)
print(md, terminator: "")
