import Foundation

/// JSON in one stable, documented shape (docs/data-format.md): keys in a fixed order, numbers as numbers,
/// null where a value is missing.
enum JSONReport {
    static func render(_ card: Scorecard) -> String {
        var out: [UInt8] = []
        write(card) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the report to `sink` a megabyte or so at a time. The indicators are worked out and written a batch at
    /// a time on all cores, so a large report is never held whole.
    static func write(_ card: Scorecard, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        let d = card.dataset
        let w = JSONWriter(sink: sink)
        w.object {
            w.key("title"); w.string(d.title)
            w.key("organisation"); w.string(d.organisation)
            w.key("period"); w.string(card.asAt.canonical)
            w.key("summary")
            w.object {
                for (key, status) in [("better", Status.better), ("within", .within), ("worse", .worse),
                                      ("no_data", .noData), ("no_target", .none)] {
                    w.key(key); w.number(Double(card.count(status)))
                }
            }
            w.key("indicators")
            w.array {
                let at = w.position
                IndicatorReport.forEachBatch(card.indicators, in: d, part: { k, r in
                    // About 2 KB for the fields and drafts, and a line of about 70 bytes per chart point.
                    let points = r.spc?.points.count ?? 0
                    let part = JSONWriter(elementAt: at, first: k == 0, capacity: 2048 + points * (r.evaluation.indicator.spc.hasPhases ? 160 : 80))
                    indicator(part, r, d)
                    return part.output
                }) { parts in
                    for part in parts { w.append(element: part) }
                }
            }
            w.key("risks")
            risks(w, card)
        }
        w.flush(all: true)
        [UInt8(0x0A)].withUnsafeBufferPointer(sink)
    }

    /// The risks' array.
    static func risks(_ w: JSONWriter, _ card: Scorecard) {
        w.array {
            for r in card.risks {
                w.object {
                    w.key("id"); w.string(r.risk.id)
                    w.key("title"); w.string(r.risk.title)
                    w.key("score"); w.number(r.score.map(Double.init))
                    w.key("rating"); w.string(r.rating?.name)
                    w.key("likelihood"); w.number(r.current.map { Double($0.likelihood) })
                    w.key("impact"); w.number(r.current.map { Double($0.impact) })
                    w.key("previous_score"); w.number(r.previousScore.map(Double.init))
                    w.key("trend"); w.string(r.trend.rawValue)
                    w.key("draft"); w.string(Commentary.draft(r, in: card).text)
                    w.key("commentary"); w.string(Commentary.team(r))
                }
            }
        }
    }

    /// One indicator's object.
    static func indicator(_ w: JSONWriter, _ r: IndicatorReport, _ d: Dataset) {
        let e = r.evaluation
        w.object {
            w.key("id"); w.string(e.indicator.id)
            w.key("panel"); w.string(e.indicator.panel)
            w.key("title"); w.string(e.indicator.title)
            w.key("unit"); w.string(e.indicator.unit.rawValue)
            w.key("period"); w.string(e.current?.period.canonical)
            w.key("value"); w.number(e.value)
            w.key("target"); w.number(e.target?.value)
            w.key("tolerance"); w.number(e.target?.tolerance)
            w.key("status"); w.string(e.status.rawValue)
            w.key("direction"); w.string(e.direction.rawValue)
            w.key("previous"); w.number(e.previousValue)
            w.key("comparators")
            w.object {
                for c in e.comparators(in: d) {
                    w.key(c.name); w.number(c.value)
                }
            }
            w.key("stale"); w.bool(e.stale)
            w.key("benchmark"); benchmark(w, e, d)
            w.key("spc"); spc(w, r.spc, phases: e.indicator.spc.hasPhases)
            w.key("draft"); w.string(r.draft.text)
            w.key("commentary"); w.string(Commentary.team(e))
        }
    }
}

extension JSONReport {
    /// The benchmark year: its series, period, value, comparators, rank and quartile; null when there is none.
    static func benchmark(_ w: JSONWriter, _ e: IndicatorEvaluation, _ d: Dataset) {
        guard let b = e.benchmark(in: d) else {
            w.string(nil)
            return
        }
        let p = b.position
        func int(_ v: Int?) -> Double? { v.map(Double.init) }
        w.object {
            w.key("indicator"); w.string(b.series.id)
            w.key("period"); w.string(b.observation.period.canonical)
            w.key("value"); w.number(b.observation.value)
            w.key("comparators")
            w.object {
                for c in b.comparators(in: d) {
                    w.key(c.name); w.number(c.value)
                }
            }
            w.key("rank"); w.number(int(p.rank))
            w.key("rank_of"); w.number(int(p.rankOf))
            w.key("quartile"); w.number(int(p.quartile))
            w.key("neighbour_rank"); w.number(int(p.neighbourRank))
            w.key("neighbour_rank_of"); w.number(int(p.neighbourRankOf))
            w.key("neighbours_contributing"); w.number(int(p.neighboursContributing))
        }
    }
}
