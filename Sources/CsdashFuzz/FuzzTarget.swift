import CsdashCore
import CsdashUI
import Foundation

/// What `make fuzz` feeds: one input drives one of the parsers, chosen by its first byte, and whatever
/// parses is then evaluated, reported in every format and drawn, so that a value the parser lets through
/// cannot crash anything further on. The regression tests replay saved inputs through the same function.
public enum FuzzTarget {
    public enum Kind: UInt8, CaseIterable, Sendable {
        case csvReader, number, period, indicatorsYAML, historyCSV, risksYAML, theme
    }

    /// A small valid directory that the history and risks targets put the fuzzed file beside.
    static let indicators = Data("""
        title: Fuzz
        panels:
          - {id: p, title: Panel}
        indicators:
          - {id: a, panel: p, title: A, unit: percent, polarity: higher, frequency: quarterly, comparators: [England],
             targets: [{from: "2020/21 Q1", value: 90, tolerance: 2}], risks: [R1]}
          - {id: b, panel: p, title: B, unit: count, polarity: lower, frequency: monthly}
          - {id: c, panel: p, title: C, unit: rate, per: "1,000", polarity: neutral, frequency: annual}

        """.utf8)
    static let history = Data("indicator,period,value,England\na,2020/21 Q1,88.5,90\nb,2020-04,12,\nc,2020/21,5,\n".utf8)
    static let risks = Data("""
        risks:
          - {id: R1, title: One, history: [{period: "2020/21 Q1", likelihood: 3, impact: 4}], indicators: [a]}

        """.utf8)

    /// Runs one input. Returns normally unless something crashes (which is what the fuzzer looks for).
    public static func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let first = input.first else { return }
        let kind = Kind(rawValue: first % UInt8(Kind.allCases.count))!
        let rest = UnsafeBufferPointer(rebasing: input[1...])
        let data = Data(buffer: rest)
        switch kind {
        case .csvReader:
            var rows = 0
            try? CSVReader.forEachRow(in: rest) { row in
                rows += 1
                for i in 0..<row.count {
                    _ = row.string(i)
                    _ = row.withField(i, CSVNumber.parse)
                    _ = row.withField(i) { Period.parse($0) }
                }
            }
        case .number:
            if case let .value(v) = CSVNumber.parse(rest) {
                precondition(v.isFinite, "CSVNumber let a non-finite value through")
                _ = ValueFormat.number(v, decimals: Int(first % 7))
                _ = Rounding.round(v, decimals: Int(first % 7))
            }
            _ = CSVNumber.parse(String(decoding: rest, as: UTF8.self))
        case .period:
            if let p = Period.parse(rest) {
                _ = (p.short, p.canonical, p.next, p.yearEarlier, p.startMonthIndex, p.endMonthIndex)
                precondition(Period(p.canonical) == p, "a period does not read back from its own spelling")
            }
            _ = Period(String(decoding: rest, as: UTF8.self))
        case .indicatorsYAML:
            exercise(load(indicators: data))
        case .historyCSV:
            exercise(load(history: data))
        case .risksYAML:
            exercise(load(risks: data))
        case .theme:
            switch Theme.parse(String(decoding: rest, as: UTF8.self), file: "fuzz.yaml") {
            case let .success(theme):
                draw(load(), theme: theme)
            case let .failure(e):
                _ = e.description
            }
        }
    }

    /// The small directory with one file replaced, through the loader users run (`DataDirectory.load`).
    static func load(indicators: Data = indicators, history: Data = history, risks: Data = risks) -> LoadResult {
        DataDirectory.load(DataDirectoryFiles(indicators: indicators, history: [("h.csv", history)], risks: risks))
    }

    public static func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { run($0) }
    }

    /// Everything downstream of loading: evaluation, every report format, every view at the smallest size.
    static func exercise(_ r: LoadResult) {
        for d in r.diagnostics { _ = d.description }
        draw(r, theme: .standard)
        guard let q = r.dataset.latestQuarter else { return }
        let card = Scorecard(dataset: r.dataset, asAt: q)
        for f in ReportFormat.allCases { _ = f.render(card) }
    }

    static func draw(_ r: LoadResult, theme: Theme) {
        let ds = r.dataset
        guard let q = ds.latestQuarter, !ds.panels.isEmpty else { return }
        // The overview and one page of each kind: enough to reach every widget, few enough to stay fast.
        var views = ["overview", "risks"]
        views += ds.indicators.prefix(1).map { "indicator:" + $0.id } + ds.risks.prefix(1).map { "risk:" + $0.id }
        for v in views {
            var s = AppState(dataset: ds, asAt: q, width: 80, height: 24)
            s.problems = r.diagnostics
            guard (try? s.open(view: v)) != nil else { continue }
            _ = AnsiText.colored(AppView.render(s, theme: theme, glyphs: .unicode))
        }
        var s = AppState(dataset: ds, asAt: q, width: 80, height: 24)
        s.problems = r.diagnostics
        s = update(s, .key(.char("!")))
        _ = AppView.render(s, theme: theme, glyphs: .ascii)
    }
}
