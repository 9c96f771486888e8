import CsdashCore

/// What the overview needs of every indicator that does not change from key to key: each panel's indicators
/// (as positions in the scorecard), their status counts, and the texts and widths that size the columns.
/// Built once per scorecard (at start, on a change of quarter or a reload), so a key press costs work for
/// the rows on screen, not for every indicator in the data.
struct OverviewCache: Sendable {
    /// Positions in `Scorecard.indicators` by panel id, in the scorecard's order.
    var byPanel: [String: [Int]] = [:]
    /// Per scorecard position: the value as the overview shows it, and the widths that size the columns.
    var valueText: [String] = []
    var valueWidth: [Int] = []
    var titleWidth: [Int] = []
    var shortWidth: [Int] = []
    /// The width of `OverviewView.comparatorText(e, d, width: 20)`.
    var comparatorWidth: [Int] = []

    init() {}

    init(_ card: Scorecard) {
        let all = card.indicators
        valueText.reserveCapacity(all.count)
        // Comparator columns by name with their widths, worked out once per name (`Dataset.comparatorIndex`
        // lowercases every time, and counting characters is not free).
        var names: [String: (column: Int?, width: Int, short: Int)] = [:]
        func widthOfComparator(_ e: IndicatorEvaluation) -> Int {
            guard let current = e.current else { return 0 }
            for name in e.indicator.comparators {
                let known: (column: Int?, width: Int, short: Int)
                if let k = names[name] { known = k } else {
                    known = (card.dataset.comparatorIndex(name), name.count, ComparatorName.short(name).count)
                    names[name] = known
                }
                guard let column = known.column, let v = current.comparator(column) else { continue }
                // As `OverviewView.comparatorText(e, d, width: 20)`.
                let n = ValueFormat.value(v, e.indicator, style: .bare).count
                return known.width + 1 + n <= 20 ? known.width + 1 + n : known.short + 1 + n
            }
            return 0
        }
        for (i, e) in all.enumerated() {
            byPanel[e.indicator.panel, default: []].append(i)
            // An indicator whose data has a problem shows `error` instead of a value.
            let v = e.indicator.dataProblem ? "error" : ValueFormat.value(e.value, e.indicator)
            valueText.append(v)
            valueWidth.append(v.count)
            titleWidth.append(e.indicator.title.count)
            shortWidth.append(e.indicator.short.count)
            comparatorWidth.append(widthOfComparator(e))
        }
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
