import CsdashCore

/// The one way the state changes: (state, event) -> new state. No I/O.
public func update(_ state: AppState, _ event: Event) -> AppState {
    var s = state
    switch event {
    case let .reloaded(outcome):
        s.apply(outcome)
        return s
    case let .resize(width, height):
        s.width = width
        s.height = height
        s.clampSelections()
        s.settleScroll(follow: false)
        return s
    case let .key(key):
        s.notice = nil
        // The "too small" screen shows nothing to act on: only quit works there.
        if s.tooSmall {
            if key == .ctrlC || KeyBindings.action(for: key) == .quit { s.quit = true }
            return s
        }
        if s.editingFilter {
            s.editFilter(key)
            return s
        }
        if s.showHelp {
            // Any key closes the help; q still quits.
            if KeyBindings.action(for: key) == .quit { s.quit = true }
            s.showHelp = false
            return s
        }
        guard let action = KeyBindings.action(for: key), KeyBindings.acts(action, in: KeyContext(s.screen)) else { return s }
        s.perform(action)
        return s
    }
}

extension AppState {
    /// Smaller than the dashboard can draw on: the frame only says so.
    public var tooSmall: Bool { width < OverviewLayout.minWidth || height < OverviewLayout.minHeight }

    var layout: OverviewLayout {
        OverviewLayout(width: width, height: height, panelCount: dataset.panels.count, focused: panelIndex,
                       panelSizes: dataset.panels.map { p in dataset.indicators.reduce(0) { $0 + ($1.panel == p.id ? 1 : 0) } })
    }

    /// Typing into the name filter of the overview, or the register's own filter.
    mutating func editFilter(_ key: Key) {
        let onRegister = screen == .risks
        var text = onRegister ? riskFilter : filter
        switch key {
        case .escape:
            text = ""
            editingFilter = false
        case .enter:
            editingFilter = false
            if !onRegister { focusFirstMatch() }
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .ctrlC:
            quit = true
        case let .char(c):
            text.append(c)
        default:
            return
        }
        if onRegister {
            riskFilter = text
            stack[stack.count - 1].selected = 0
            stack[stack.count - 1].scroll = 0
        } else {
            filter = text
            rows = rows.map { _ in 0 }
        }
    }

    mutating func perform(_ action: Action) {
        switch action {
        case .quit: quit = true
        case .help: showHelp = true
        case .copyDraft: copyDraft()
        case .problems: if screen != .problems { stack.append(Frame(.problems)) }
        case .worstFirst: if screen != .worst { stack.append(Frame(.worst)) }
        case .risks: if screen != .risks { stack.append(Frame(.risks)) }
        case .overview: goOverview()
        case .back: back()
        case .previousQuarter, .nextQuarter, .latestQuarter: changeQuarter(action)
        case .filter: startFilter()
        case .cycleTheme:
            guard !themes.isEmpty else {
                notice = "no other themes"
                return
            }
            themeIndex = (themeIndex + 1) % themes.count
            notice = "theme: \(themes[themeIndex]) (\(themeIndex + 1) of \(themes.count); t for the next)"
        case .toggleSPC:
            showSPC.toggle()
        case .cycleStatusFilter:
            statusFilter = statusFilter.next
            rows = rows.map { _ in 0 }
            focusFirstMatch()
        case .cycleSort:
            sortOrder = sortOrder.next
            rows = rows.map { _ in 0 }
        case .nextPanel, .previousPanel:
            guard !dataset.panels.isEmpty else { return }
            let n = dataset.panels.count
            panelIndex = (panelIndex + (action == .nextPanel ? 1 : n - 1)) % n
        case let .panel(i):
            if i < dataset.panels.count {
                panelIndex = i
                goOverview()
            }
        case .left, .right:
            if let n = layout.neighbour(of: panelIndex, dx: action == .left ? -1 : 1, count: dataset.panels.count) {
                panelIndex = n
            }
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: page(by: -1)
        case .pageDown: page(by: 1)
        case .first:
            switch screen {
            case .overview: setRow(0)
            case .risks, .problems, .worst: move(by: -Int.max / 2)
            default: goOverview()
            }
        case .last: move(by: Int.max / 2)
        case .enter: enter()
        }
    }

    /// `[` and `]` step through the quarters with data (the ends are the earliest and the latest); `}` goes to
    /// the latest quarter of the authority's own data (`Dataset.latestQuarter`), where `]` stops.
    mutating func changeQuarter(_ action: Action) {
        if action == .latestQuarter {
            if let latest = dataset.latestQuarter ?? quarters.last, latest != asAt { view(at: latest) }
        } else {
            let before: Int? = quarters.lastIndex(where: { $0 < asAt })
            let i: Int = quarters.firstIndex(of: asAt) ?? before ?? 0
            let j = i + (action == .nextQuarter ? 1 : -1)
            if quarters.indices.contains(j) { view(at: quarters[j]) }
        }
        clampSelections()
        settleScroll(follow: false)
    }

    /// Rows a page key moves on the overview.
    var overviewPage: Int { max(1, layout.visibleRows(panelIndex) - 1) }

    /// `/` starts a new filter (the register's own on the register), as a search does in less, vim and k9s.
    mutating func startFilter() {
        if screen == .risks {
            riskFilter = ""
        } else {
            goOverview()
            filter = ""
        }
        editingFilter = true
    }

    mutating func goOverview() {
        stack = [stack[0]]
    }

    /// Esc: clears the register's filter first, then leaves the page; on the overview, clears its filters and sort.
    mutating func back() {
        if screen == .risks, !riskFilter.isEmpty {
            riskFilter = ""
            stack[stack.count - 1].selected = 0
            stack[stack.count - 1].scroll = 0
        } else if stack.count > 1 {
            stack.removeLast()
        } else if !filter.isEmpty || statusFilter != .all || sortOrder != .listed {
            filter = ""
            statusFilter = .all
            sortOrder = .listed
            clampSelections()
        }
    }

    mutating func setRow(_ r: Int) {
        let count = visibleIndicatorPositions(panel: panelIndex).count
        guard rows.indices.contains(panelIndex) else { return }
        rows[panelIndex] = max(0, min(r, count - 1))
    }

    /// Moves the selection: a panel's row, a register row, or the selected link of a page.
    mutating func move(by delta: Int) {
        if screen == .overview {
            guard rows.indices.contains(panelIndex) else { return }
            let step = max(-100_000, min(100_000, delta))
            setRow(rows[panelIndex] + step)
            return
        }
        let n = links.count
        var f = top
        if n > 0 {
            let step = max(-n, min(n, delta))  // End sends a huge delta; keep the sum from overflowing
            f.selected = max(0, min(n - 1, f.selected + step))
        }
        f.followLink = n > 0
        stack[stack.count - 1] = f
        settleScroll(follow: true)
    }

    /// PgUp / PgDn: a page of rows on the overview and the register; on a detail page, scrolls the page
    /// (clamped to its content) and selects the first link left in view.
    mutating func page(by direction: Int) {
        switch screen {
        case .overview: move(by: direction * overviewPage)
        case .risks: move(by: direction * max(1, PageMetrics.measure(self)?.viewport ?? 1))
        default:
            guard let m = PageMetrics.measure(self) else { return }
            var f = top
            f.scroll = m.clamp(f.scroll + direction * max(1, m.viewport - 1))
            if let first = m.linkRows.firstIndex(where: { $0 >= f.scroll && $0 < f.scroll + m.viewport }) {
                if !(f.scroll..<(f.scroll + m.viewport)).contains(m.linkRows[safe: f.selected] ?? -1) {
                    f.selected = first
                }
            }
            f.followLink = false
            stack[stack.count - 1] = f
        }
    }

    /// Keeps the scroll offset of the page or register inside its content, and the selected row or link in
    /// view when `follow`: the offset the view will draw is the one in the state.
    mutating func settleScroll(follow: Bool) {
        guard screen != .overview, let m = PageMetrics.measure(self) else { return }
        var f = top
        if follow || screen == .risks, let row = m.linkRows[safe: f.selected] {
            if row < f.scroll { f.scroll = row }
            if row >= f.scroll + m.viewport { f.scroll = row - m.viewport + 1 }
        }
        f.scroll = m.clamp(f.scroll)
        stack[stack.count - 1] = f
    }

    mutating func enter() {
        switch screen {
        case .overview:
            if let e = selectedIndicator { stack.append(Frame(.indicator(e.indicator.id))) }
        default:
            let l = links
            guard !l.isEmpty else { return }
            let target = l[min(top.selected, l.count - 1)]
            guard target != screen, target != .overview else { return }  // a problem about no one item
            if case let .indicator(id) = target, dataset.indicator(id) == nil { return }
            if case let .risk(id) = target, dataset.risk(id) == nil { return }
            if case let .indicator(id) = target, let ind = dataset.indicator(id),
               let p = dataset.panels.firstIndex(where: { $0.id == ind.panel }) {
                panelIndex = p
            }
            stack.append(Frame(target))
        }
    }

    /// Keeps every panel's selection inside its list after a resize, a filter or a change of quarter.
    mutating func clampSelections() {
        for p in rows.indices {
            let count = visibleIndicatorPositions(panel: p).count
            rows[p] = max(0, min(rows[p], count - 1))
        }
        for i in stack.indices.dropFirst() {
            let n: Int
            switch stack[i].screen {
            case .risks: n = visibleRisks.count
            case let .indicator(id): n = dataset.indicator(id)?.risks.count ?? 0
            case let .risk(id): n = dataset.risk(id)?.indicators.count ?? 0
            case .problems: n = problemList.count
            case .worst: n = card.worstFirst.count
            case .overview: n = 0
            }
            stack[i].selected = max(0, min(stack[i].selected, n - 1))
        }
    }
}
