import CsdashCore

extension AppState {
    /// Puts freshly loaded data in place, or keeps the last good data and notes why the new data failed.
    mutating func apply(_ outcome: ReloadOutcome) {
        switch outcome {
        case let .loaded(dataset, _):
            replace(dataset)
            reloadProblems = []
            problems = []  // a clean load: the problems found at start (partial data) are gone
        case let .failed(problems):
            reloadProblems = Array(problems.prefix(50))
        }
    }

    /// Replaces the dataset keeping the user's place: the screens open (up to the first whose indicator or
    /// risk has gone), the focused panel and each panel's selected indicator (by id), the filters, and the
    /// quarter (the opening quarter, `opens_at` or the latest, moves on with the data; one the user chose stays).
    public mutating func replace(_ new: Dataset) {
        let wasOpening = asAt == dataset.openingQuarter
        let focusedPanel = dataset.panels[safe: panelIndex]?.id
        var selectedIDs: [String: String] = [:]
        for (i, p) in dataset.panels.enumerated() {
            let list = visibleIndicators(panel: i)
            if let r = rows[safe: i], !list.isEmpty { selectedIDs[p.id] = list[min(r, list.count - 1)].indicator.id }
        }
        let oldRows = Dictionary(dataset.panels.enumerated().map { ($1.id, rows[safe: $0] ?? 0) }, uniquingKeysWith: { a, _ in a })

        dataset = new
        quarters = new.quartersWithData
        let quarter = wasOpening ? (new.openingQuarter ?? asAt) : asAt
        if !quarters.contains(quarter) { quarters = (quarters + [quarter]).sorted() }
        view(at: quarter)
        panelIndex = focusedPanel.flatMap { id in new.panels.firstIndex { $0.id == id } } ?? min(panelIndex, max(0, new.panels.count - 1))
        rows = new.panels.enumerated().map { i, p in
            if let id = selectedIDs[p.id], let r = visibleIndicators(panel: i).firstIndex(where: { $0.indicator.id == id }) {
                return r
            }
            return oldRows[p.id] ?? 0
        }
        if let gone = stack.firstIndex(where: { f in
            switch f.screen {
            case let .indicator(id): return new.indicator(id) == nil
            case let .risk(id): return new.risk(id) == nil
            default: return false
            }
        }) {
            stack.removeSubrange(gone...)
        }
        clampSelections()
    }
}
