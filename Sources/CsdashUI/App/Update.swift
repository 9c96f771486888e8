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
        guard let action = KeyBindings.action(for: key) else { return s }
        s.perform(action)
        return s
    }
}

extension AppState {
    /// Smaller than the dashboard can draw on: the frame only says so.
    public var tooSmall: Bool { width < OverviewLayout.minWidth || height < OverviewLayout.minHeight }

    var layout: OverviewLayout {
        OverviewLayout(width: width, height: height, panelCount: dataset.panels.count, focused: panelIndex)
    }

    mutating func editFilter(_ key: Key) {
        switch key {
        case .escape:
            filter = ""
            editingFilter = false
        case .enter:
            editingFilter = false
        case .backspace:
            if !filter.isEmpty { filter.removeLast() }
        case .ctrlC:
            quit = true
        case let .char(c):
            filter.append(c)
        default:
            return
        }
        rows = rows.map { _ in 0 }
    }

    mutating func perform(_ action: Action) {
        switch action {
        case .quit: quit = true
        case .help: showHelp = true
        case .problems: if screen != .problems { stack.append(Frame(.problems)) }
        case .risks: if screen != .risks { stack.append(Frame(.risks)) }
        case .overview: goOverview()
        case .back: back()
        case .previousQuarter, .nextQuarter:
            guard let i = quarters.firstIndex(of: asAt) else { return }
            let j = i + (action == .nextQuarter ? 1 : -1)
            if quarters.indices.contains(j) { view(at: quarters[j]) }
            clampSelections()
        case .filter:
            goOverview()
            editingFilter = true
        case .cycleTheme:
            guard !themes.isEmpty else {
                notice = "no other themes"
                return
            }
            themeIndex = (themeIndex + 1) % themes.count
            notice = "theme: \(themes[themeIndex]) (\(themeIndex + 1) of \(themes.count); t for the next)"
        case .cycleStatusFilter:
            statusFilter = statusFilter.next
            rows = rows.map { _ in 0 }
        case .nextPanel, .previousPanel:
            guard !dataset.panels.isEmpty else { return }
            let n = dataset.panels.count
            if screen == .overview {
                panelIndex = (panelIndex + (action == .nextPanel ? 1 : n - 1)) % n
            }
        case let .panel(i):
            if i < dataset.panels.count {
                panelIndex = i
                goOverview()
            }
        case .left, .right:
            if screen == .overview,
               let n = layout.neighbour(of: panelIndex, dx: action == .left ? -1 : 1, count: dataset.panels.count) {
                panelIndex = n
            }
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        case .first:
            if screen == .overview { setRow(0) } else { goOverview() }
        case .last: move(by: Int.max / 2)
        case .enter: enter()
        }
    }

    var page: Int {
        screen == .overview ? max(1, layout.visibleRows(panelIndex) - 1) : max(1, height / 2)
    }

    mutating func goOverview() {
        stack = [stack[0]]
    }

    mutating func back() {
        if stack.count > 1 {
            stack.removeLast()
        } else if !filter.isEmpty || statusFilter != .all {
            filter = ""
            statusFilter = .all
            clampSelections()
        }
    }

    mutating func setRow(_ r: Int) {
        let count = visibleIndicators(panel: panelIndex).count
        guard rows.indices.contains(panelIndex) else { return }
        rows[panelIndex] = max(0, min(r, count - 1))
    }

    mutating func move(by delta: Int) {
        if screen == .overview {
            guard rows.indices.contains(panelIndex) else { return }
            setRow(rows[panelIndex] + delta)
            return
        }
        let n = links.count
        var f = top
        if n > 0 {
            let step = max(-n, min(n, delta))  // End sends a huge delta; keep the sum from overflowing
            f.selected = max(0, min(n - 1, f.selected + step))
        }
        // Arrows follow the links; paging scrolls the page (the view clamps scroll to the content).
        if abs(delta) == 1 {
            f.followLink = n > 0
        } else {
            f.followLink = false
            f.scroll = max(0, min(400, f.scroll + (delta > 0 ? height / 2 : -height / 2)))
        }
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
            let count = visibleIndicators(panel: p).count
            rows[p] = max(0, min(rows[p], count - 1))
        }
    }
}
