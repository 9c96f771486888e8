import CsdashCore

/// Where the user is. The overview is always at the bottom of the stack.
public enum Screen: Hashable, Sendable {
    case overview
    case indicator(String)
    case risks
    case risk(String)
    /// Every problem found loading the data (`!`).
    case problems
    /// The indicators worse than target or without data, across panels, worst first (`w`).
    case worst
}

/// The filter `f` cycles through: by status, then by SPC verdict.
public enum StatusFilter: String, Sendable, CaseIterable {
    case all, worse, worseOrWithin = "worse or within"
    case spcConcern = "special cause concern", spcSpecial = "any special cause", spcFail = "will miss target"

    public func admits(_ s: Status) -> Bool { admits(s, spc: { nil }) }

    /// `spc` is asked only by the SPC filters.
    public func admits(_ s: Status, spc: () -> SPCVerdict?) -> Bool {
        switch self {
        case .all: return true
        case .worse: return s == .worse
        case .worseOrWithin: return s == .worse || s == .within
        case .spcConcern: return spc()?.variation == .concern
        case .spcSpecial: return (spc()?.variation ?? .common) != .common
        case .spcFail: return spc()?.assurance == .fail
        }
    }

    public var next: StatusFilter {
        let all = StatusFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// One level of the navigation stack with its own selection and scroll, so going back restores them.
public struct Frame: Hashable, Sendable {
    public var screen: Screen
    public var selected: Int = 0
    public var scroll: Int = 0
    /// Arrow keys moved the selection, so the page keeps the selected link in view.
    public var followLink = false

    public init(_ screen: Screen) { self.screen = screen }
}

/// The whole state of the dashboard. It changes only through `update(_:_:)`.
public struct AppState: Sendable {
    public var dataset: Dataset {
        didSet {
            openingQuarter = dataset.openingQuarter
            datasetVersion += 1
        }
    }
    /// Counts the datasets put in place: the overview's layout is kept across scorecards of one version.
    private var datasetVersion = 0
    /// `dataset.openingQuarter`, kept: working it out reads every history, and the header asks on every frame.
    private var openingQuarter: Period?
    public private(set) var card: Scorecard {
        didSet {
            overview = OverviewCache(card, datasetVersion: datasetVersion, previous: overview)
            spc = SPCVerdicts(count: card.indicators.count)
        }
    }
    /// Each indicator's SPC verdict, worked out when first shown (rebuilt whenever `card` changes).
    private(set) var spc = SPCVerdicts()
    /// Per-scorecard texts and lists for the overview (rebuilt whenever `card` changes).
    private(set) var overview = OverviewCache()
    public var quarters: [Period]
    public var width: Int
    public var height: Int
    public var stack: [Frame] = [Frame(.overview)]
    public var panelIndex = 0
    /// The selected row in each panel's filtered list.
    public var rows: [Int]
    public var filter = ""
    public var editingFilter = false
    public var statusFilter = StatusFilter.all
    /// The order of each panel's list on the overview (`s` cycles).
    public var sortOrder = SortOrder.listed
    /// The risk register's own filter (`/` on the register): id, title or owner.
    public var riskFilter = ""
    public var showHelp = false
    /// The indicator chart draws the SPC layers (`v` toggles them).
    public var showSPC = true
    public var quit = false
    /// What loading found (errors and warnings): the dashboard runs on partial data, shows a banner while
    /// there are errors, and `!` lists them all.
    public var problems: [Diagnostic] = []
    /// The colour themes `t` cycles through, by name (the edge holds their palettes), and the one in use.
    public var themes: [String] = []
    public var themeIndex = 0
    /// A notice across the bottom line (a config file or theme that could not be used); any key clears it.
    public var notice: String?
    /// The latest request to copy text to the clipboard (`c`); the terminal layer writes each new one.
    public var copyRequest: CopyRequest?
    /// Why the last live reload failed (the last good data stays on screen); empty when it loaded.
    public var reloadProblems: [Diagnostic] = []

    public init(dataset: Dataset, asAt: Period, width: Int = 80, height: Int = 24) {
        self.dataset = dataset
        openingQuarter = dataset.openingQuarter
        card = Scorecard(dataset: dataset, asAt: asAt)
        overview = OverviewCache(card, datasetVersion: datasetVersion)
        spc = SPCVerdicts(count: card.indicators.count)
        quarters = dataset.quartersWithData
        if !quarters.contains(asAt) { quarters = (quarters + [asAt]).sorted() }
        self.width = width
        self.height = height
        rows = Array(repeating: 0, count: dataset.panels.count)
    }

    public var asAt: Period { card.asAt }
    public var top: Frame { stack[stack.count - 1] }
    public var screen: Screen { top.screen }

    /// Re-evaluates everything as at another quarter.
    public mutating func view(at quarter: Period) {
        card = Scorecard(dataset: dataset, asAt: quarter)
    }

    /// The indicators of a panel that pass the name and status filters, in the sort order.
    public func visibleIndicators(panel: Int) -> [IndicatorEvaluation] {
        let all = card.indicators
        return visibleIndicatorPositions(panel: panel).map { all[$0] }
    }

    /// `visibleIndicators(panel:)` as positions in `card.indicators`.
    func visibleIndicatorPositions(panel: Int) -> [Int] {
        guard dataset.panels.indices.contains(panel) else { return [] }
        let id = dataset.panels[panel].id
        let needle = filter.lowercased()
        let all = card.indicators
        let inPanel = overview.byPanel[id] ?? []
        let list = statusFilter == .all && needle.isEmpty ? inPanel : inPanel.filter { i in
            let e = all[i]
            return statusFilter.admits(e.status, spc: { spc.verdict(i, e) })
                && (needle.isEmpty || e.indicator.title.lowercased().contains(needle)
                    || e.indicator.short.lowercased().contains(needle) || e.indicator.id.lowercased().contains(needle))
        }
        return sortOrder.sorted(list, all, spc: { spc.verdict($0, all[$0]) })
    }

    /// On the overview, when the focused panel shows nothing under the filters, the focus moves to the first
    /// panel that shows something (it stays where it is when no panel does).
    mutating func focusFirstMatch() {
        guard visibleIndicatorPositions(panel: panelIndex).isEmpty,
              let first = dataset.panels.indices.first(where: { !visibleIndicatorPositions(panel: $0).isEmpty }) else { return }
        panelIndex = first
    }

    /// The risks of the register that pass its filter, highest score first.
    public var visibleRisks: [RiskEvaluation] {
        let needle = riskFilter.lowercased()
        guard !needle.isEmpty else { return card.risks }
        return card.risks.filter {
            $0.risk.id.lowercased().contains(needle) || $0.risk.title.lowercased().contains(needle)
                || $0.risk.owner.lowercased().contains(needle)
        }
    }

    /// The quarter the dashboard reports on: `opens_at` when the data sets one, else the latest with data.
    public var reportQuarter: Period? { openingQuarter ?? quarters.last }
    /// The screen shows another quarter than the report quarter (the header says so in words and colour).
    public var awayFromReportQuarter: Bool { reportQuarter.map { asAt != $0 } ?? false }

    /// The indicator selected in the focused panel.
    public var selectedIndicator: IndicatorEvaluation? {
        let list = visibleIndicatorPositions(panel: panelIndex)
        guard !list.isEmpty, rows.indices.contains(panelIndex) else { return nil }
        return card.indicators[list[min(rows[panelIndex], list.count - 1)]]
    }

    /// The items Enter can open on the current screen, in display order.
    public var links: [Screen] {
        switch screen {
        case .overview: return []
        case let .indicator(id): return (dataset.indicator(id)?.risks ?? []).map { .risk($0) }
        case .risks: return visibleRisks.map { .risk($0.risk.id) }
        case let .risk(id): return (dataset.risk(id)?.indicators ?? []).map { .indicator($0) }
        case .problems: return problemList.map(Self.screen(about:))
        case .worst: return card.worstFirst.map { .indicator($0.indicator.id) }
        }
    }

    /// The problems as the `!` page lists them: errors first, then warnings, each in the order found, then
    /// the indicators with "no data" at the quarter viewed. A failed live reload's problems come first: they
    /// are what the banner names.
    public var problemList: [Diagnostic] {
        reloadProblems + problems.filter { $0.severity == .error } + problems.filter { $0.severity == .warning }
            + card.noDataWarnings
    }

    /// Where Enter on a problem goes: the indicator or risk it concerns (the list itself when none).
    static func screen(about d: Diagnostic) -> Screen {
        switch d.subject {
        case let .indicator(id)?: return .indicator(id)
        case let .risk(id)?: return .risk(id)
        case nil: return .problems
        }
    }

    /// `Overview › Social care › Re-referrals › Risk CS-02`.
    public var breadcrumb: [String] {
        var out = ["Overview"]
        for (i, f) in stack.enumerated() {
            switch f.screen {
            case .overview:
                // The focused panel, unless the next step leaves the panels (the risk register, the worst list).
                if ![.risks, .worst].contains(stack[safe: i + 1]?.screen), let p = dataset.panels[safe: panelIndex] {
                    out.append(p.title)
                }
            case let .indicator(id):
                out.append(dataset.indicator(id)?.short ?? id)
            case .risks: out.append("Risk register")
            case let .risk(id): out.append("Risk \(id)")
            case .problems: out.append("Data problems")
            case .worst: out.append("Worst first")
            }
        }
        return out
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
