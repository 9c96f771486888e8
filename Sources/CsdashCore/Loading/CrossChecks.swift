/// Checks that need the whole directory: links between indicators, risks and panels.
enum CrossChecks {
    static func run(_ dataset: inout Dataset, log: DiagnosticLog) {
        let indicatorIDs = Set(dataset.indicators.map(\.id))
        let riskIDs = Set(dataset.risks.map(\.id))
        let panelIDs = Set(dataset.panels.map(\.id))
        for link in log.links {
            switch link.kind {
            case .indicatorToRisk where !riskIDs.contains(link.to):
                let hint = riskIDs.isEmpty ? " (there is no risks.yaml, or it defines no risks)" : ""
                log.error(link.location, "indicator '\(link.from)' links to unknown risk '\(link.to)'\(hint)")
            case .riskToIndicator where !indicatorIDs.contains(link.to):
                log.error(link.location, "risk '\(link.from)' links to unknown indicator '\(link.to)'")
            case .riskToPanel where !panelIDs.contains(link.to):
                log.error(link.location, "risk '\(link.from)' names unknown panel '\(link.to)'")
            default:
                break
            }
        }
        // Dangling links are reported above and dropped, so the dashboard never opens what is not there.
        for i in dataset.indicators.indices { dataset.indicators[i].risks.removeAll { !riskIDs.contains($0) } }
        for i in dataset.risks.indices {
            dataset.risks[i].indicators.removeAll { !indicatorIDs.contains($0) }
            if let p = dataset.risks[i].panel, !panelIDs.contains(p) { dataset.risks[i].panel = nil }
        }
        // Links are two-way: a risk that names an indicator is linked from it too, and the other way round.
        var riskIndex: [String: Int] = [:]
        for (i, r) in dataset.risks.enumerated() { riskIndex[r.id] = i }
        var indicatorIndex: [String: Int] = [:]
        for (i, ind) in dataset.indicators.enumerated() { indicatorIndex[ind.id] = i }
        for ind in dataset.indicators {
            for rid in ind.risks {
                if let ri = riskIndex[rid], !dataset.risks[ri].indicators.contains(ind.id) {
                    dataset.risks[ri].indicators.append(ind.id)
                }
            }
        }
        for r in dataset.risks {
            for iid in r.indicators {
                if let ii = indicatorIndex[iid], !dataset.indicators[ii].risks.contains(r.id) {
                    dataset.indicators[ii].risks.append(r.id)
                }
            }
        }
        for ind in dataset.indicators {
            for name in ind.comparators where dataset.comparatorIndex(name) == nil {
                log.warning(ind.location, "indicator '\(ind.id)': comparator '\(name)' is not a column of any history file")
            }
            if ind.history.isEmpty {
                log.warning(ind.location, "indicator '\(ind.id)' has no history rows")
            }
        }
        // Indicators keep panel order, then file order, for display.
        // Each indicator's panel position is looked up once, not at every comparison.
        let order = Dictionary(uniqueKeysWithValues: dataset.panels.enumerated().map { ($1.id, $0) })
        let panelOrder = dataset.indicators.map { order[$0.panel] ?? .max }
        let indicators = dataset.indicators
        dataset.indicators = indicators.indices
            .sorted { (panelOrder[$0], $0) < (panelOrder[$1], $1) }
            .map { indicators[$0] }
    }

    /// An indicator whose panel indicators.yaml does not define (an error, already reported and marked on the
    /// indicator) still shows, in a panel of its own after the others, rather than vanishing from the overview
    /// and the wall.
    static func panelsForStrays(_ dataset: inout Dataset) {
        var known = Set(dataset.panels.map(\.id))
        for ind in dataset.indicators where !ind.isBenchmarkSeries && known.insert(ind.panel).inserted {
            let title = ind.panel.isEmpty ? "Indicators without a panel" : "Unknown panel '\(ind.panel)'"
            dataset.panels.append(Panel(id: ind.panel, title: title))
        }
    }
}
