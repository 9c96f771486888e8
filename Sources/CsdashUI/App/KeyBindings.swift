/// Everything a key can ask for.
public enum Action: Hashable, Sendable {
    case up, down, left, right, nextPanel, previousPanel, panel(Int)
    case enter, back, overview, previousQuarter, nextQuarter, latestQuarter, risks, filter, cycleStatusFilter, cycleSort, cycleTheme
    case pageUp, pageDown, first, last, help, quit, problems, worstFirst, copyDraft
    /// The SPC layers of the indicator page's chart (mean, process limits, special-cause marks) on and off.
    case toggleSPC
}

/// The kinds of page a key can act on.
public enum KeyContext: Int, Hashable, Sendable, CaseIterable {
    case overview, indicator, risks, risk, problems, worst

    public static let everywhere = KeyContexts(allCases)
    public static let pages: KeyContexts = [.indicator, .risks, .risk, .problems, .worst]

    public init(_ screen: Screen) {
        switch screen {
        case .overview: self = .overview
        case .indicator: self = .indicator
        case .risks: self = .risks
        case .risk: self = .risk
        case .problems: self = .problems
        case .worst: self = .worst
        }
    }

    /// How the help names the page.
    public var name: String {
        switch self {
        case .overview: return "Overview"
        case .indicator: return "Indicator page"
        case .risks: return "Risk register"
        case .risk: return "Risk page"
        case .problems: return "Data problems"
        case .worst: return "Worst first"
        }
    }
}

/// A set of page kinds, as bits: the table of bindings is built before the first frame, and a bit test needs
/// no hashing.
public struct KeyContexts: Sendable, Equatable, ExpressibleByArrayLiteral {
    var bits: UInt8 = 0

    public init<S: Sequence>(_ contexts: S) where S.Element == KeyContext {
        for c in contexts { bits |= 1 << UInt8(c.rawValue) }
    }

    public init(arrayLiteral contexts: KeyContext...) { self.init(contexts) }

    public func contains(_ c: KeyContext) -> Bool { bits & (1 << UInt8(c.rawValue)) != 0 }
}

/// The one table of key bindings: the update function, the help overlay and the footer all read it.
public enum KeyBindings {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var action: Action
        public var help: String
        /// Shown in the footer (the essentials) under this word.
        public var footer: String?
        /// The pages where the key does something; the footer and help of a page list only these.
        public var contexts: KeyContexts = KeyContext.everywhere
        /// Help text for particular pages, where the key means something more specific there.
        public var helpOn: KeyedText = [:]
    }

    /// Text for some page kinds (a few pairs, looked up in order).
    public struct KeyedText: Sendable, ExpressibleByDictionaryLiteral {
        var pairs: [(KeyContext, String)]

        public init(dictionaryLiteral elements: (KeyContext, String)...) { pairs = elements }

        public subscript(_ c: KeyContext) -> String? { pairs.first { $0.0 == c }?.1 }
    }

    public static let all: [Binding] = [
        Binding(keys: [.up, .char("k")], label: "↑ k", action: .up, help: "move up", footer: nil,
                helpOn: [.indicator: "previous linked risk", .risk: "previous linked indicator"]),
        Binding(keys: [.down, .char("j")], label: "↓ j", action: .down, help: "move down", footer: "move",
                helpOn: [.indicator: "next linked risk", .risk: "next linked indicator"]),
        Binding(keys: [.left, .char("h")], label: "← h", action: .left, help: "panel to the left", footer: nil,
                contexts: [.overview]),
        Binding(keys: [.right, .char("l")], label: "→ l", action: .right, help: "panel to the right", footer: nil,
                contexts: [.overview]),
        Binding(keys: [.tab], label: "Tab", action: .nextPanel, help: "next panel", footer: "panel", contexts: [.overview]),
        Binding(keys: [.backTab], label: "S-Tab", action: .previousPanel, help: "previous panel", footer: nil,
                contexts: [.overview]),
        Binding(keys: (1...9).map { .char(Character("\($0)")) }, label: "1-9", action: .panel(0),
                help: "jump to panel 1-9", footer: nil),
        Binding(keys: [.enter], label: "Enter", action: .enter, help: "open the selected item", footer: "open"),
        Binding(keys: [.escape, .backspace], label: "Esc", action: .back, help: "back one level", footer: "back",
                helpOn: [.overview: "clear the filters and sort"]),
        Binding(keys: [.char("g")], label: "g", action: .overview, help: "back to the overview", footer: nil,
                contexts: KeyContext.pages),
        Binding(keys: [.char("[")], label: "[", action: .previousQuarter, help: "previous quarter with data", footer: ""),
        Binding(keys: [.char("]")], label: "]", action: .nextQuarter, help: "next quarter with data", footer: "quarter"),
        Binding(keys: [.char("}")], label: "}", action: .latestQuarter, help: "back to the latest quarter", footer: nil),
        Binding(keys: [.char("r")], label: "r", action: .risks, help: "risk register", footer: "risks",
                contexts: [.overview, .indicator, .risk, .problems, .worst]),
        Binding(keys: [.char("/")], label: "/", action: .filter, help: "filter indicators by name", footer: "filter",
                contexts: [.overview, .risks], helpOn: [.risks: "filter by id, title or owner"]),
        Binding(keys: [.char("f")], label: "f", action: .cycleStatusFilter, help: "show: by status, then by SPC",
                footer: "status", contexts: [.overview]),
        Binding(keys: [.char("s")], label: "s", action: .cycleSort, help: "sort: next order, named",
                footer: "sort", contexts: [.overview]),
        Binding(keys: [.char("c")], label: "c", action: .copyDraft, help: "copy the draft commentary", footer: nil,
                contexts: [.indicator, .risk]),
        Binding(keys: [.char("t")], label: "t", action: .cycleTheme, help: "next colour theme", footer: nil),
        Binding(keys: [.char("v")], label: "v", action: .toggleSPC, help: "chart: SPC layers on, off",
                footer: nil, contexts: [.indicator]),
        Binding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "page up", footer: nil),
        Binding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "page down", footer: nil),
        Binding(keys: [.home], label: "Home", action: .first, help: "first row", footer: nil,
                helpOn: [.indicator: "back to the overview", .risk: "back to the overview"]),
        Binding(keys: [.end], label: "End", action: .last, help: "last row", footer: nil,
                contexts: [.overview, .risks, .indicator, .risk, .problems, .worst]),
        Binding(keys: [.char("?"), .function(1)], label: "? F1", action: .help, help: "this help", footer: "help"),
        Binding(keys: [.char("!")], label: "!", action: .problems, help: "data problems, file and line", footer: nil),
        Binding(keys: [.char("w")], label: "w", action: .worstFirst, help: "worst first, across panels", footer: "worst"),
        Binding(keys: [.char("q"), .ctrlC], label: "q", action: .quit, help: "quit (Ctrl-C too)", footer: "quit"),
    ]

    /// The action bound to a key, if any.
    public static func action(for key: Key) -> Action? {
        if case let .char(c) = key, let d = c.wholeNumberValue, (1...9).contains(d), c.isASCII {
            return .panel(d - 1)
        }
        return all.first { $0.keys.contains(key) }?.action
    }

    /// The bindings that do something on a page.
    public static func available(in context: KeyContext) -> [Binding] {
        all.filter { $0.contexts.contains(context) }
    }

    /// Whether `action` does anything on a page.
    public static func acts(_ action: Action, in context: KeyContext) -> Bool {
        if case .panel = action { return true }
        return all.first { $0.action == action }.map { $0.contexts.contains(context) } ?? false
    }
}

extension KeyBindings.Binding {
    /// What the key does on a page.
    public func help(on context: KeyContext) -> String { helpOn[context] ?? help }
}
