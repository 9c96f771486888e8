import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// docs/benchmarks.md from the measurements, section by section.
struct BenchReport {
    var results: [ScaleResult]
    var sample: ScaleResult?
    var readerOnly: Sample
    var stringSplit: Double
    var started: Date
    var loadAtStart: String
    var runs: Int

    var big: ScaleResult { results.last! }
    var all: [ScaleResult] { results + (sample.map { [$0] } ?? []) }

    func markdown() -> String {
        header() + targets() + byScale() + frames() + keys() + bytes() + reader()
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }

    private func firstLine(_ argv: [String]) -> String {
        spawn(argv, captureOutput: true).output.split(separator: "\n").first.map(String.init) ?? "?"
    }

    private func machine() -> String {
        let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
            .first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "?"
        let memKB = ((try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? "").split(separator: "\n")
            .first { $0.hasPrefix("MemTotal") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var uts = utsname()
        uname(&uts)
        func text<T>(_ t: T) -> String { withUnsafeBytes(of: t) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(mb(memKB)) RAM, "
            + "\(text(uts.sysname)) \(text(uts.release)) \(text(uts.machine))"
    }

    private func header() -> String {
        let pandas = Python.hasPandas ? ", pandas " + firstLine(["python3", "-c", "import pandas; print(pandas.__version__)"]) : ""
        let duckdb = Python.hasDuckDB ? ", DuckDB " + firstLine(["python3", "-c", "import duckdb; print(duckdb.__version__)"]) : ""
        return """
        # Benchmarks

        Written by `make bench` (`Sources/csdash-bench/`); do not edit by hand: rerun it. The notes at the end are
        kept in `docs/benchmark-notes.md` and copied in.

        - Date: \(ISO8601DateFormatter().string(from: started)) (\(Int(Date().timeIntervalSince(started))) s to run)
        - Machine: \(machine())
        - Load average at start / end: \(loadAtStart) / \(BenchReport.loadAverage()) (other work shares these cores: read ratios, not absolute times)
        - \(firstLine(["swift", "--version"])); \(firstLine(["python3", "--version"]))\(pandas)\(duckdb)
        - Method: release build; files in the page cache; every time is the best of \(runs) runs (\(3 * runs) for `--version` and the
          first frame, short processes that other work disturbs most), csdash and Python interleaved run by run. Whole-process times run from `posix_spawn` to exit as reaped by `wait4`. Peak
          resident memory (`ru_maxrss`) comes from one more run started by a small Python process (a child's
          `ru_maxrss` also counts the process that spawned it). Python's times are measured inside Python
          (interpreter start and imports excluded), which favours Python.


        """
    }

    private func targets() -> String {
        let reportRatio = big.report.best / big.pyCSV.best
        let frameRatio = sample.map { $0.snapshot.best / $0.version.best } ?? .nan
        let worstAction = all.flatMap(\.actions).map(\.mean).max() ?? .nan
        let worstActionCPU = all.flatMap(\.actions).map(\.cpuMean).max() ?? .nan
        let actionsByScale = all.map { r in
            "\(r.label) \(ms(r.actions.map(\.mean).max() ?? .nan)) (CPU \(ms(r.actions.map(\.cpuMean).max() ?? .nan)))"
        }.joined(separator: ", ")
        let moveBytes = all.compactMap { $0.bytes?.moves.max() }.max() ?? -1
        func met(_ ok: Bool) -> String { ok ? "**met**" : "**missed**" }
        return """
        ## Targets

        | target | measured | |
        |---|---|---|
        | 1M-row `report --format json`, whole process, under 1/4 of Python's csv module reading the file | \(ms(big.report.best)) vs \(ms(big.pyCSV.best)): ratio \(ratio(big.report.best, big.pyCSV.best)) (CPU time: \(ms(big.reportCPU.best)) vs \(ms(big.pyCSVCPU.best)), ratio \(ratio(big.reportCPU.best, big.pyCSVCPU.best))) | \(met(reportRatio < 0.25)) |
        | peak memory of that process under 150 MB | \(mb(big.peakKB)) | \(met(big.peakKB < 150 * 1024)) |
        | the sample's first frame (`snapshot` of the overview at 200x60) under 2x `csdash --version` | \(ms(sample?.snapshot.best ?? .nan)) vs \(ms(sample?.version.best ?? .nan)): ratio \(String(format: "%.2f", frameRatio)) | \(met(frameRatio < 2)) |
        | each key action under 2 ms at 200x60 (update + render; the slowest kind's mean, by scale) | \(actionsByScale) | \(met(worstAction < 0.002))\(worstAction >= 0.002 && worstActionCPU < 0.002 ? " (met in CPU time)" : "") |
        | a one-row selection move under 1 KB to the terminal (worst of 5 moves at any scale) | \(moveBytes) bytes | \(met(moveBytes >= 0 && moveBytes < 1024)) |


        """
    }

    private func row(_ name: String, _ cell: (ScaleResult) -> String) -> String {
        "| \(name) | \(results.map(cell).joined(separator: " | ")) |\n"
    }

    private func byScale() -> String {
        var md = """
        ## Whole processes and in-process, by scale

        Synthetic data (`SyntheticData.swift`): monthly indicators in 8 panels, two comparator columns, about 1 value in
        97 suppressed (`c`) and 1 comparator in 89 empty, 10 risks.

        | | \(results.map { "\($0.label) rows" }.joined(separator: " | ")) |
        |---|\(results.map { _ in "---:" }.joined(separator: "|"))|

        """
        md += row("indicators x months") { "\($0.indicators) x \($0.rows / $0.indicators)" }
        md += row("CSV size") { String(format: "%.1f MB", $0.megabytes) }
        md += row("in-process: `DataDirectory.load` (YAML, CSV, checks)") { ms($0.load.best) }
        md += row("in-process: evaluate every indicator (`Scorecard`)") { ms($0.evaluate.best) }
        md += row("process: `csdash report --format json`") { ms($0.report.best) }
        md += row("peak memory of `report`") { mb($0.peakKB) }
        md += row("in-process: the board pack (`report --format html`)") { ms($0.pack.best) }
        md += row("board pack size (target: under 50 MB at 1M rows)") { String(format: "%.1f MB", Double($0.packBytes) / 1e6) }
        md += row("Python csv module reading the file (in Python)") { ms($0.pyCSV.best) }
        md += row("Python csv module, whole process") { ms($0.pyCSVProcess.best) }
        md += row("**ratio: csdash `report` process / Python csv read**") { "**" + ratio($0.report.best, $0.pyCSV.best) + "**" }
        md += row("CPU time (user + system): csdash `report` process, all threads") { ms($0.reportCPU.best) }
        md += row("CPU time: Python csv module reading the file") { ms($0.pyCSVCPU.best) }
        md += row("ratio of CPU times (does not depend on how busy the machine is)") { ratio($0.reportCPU.best, $0.pyCSVCPU.best) }
        if Python.hasPandas {
            md += row("pandas `read_csv` (in Python)") { ms($0.pandas.best) }
            md += row("ratio: csdash `report` process / pandas") { ratio($0.report.best, $0.pandas.best) }
        }
        if Python.hasDuckDB {
            md += row("DuckDB `read_csv` into a table (in Python, all cores)") { ms($0.duckdb.best) }
            md += row("ratio: csdash `report` process / DuckDB") { ratio($0.report.best, $0.duckdb.best) }
        }
        let missing = [Python.hasPandas ? nil : "pandas", Python.hasDuckDB ? nil : "DuckDB"].compactMap { $0 }
        if !missing.isEmpty { md += "\n\(missing.joined(separator: " and ")) not installed for python3: not measured.\n" }
        return md
    }

    private func frames() -> String {
        """

        ## First frame

        | | \(all.map(\.label).joined(separator: " | ")) |
        |---|\(all.map { _ in "---:" }.joined(separator: "|"))|
        | `csdash --version` (process floor) | \(all.map { ms($0.version.best) }.joined(separator: " | ")) |
        | `csdash snapshot DIR --size 200x60` (load, evaluate, first frame) | \(all.map { ms($0.snapshot.best) }.joined(separator: " | ")) |
        | ratio | \(all.map { ratio($0.snapshot.best, $0.version.best) }.joined(separator: " | ")) |
        | peak memory of `snapshot` | \(all.map { mb($0.snapshotPeakKB) }.joined(separator: " | ")) |

        """
    }

    private func keys() -> String {
        var md = """

        ## Key actions at 200x60 (update + render into the cell grid), 200 of each

        Wall time mean / slowest / mean CPU time of the thread (the CPU time leaves out waits for a core on a busy machine).

        | action | \(all.map { "\($0.label) mean / max / CPU" }.joined(separator: " | ")) |
        |---|\(all.map { _ in "---:" }.joined(separator: "|"))|

        """
        for (k, a) in (all.first?.actions ?? []).enumerated() {
            let cells = all.map { r in
                r.actions.count > k ? "\(ms(r.actions[k].mean)) / \(ms(r.actions[k].max)) / \(ms(r.actions[k].cpuMean))" : ""
            }
            md += "| \(a.name) | \(cells.joined(separator: " | ")) |\n"
        }
        return md
    }

    private func bytes() -> String {
        func cells(_ f: (PtyBytes) -> String) -> String { all.map { $0.bytes.map(f) ?? "n/a" }.joined(separator: " | ") }
        return """

        ## Bytes written to a 200x60 terminal

        `pty_bytes.py` runs the dashboard (`TERM=xterm-256color`, UTF-8) on a pseudo-terminal, presses keys and counts
        what csdash writes back after each.

        | | \(all.map(\.label).joined(separator: " | ")) |
        |---|\(all.map { _ in "---:" }.joined(separator: "|"))|
        | first frame | \(cells { "\($0.first_frame)" }) |
        | one-row selection move (j), 5 moves | \(cells { $0.moves.map(String.init).joined(separator: ", ") }) |
        | open an indicator (Enter) | \(cells { "\($0.open)" }) |
        | back to the overview (Backspace) | \(cells { "\($0.back)" }) |

        """
    }

    private func reader() -> String {
        """

        ## The CSV reader on its own (1M rows)

        | | time | vs Python csv read |
        |---|---:|---:|
        | `CSVReader` + `CSVNumber`: every row, the value parsed from the bytes | \(ms(readerOnly.best)) | \(ratio(readerOnly.best, big.pyCSV.best)) |
        | Swift `String.split` into lines and fields, `Double(Substring)` (one run) | \(ms(stringSplit)) | \(ratio(stringSplit, big.pyCSV.best)) |
        | Python csv module reading the file | \(ms(big.pyCSV.best)) | 1.00 |

        """
    }
}
