/// Checks for benchmarks: `benchmark:` links, and the reserved position columns of history files
/// (`neighbours_contributing`, `rank`, `rank_of`, `quartile`, `neighbour_rank`, `neighbour_rank_of`).
enum BenchmarkChecks {
    static func run(_ dataset: Dataset, log: DiagnosticLog) {
        var byID: [String: Indicator] = [:]
        for ind in dataset.indicators { byID[ind.id] = ind }
        for link in log.links where link.kind == .indicatorToBenchmark {
            guard let from = byID[link.from] else { continue }
            guard let to = byID[link.to] else {
                log.error(link.location, "indicator '\(link.from)': benchmark '\(link.to)' is not an indicator or benchmark series")
                continue
            }
            if link.to == link.from {
                log.error(link.location, "indicator '\(link.from)' names itself as its benchmark")
            } else if to.frequency != .annual {
                log.error(link.location, "indicator '\(link.from)': benchmark '\(link.to)' is \(to.frequency.rawValue); "
                    + "a benchmark is an annual series (frequency: annual, or listed under benchmarks:)")
            } else if to.benchmark != nil {
                log.error(link.location, "indicator '\(link.from)': benchmark '\(link.to)' has a benchmark of its own; links do not chain")
            } else if to.unit != from.unit {
                log.error(link.location, "indicator '\(link.from)' is \(from.unit.rawValue) but its benchmark '\(link.to)' is \(to.unit.rawValue)")
            } else if from.polarity != to.polarity {
                log.warning(link.location, "indicator '\(link.from)' is polarity \(from.polarity.rawValue) but its benchmark "
                    + "'\(link.to)' is \(to.polarity.rawValue): ranks follow the benchmark's")
            }
        }
        for ind in dataset.indicators {
            for name in ind.comparators where BenchmarkPosition.isReserved(name) {
                log.error(ind.location, "indicator '\(ind.id)': '\(name)' is a reserved rank column, not a comparator")
            }
            if ind.isBenchmarkSeries, !dataset.indicators.contains(where: { $0.benchmark == ind.id }) {
                log.warning(ind.location, "benchmark series '\(ind.id)' is not named by any indicator's benchmark:, so it is never shown")
            }
        }
        reservedColumns(dataset, log: log)
    }

    /// Reserved columns hold whole numbers in range.
    private static func reservedColumns(_ dataset: Dataset, log: DiagnosticLog) {
        let idx = BenchmarkPosition.columns.map { dataset.comparatorIndex($0) }
        guard idx.contains(where: { $0 != nil }) else { return }
        for ind in dataset.indicators {
            for o in ind.history {
                func whole(_ k: Int) -> Int? {
                    guard let i = idx[k], let v = o.comparator(i) else { return nil }
                    if v != v.rounded() || v < 0 {
                        var at = o.source
                        at.column = BenchmarkPosition.columns[k]
                        log.error(at, "\(BenchmarkPosition.columns[k]) must be a whole number, not \(v)")
                        return nil
                    }
                    return Int(v)
                }
                let cells = (0..<idx.count).map(whole)
                var at = o.source
                if let r = cells[1], let n = cells[2], r < 1 || r > n {
                    at.column = "rank"
                    log.error(at, "rank \(r) is not between 1 and rank_of \(n)")
                }
                if let q = cells[3], !(1...4).contains(q) {
                    at.column = "quartile"
                    log.error(at, "quartile must be 1 to 4, not \(q)")
                }
                if let r = cells[4], let n = cells[5], r < 1 || r > n {
                    at.column = "neighbour_rank"
                    log.error(at, "neighbour_rank \(r) is not between 1 and neighbour_rank_of \(n)")
                }
            }
        }
    }
}
