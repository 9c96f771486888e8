import CsdashCore
import Foundation

/// Everything measured on one data directory.
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
    /// The board pack (`report --format html`) rendered in process, and its size in bytes.
    var pack = Sample(), packBytes = 0
    var actions: [ActionTiming] = []
    var bytes: PtyBytes?
}

/// How the measuring runs: the csdash binary and how many runs make a best time.
struct Bench {
    let csdash: String
    let runs: Int

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

    /// In-process load and evaluation; gives the dataset.
    func measureInProcess(_ r: inout ScaleResult, dir: String, indicators: Int) throws -> Dataset {
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
            precondition(card.indicators.count == indicators)
        }
        // The board pack, from the evaluated card to the whole HTML document (one run: it is the slowest format).
        let card = Scorecard(dataset: dataset!, asAt: dataset!.latestQuarter!)
        let t0 = now()
        r.packBytes = ReportFormat.html.render(card).utf8.count
        r.pack.add(seconds(since: t0))
        return dataset!
    }

    /// `report --format json` as a whole process, interleaved run by run with Python reading the file.
    func measureReport(_ r: inout ScaleResult, dir: String, csv: String) {
        for _ in 0..<runs {
            let rep = spawn([csdash, "report", dir, "--format", "json"])
            precondition(rep.status == 0, "csdash report failed on \(dir)")
            r.report.add(rep.seconds)
            r.reportCPU.add(rep.cpuSeconds)
            if Python.available {
                let (t, whole, cpu) = Python.run(Python.csvModule, csv)
                r.pyCSV.add(t)
                r.pyCSVProcess.add(whole)
                r.pyCSVCPU.add(cpu)
            }
            if Python.hasPandas { r.pandas.add(Python.run(Python.pandas, csv).0) }
            if Python.hasDuckDB { r.duckdb.add(Python.run(Python.duckDB, csv).0) }
        }
        r.peakKB = peakMemoryKB([csdash, "report", dir, "--format", "json"])
    }

    /// `CSVReader` alone over the file, and Swift's `String.split` (one run): (best reader time, split time).
    func measureReaderAlone(csv: String) throws -> (Sample, Double) {
        var readerOnly = Sample()
        let data = try Data(contentsOf: URL(fileURLWithPath: csv))
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
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            s += Double(f[2]) ?? 0
        }
        precondition(s > 0)
        return (readerOnly, seconds(since: t0))
    }
}

func log(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }
func ms(_ s: Double) -> String { s.isFinite ? String(format: s < 0.01 ? "%.2f ms" : "%.1f ms", s * 1000) : "n/a" }
func mb(_ kb: Int) -> String { String(format: "%.0f MB", Double(kb) / 1024) }
func ratio(_ a: Double, _ b: Double) -> String { a.isFinite && b.isFinite && b > 0 ? String(format: "%.2f", a / b) : "n/a" }
