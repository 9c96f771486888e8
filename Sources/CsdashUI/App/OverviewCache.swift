import CsdashCore

/// What the overview needs of every indicator that does not change from key to key: each panel's indicators
/// (as positions in the scorecard), their status counts, and the widths that size the columns.
///
/// The part that depends only on the dataset (`Layout`: panels, title widths, which comparator columns each
/// indicator has) is built once and kept across changes of quarter; the part that depends on the quarter
/// (value and comparator widths) is counted without writing any text. A frame formats only the rows on screen.
struct OverviewCache: Sendable {
    struct Layout: Sendable {
        /// Positions in `Scorecard.indicators` by panel id, in the scorecard's order.
        var byPanel: [String: [Int]] = [:]
        var titleWidth: [Int] = []
        var shortWidth: [Int] = []
        /// Per position: the indicator's comparators that the data has a column for, in its order, with the
        /// widths of their names in full and short (as `OverviewView.comparatorText` writes them).
        var comparators: [[Comparator]] = []
        /// The version of the dataset it was built from (`AppState` counts them).
        var datasetVersion = -1

        struct Comparator: Sendable {
            var column: Int
            var width: Int
            var short: Int
        }

        init() {}

        init(_ card: Scorecard, datasetVersion: Int) {
            self.datasetVersion = datasetVersion
            let all = card.indicators
            var names: [String: Comparator?] = [:]
            titleWidth.reserveCapacity(all.count)
            for (i, e) in all.enumerated() {
                let ind = e.indicator
                byPanel[ind.panel, default: []].append(i)
                titleWidth.append(ind.title.count)
                shortWidth.append(ind.short.count)
                comparators.append(ind.comparators.compactMap { name in
                    if let known = names[name] { return known }
                    let c = card.dataset.comparatorIndex(name).map {
                        Comparator(column: $0, width: name.count, short: ComparatorName.short(name).count)
                    }
                    names[name] = .some(c)
                    return c
                })
            }
        }
    }

    var layout = Layout()
    var byPanel: [String: [Int]] { layout.byPanel }
    var titleWidth: [Int] { layout.titleWidth }
    var shortWidth: [Int] { layout.shortWidth }
    /// Per scorecard position: the width of the value as the overview shows it, and of
    /// `OverviewView.comparatorText(e, d, width: 20)`.
    var valueWidth: [Int] = []
    var comparatorWidth: [Int] = []

    init() {}

    /// The cache for `card`, of the dataset `AppState` counts as `datasetVersion`, keeping `previous`'s layout
    /// when it is of the same one.
    init(_ card: Scorecard, datasetVersion: Int, previous: OverviewCache? = nil) {
        if let previous, previous.layout.datasetVersion == datasetVersion {
            layout = previous.layout
        } else {
            layout = Layout(card, datasetVersion: datasetVersion)
        }
        let all = card.indicators
        valueWidth.reserveCapacity(all.count)
        comparatorWidth.reserveCapacity(all.count)
        for (i, e) in all.enumerated() {
            // An indicator whose data has a problem shows `error` instead of a value.
            valueWidth.append(e.indicator.dataProblem ? 5 : ValueFormat.valueWidth(e.value, e.indicator))
            comparatorWidth.append(Self.comparatorWidth(e, layout.comparators[i]))
        }
    }

    /// The value as the overview shows it.
    static func valueText(_ e: IndicatorEvaluation) -> String {
        e.indicator.dataProblem ? "error" : ValueFormat.value(e.value, e.indicator)
    }

    /// As `OverviewView.comparatorText(e, d, width: 20)` counts: the first comparator with a value.
    private static func comparatorWidth(_ e: IndicatorEvaluation, _ list: [Layout.Comparator]) -> Int {
        guard let ci = e.currentIndex else { return 0 }
        let h = e.indicator.history
        for c in list {
            guard let v = h.comparator(c.column, at: ci) else { continue }
            let n = ValueFormat.valueWidth(v, e.indicator, style: .bare)
            return c.width + 1 + n <= 20 ? c.width + 1 + n : c.short + 1 + n
        }
        return 0
    }

    /// How many of a panel's indicators have each status, in `Chrome.countOrder`.
    func counts(panel id: String, in card: Scorecard) -> [Int] {
        var n = Array(repeating: 0, count: Chrome.countOrder.count)
        for i in byPanel[id] ?? [] {
            if let k = Chrome.countOrder.firstIndex(of: card.indicators[i].status) { n[k] += 1 }
        }
        return n
    }
}
