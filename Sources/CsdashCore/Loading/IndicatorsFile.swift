/// Reads `indicators.yaml`: title, organisation, panels and indicator definitions.
enum IndicatorsFile {
    static let topKeys: Set<String> = ["title", "organisation", "panels", "indicators", "benchmarks", "opens_at", "wall"]
    static let panelKeys: Set<String> = ["id", "title"]
    static let indicatorKeys: Set<String> = ["id", "panel", "title", "short", "unit", "per", "decimals", "polarity",
                                             "frequency", "targets", "comparators", "risks", "definition", "source",
                                             "commentary", "benchmark", "spc", "as_at"]
    static let targetKeys: Set<String> = ["from", "value", "tolerance"]
    static let shortLimit = 24

    static func parse(_ text: String, file: String, log: DiagnosticLog) -> Dataset {
        var dataset = Dataset()
        guard let root = YAMLNode.parse(text, file: file, log: log),
              let top = YAMLFields(root, what: "indicators.yaml", known: topKeys) else { return dataset }
        dataset.title = top["title"]?.string("title") ?? "Performance dashboard"
        dataset.organisation = top["organisation"]?.string("organisation") ?? ""

        var panelIDs = Set<String>()
        for node in top.required("panels", in: "indicators.yaml")?.list("panels") ?? [] {
            guard let f = YAMLFields(node, what: "a panel", known: panelKeys),
                  let id = f.required("id", in: "panel")?.string("panel id") else { continue }
            if !panelIDs.insert(id).inserted {
                log.error(node.location, "duplicate panel id '\(id)'")
                continue
            }
            dataset.panels.append(Panel(id: id, title: f["title"]?.string("panel title") ?? id))
        }

        var seen: [String: SourceLocation] = [:]
        for node in top.required("indicators", in: "indicators.yaml")?.list("indicators") ?? [] {
            guard let ind = indicator(node, panels: panelIDs, log: log) else { continue }
            if let first = seen[ind.id] {
                log.about(.indicator(ind.id)) {
                    log.error(node.location, "duplicate indicator id '\(ind.id)' (first defined at line \(first.line))")
                }
                continue
            }
            seen[ind.id] = ind.location
            dataset.indicators.append(ind)
        }
        // Annual benchmark series (e.g. from `csdash import dfe`): no panel, shown on the pages of the indicators
        // that name them in `benchmark:` (see BenchmarkChecks).
        for node in top["benchmarks"]?.list("benchmarks") ?? [] {
            guard var ind = indicator(node, panels: panelIDs, log: log, series: true) else { continue }
            if let first = seen[ind.id] {
                log.error(node.location, "duplicate indicator id '\(ind.id)' (first defined at line \(first.line))")
                continue
            }
            ind.isBenchmarkSeries = true
            seen[ind.id] = ind.location
            dataset.indicators.append(ind)
        }
        dataset.opensAt = top["opens_at"]?.period("opens_at")
        if let wall = top["wall"] { dataset.wall = WallSection.parse(wall, panels: dataset.panels) }
        return dataset
    }

    private static func indicator(_ node: YAMLNode, panels: Set<String>, log: DiagnosticLog, series: Bool = false) -> Indicator? {
        guard let f = YAMLFields(node, what: "an indicator", known: indicatorKeys),
              let id = f.required("id", in: "indicator")?.string("indicator id") else { return nil }
        let what = "indicator '\(id)'"
        // Problems from here on are about this indicator: the dashboard marks it instead of trusting it.
        log.subject = .indicator(id)
        defer { log.subject = nil }
        let title = f.required("title", in: what)?.string("title") ?? id
        var ind = Indicator(id: id, panel: "", title: title, location: node.location)
        if series {
            if let p = f["panel"] { log.error(p.location, "\(what): a benchmark series has no panel (it shows on the page of the indicator that names it)") }
        } else if let p = f.required("panel", in: what), let panel = p.string("panel") {
            if !panels.contains(panel) { log.error(p.location, "\(what): unknown panel '\(panel)'") }
            ind.panel = panel
        }
        if let s = f["short"], let short = s.string("short") {
            let length = short.count
            if length > shortLimit {
                log.error(s.location, "\(what): short title '\(short)' is \(length) characters, at most \(shortLimit)")
            }
            ind.short = length > shortLimit ? String(short.prefix(shortLimit)) : short
        }
        if let u = f.required("unit", in: what), let unit = u.enumValue("\(what): unit", Unit.self) { ind.unit = unit }
        ind.per = f["per"]?.string("per")
        if let d = f["decimals"], let decimals = d.int("decimals") {
            if (0...6).contains(decimals) { ind.decimals = decimals } else {
                log.error(d.location, "\(what): decimals must be 0 to 6, not \(decimals)")
            }
        } else if f["decimals"] == nil {
            ind.decimals = ind.unit == .count ? 0 : 1
        }
        if let p = f.required("polarity", in: what), let v = p.enumValue("\(what): polarity", Polarity.self) { ind.polarity = v }
        if series {
            ind.frequency = .annual
            if let p = f["frequency"], let v = p.enumValue("\(what): frequency", Frequency.self), v != .annual {
                log.error(p.location, "\(what): a benchmark series is annual (one figure per DfE reporting year), not \(v.rawValue)")
            }
        } else if let p = f.required("frequency", in: what), let v = p.enumValue("\(what): frequency", Frequency.self) { ind.frequency = v }
        ind.benchmarkDate = benchmarkDate(f["as_at"], frequency: ind.frequency, what: what, log: log)
        if let b = f["benchmark"], let name = b.string("benchmark") {
            ind.benchmark = name
            log.links.append(.init(kind: .indicatorToBenchmark, from: id, to: name, location: b.location))
        }

        ind.targets = self.targets(f["targets"], what: what, log: log)
        ind.comparators = f["comparators"]?.strings("comparators") ?? []
        ind.risks = f["risks"]?.links("risks", kind: .indicatorToRisk, from: id) ?? []
        ind.definition = f["definition"]?.text("definition") ?? ""
        ind.source = f["source"]?.string("source") ?? ""
        ind.spc = SPCOptionsReader.read(f["spc"], indicator: what, log: log)
        if let c = f["commentary"], let byPeriod = commentary(c, what: what, log: log) { ind.commentary = byPeriod }
        return ind
    }

    /// `as_at: 30 September`: the census day of annual DfE figures; an error for any other frequency.
    private static func benchmarkDate(_ node: YAMLNode?, frequency: Frequency, what: String, log: DiagnosticLog) -> BenchmarkDate? {
        guard let node, let text = node.string("as_at") else { return nil }
        guard frequency == .annual else {
            log.error(node.location, "\(what): as_at is for annual figures dated by a census day (30 September), not \(frequency.rawValue) ones")
            return nil
        }
        guard let date = BenchmarkDate(text) else {
            log.error(node.location, "\(what): as_at must be a day and month such as 30 September, not '\(text)'")
            return nil
        }
        return date
    }

    /// An indicator's targets, in period order, each from a period on.
    private static func targets(_ node: YAMLNode?, what: String, log: DiagnosticLog) -> [Target] {
        var targets: [Target] = []
        for t in node?.list("targets") ?? [] {
            guard let tf = YAMLFields(t, what: "a target", known: targetKeys) else { continue }
            guard let from = tf.required("from", in: "target")?.period("target from"),
                  let value = tf.required("value", in: "target")?.double("target value") else { continue }
            let tolerance = tf["tolerance"]?.double("tolerance") ?? 0
            if tolerance < 0 { log.error(t.location, "\(what): tolerance must not be negative") }
            if let last = targets.last, from.startMonthIndex <= last.from.startMonthIndex {
                log.error(t.location, "\(what): targets not in period order (\(from) comes after \(last.from))")
            }
            targets.append(Target(from: from, value: value, tolerance: max(0, tolerance)))
        }
        return targets
    }

    /// Commentary by period; nil when it is not a mapping (an error).
    private static func commentary(_ node: YAMLNode, what: String, log: DiagnosticLog) -> [Period: String]? {
        guard let entries = node.mapping("commentary") else { return nil }
        var commentary = [Period: String](minimumCapacity: entries.count)
        for (key, value) in entries {
            guard let period = Period(key) else {
                log.error(value.location, "\(what): commentary: unreadable period '\(key)'")
                continue
            }
            commentary[period] = value.text("commentary")
        }
        return commentary
    }
}
