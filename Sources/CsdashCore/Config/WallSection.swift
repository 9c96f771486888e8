/// Reads the optional `wall:` section of indicators.yaml (see docs/data-format.md):
///
///     wall:
///       dwell: 15            # seconds per page
///       stale-after: 100     # days
///       pages:
///         - panel: social-care
///           dwell: 30
///         - attention
///         - {page: risks, dwell: 20}
enum WallSection {
    static let keys: Set<String> = ["dwell", "stale-after", "pages"]
    static let pageKeys: Set<String> = ["page", "panel", "dwell"]
    static let pageNames = ["panels", "attention", "risks"]
    /// A dwell outside this range is an error: shorter cannot be read, longer is surely a mistake.
    static let dwellRange: ClosedRange<Double> = 2...3600

    static func parse(_ node: YAMLNode, panels: [Panel]) -> WallConfig {
        var config = WallConfig()
        guard let f = YAMLFields(node, what: "wall", known: keys) else { return config }
        config.dwell = f["dwell"].flatMap { dwell($0) }
        if let s = f["stale-after"], let days = s.double("wall: stale-after") {
            if days > 0 { config.staleAfterDays = days } else {
                node.log.error(s.location, "wall: stale-after must be a number of days above 0, not \(days)")
            }
        }
        let panelIDs = Set(panels.map(\.id))
        for item in f["pages"]?.list("wall: pages") ?? [] {
            config.pages += page(item, panels: panels, panelIDs: panelIDs)
        }
        return config
    }

    private static func dwell(_ n: YAMLNode) -> Double? {
        guard let v = n.double("wall: dwell") else { return nil }
        guard dwellRange.contains(v) else {
            n.log.error(n.location, "wall: dwell must be 2 to 3600 seconds, not \(ValueFormat.plain(v))")
            return nil
        }
        return v
    }

    /// One entry of `pages:`: a name (`attention`, `risks`, `panels`) or a mapping with `page:` or `panel:`
    /// and an optional `dwell:`. `panels` stands for one page per panel.
    private static func page(_ item: YAMLNode, panels: [Panel], panelIDs: Set<String>) -> [WallConfig.Page] {
        let log = item.log
        if item.isScalar {
            guard let name = item.string("wall: page") else { return [] }
            return named(name, at: item, panels: panels, dwell: nil)
        }
        guard let f = YAMLFields(item, what: "a wall page", known: pageKeys) else { return [] }
        let d = f["dwell"].flatMap { dwell($0) }
        if let p = f["panel"] {
            if f["page"] != nil { log.error(item.location, "wall: a page has either 'page:' or 'panel:', not both") }
            guard let id = p.string("wall: panel") else { return [] }
            guard panelIDs.contains(id) else {
                log.error(p.location, "wall: unknown panel '\(id)' (panels: \(panels.map(\.id).joined(separator: ", ")))")
                return []
            }
            return [WallConfig.Page(.panel(id), dwell: d)]
        }
        guard let n = f.required("page", in: "wall page"), let name = n.string("wall: page") else { return [] }
        return named(name, at: n, panels: panels, dwell: d)
    }

    private static func named(_ name: String, at node: YAMLNode, panels: [Panel], dwell: Double?) -> [WallConfig.Page] {
        switch name.lowercased() {
        case "attention", "needs-attention": return [WallConfig.Page(.attention, dwell: dwell)]
        case "risks": return [WallConfig.Page(.risks, dwell: dwell)]
        case "panels": return panels.map { WallConfig.Page(.panel($0.id), dwell: dwell) }
        default:
            node.log.error(node.location, "wall: unknown page '\(name)' (use \(pageNames.joined(separator: ", ")) "
                           + "or 'panel: ID')")
            return []
        }
    }
}
