import Foundation

/// JSON in one stable, documented shape (docs/data-format.md): keys in a fixed order, numbers as numbers,
/// null where a value is missing.
enum JSONReport {
    static func render(_ card: Scorecard) -> String {
        let d = card.dataset
        let w = JSONWriter()
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
                for e in card.indicators {
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
                        w.key("spc"); spc(w, e)
                        w.key("draft"); w.string(Commentary.draft(e, in: d).text)
                        w.key("commentary"); w.string(Commentary.team(e))
                    }
                }
            }
            w.key("risks")
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
        return w.text + "\n"
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

/// A small JSON writer that keeps keys in the order written and indents two spaces. It writes UTF-8 bytes
/// into one buffer (a report of 1,000 indicators is half a megabyte; appending to a String costs several
/// times as much).
final class JSONWriter {
    // One writer, used by one caller at a time: no access overlaps another, so the runtime exclusivity check
    // (a call on every access of a class's property) is left out.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var first = [true]
    @exclusivity(unchecked) private var afterKey = false
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    init() { bytes.reserveCapacity(1 << 16) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private func newline() {
        bytes.append(0x0A)
        let n = 2 * depth
        if n <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: n))
        }
    }

    private func prefix() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            if !first[depth] { bytes.append(0x2C) }
            first[depth] = false
            newline()
        }
    }

    private func open(_ c: UInt8, _ close: UInt8, _ body: () -> Void) {
        prefix()
        bytes.append(c)
        depth += 1
        first.append(true)
        body()
        let empty = first[depth]
        first.removeLast()
        depth -= 1
        if !empty { newline() }
        bytes.append(close)
    }

    func object(_ body: () -> Void) { open(0x7B, 0x7D, body) }
    func array(_ body: () -> Void) { open(0x5B, 0x5D, body) }

    func key(_ k: String) {
        prefix()
        quote(k)
        append(": ")
        afterKey = true
    }

    func string(_ s: String?) {
        prefix()
        if let s { quote(s) } else { append("null") }
    }

    func number(_ v: Double?) {
        prefix()
        guard let v, v.isFinite else {
            append("null")
            return
        }
        append(ValueFormat.plain(v))
    }

    func bool(_ b: Bool) {
        prefix()
        append(b ? "true" : "false")
    }

    private func quote(_ s: String) {
        bytes.append(0x22)
        // Most keys and values are printable ASCII with no quote or backslash: copied as they are.
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C { return false }
            bytes.append(contentsOf: u)
            return true
        }
        if !plain { append(JSONWriter.escaped(s)) }
        bytes.append(0x22)
    }

    /// The string's contents with JSON escapes (no quotes around it).
    static func escaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls, DEL, C1, the JavaScript line separators and direction overrides as \u escapes:
                // the output stays valid JSON and safe to print or paste into a script.
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
                    || SafeText.replacement(u) != nil {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

}
