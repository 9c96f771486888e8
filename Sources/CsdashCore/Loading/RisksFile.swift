/// Reads `risks.yaml`: rating bands and the corporate risks with their score histories.
enum RisksFile {
    static let topKeys: Set<String> = ["bands", "risks"]
    static let bandKeys: Set<String> = ["name", "from", "to"]
    static let riskKeys: Set<String> = ["id", "title", "owner", "panel", "description", "target", "history",
                                        "controls", "actions", "indicators", "commentary"]
    static let historyKeys: Set<String> = ["period", "likelihood", "impact", "note"]
    static let actionKeys: Set<String> = ["text", "owner", "due"]

    static func parse(_ text: String, file: String, into dataset: inout Dataset, log: DiagnosticLog) {
        parse(YAMLTree.read(text), file: file, into: &dataset, log: log)
    }

    /// `risks.yaml` already read into a tree (`DataDirectory.load` reads it while indicators.yaml is parsed).
    static func parse(_ read: YAMLTree.Result, file: String, into dataset: inout Dataset, log: DiagnosticLog) {
        guard let root = YAMLNode.parse(read, file: file, log: log),
              let top = YAMLFields(root, what: "risks.yaml", known: topKeys) else { return }
        if let bandsNode = top["bands"] {
            var bands: [RiskBand] = []
            for b in bandsNode.list("bands") ?? [] {
                guard let f = YAMLFields(b, what: "a band", known: bandKeys),
                      let name = f.required("name", in: "band")?.string("band name"),
                      let lo = f.required("from", in: "band '\(name)'")?.int("band from"),
                      let hi = f.required("to", in: "band '\(name)'")?.int("band to") else { continue }
                if lo > hi || lo < 1 || hi > 25 {
                    log.error(b.location, "band '\(name)': from \(lo) to \(hi) must lie within 1-25, lowest first")
                    continue
                }
                if let last = bands.last, lo <= last.max {
                    log.error(b.location, "band '\(name)' overlaps band '\(last.name)' or is not in score order")
                }
                bands.append(RiskBand(name: name, min: lo, max: hi))
            }
            if !bands.isEmpty { dataset.riskBands = bands }
        }
        var seen = Set<String>()
        for node in top["risks"]?.list("risks") ?? [] {
            guard let risk = risk(node, log: log) else { continue }
            if !seen.insert(risk.id).inserted {
                log.about(.risk(risk.id)) { log.error(node.location, "duplicate risk id '\(risk.id)'") }
                continue
            }
            dataset.risks.append(risk)
        }
    }

    private static func risk(_ node: YAMLNode, log: DiagnosticLog) -> Risk? {
        guard let f = YAMLFields(node, what: "a risk", known: riskKeys),
              let id = f.required("id", in: "risk")?.string("risk id") else { return nil }
        let what = "risk '\(id)'"
        log.subject = .risk(id)
        defer { log.subject = nil }
        var risk = Risk(id: id, title: f.required("title", in: what)?.string("title") ?? id, location: node.location)
        risk.owner = f["owner"]?.string("owner") ?? ""
        if let p = f["panel"], let panel = p.string("panel") {
            risk.panel = panel
            log.links.append(.init(kind: .riskToPanel, from: id, to: panel, location: p.location))
        }
        risk.description = f["description"]?.text("description") ?? ""
        if let t = f["target"], let v = t.int("target") {
            if (1...25).contains(v) { risk.target = v } else { log.error(t.location, "\(what): target score \(v) outside 1-25") }
        }
        for h in f["history"]?.list("history") ?? [] {
            guard let hf = YAMLFields(h, what: "a risk assessment", known: historyKeys),
                  let period = hf.required("period", in: "\(what) history entry")?.period("period") else { continue }
            var ok = true
            var scores: [Int] = []
            for key in ["likelihood", "impact"] {
                guard let n = hf.required(key, in: "\(what) history entry"), let v = n.int(key) else { ok = false; continue }
                if !(1...5).contains(v) {
                    log.error(n.location, "\(what): \(key) \(v) is outside 1-5")
                    ok = false
                }
                scores.append(v)
            }
            guard ok, scores.count == 2 else { continue }
            if let last = risk.history.last, period <= last.period {
                log.error(h.location, "\(what): history not in period order (\(period) after \(last.period))")
                continue
            }
            risk.history.append(RiskAssessment(period: period, likelihood: scores[0], impact: scores[1],
                                               note: hf["note"]?.string("note") ?? "", location: h.location))
        }
        risk.controls = f["controls"]?.strings("controls") ?? []
        for a in f["actions"]?.list("actions") ?? [] {
            if a.isScalar, let text = a.string("action") {
                risk.actions.append(RiskAction(text: text))
                continue
            }
            guard let af = YAMLFields(a, what: "an action", known: actionKeys),
                  let text = af.required("text", in: "action")?.string("action text") else { continue }
            risk.actions.append(RiskAction(text: text, owner: af["owner"]?.string("owner") ?? "",
                                           due: af["due"]?.string("due") ?? ""))
        }
        risk.indicators = f["indicators"]?.links("indicators", kind: .riskToIndicator, from: id) ?? []
        // The team's commentary per quarter, as in indicators.yaml.
        for (key, value) in f["commentary"]?.mapping("commentary") ?? [] {
            guard let period = Period(key) else {
                log.error(value.location, "\(what): commentary: unreadable period '\(key)'")
                continue
            }
            risk.commentary[period] = value.text("commentary")
        }
        return risk
    }
}
