/// Everything a key can ask for.
public enum Action: Hashable, Sendable {
    case up, down, left, right, nextPanel, previousPanel, panel(Int)
    case enter, back, overview, previousQuarter, nextQuarter, risks, filter, cycleStatusFilter, cycleTheme
    case pageUp, pageDown, first, last, help, quit, problems
}

/// The one table of key bindings: the update function, the help overlay and the footer all read it.
public enum KeyBindings {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var action: Action
        public var help: String
        /// Shown in the footer (the essentials).
        public var footer: String?
    }

    public static let all: [Binding] = [
        Binding(keys: [.up, .char("k")], label: "↑ k", action: .up, help: "move up", footer: nil),
        Binding(keys: [.down, .char("j")], label: "↓ j", action: .down, help: "move down", footer: nil),
        Binding(keys: [.left, .char("h")], label: "← h", action: .left, help: "panel to the left", footer: nil),
        Binding(keys: [.right, .char("l")], label: "→ l", action: .right, help: "panel to the right", footer: nil),
        Binding(keys: [.tab], label: "Tab", action: .nextPanel, help: "next panel", footer: "panel"),
        Binding(keys: [.backTab], label: "S-Tab", action: .previousPanel, help: "previous panel", footer: nil),
        Binding(keys: (1...9).map { .char(Character("\($0)")) }, label: "1-9", action: .panel(0), help: "jump to panel 1-9", footer: nil),
        Binding(keys: [.enter], label: "Enter", action: .enter, help: "open the selected item", footer: "open"),
        Binding(keys: [.escape, .backspace], label: "Esc", action: .back, help: "back; clears filters", footer: "back"),
        Binding(keys: [.char("g")], label: "g", action: .overview, help: "back to the overview", footer: nil),
        Binding(keys: [.char("[")], label: "[", action: .previousQuarter, help: "previous quarter", footer: ""),
        Binding(keys: [.char("]")], label: "]", action: .nextQuarter, help: "next quarter", footer: "quarter"),
        Binding(keys: [.char("r")], label: "r", action: .risks, help: "risk register", footer: "risks"),
        Binding(keys: [.char("/")], label: "/", action: .filter, help: "filter indicators by name", footer: "filter"),
        Binding(keys: [.char("f")], label: "f", action: .cycleStatusFilter, help: "status: all, worse, +within", footer: "status"),
        Binding(keys: [.char("t")], label: "t", action: .cycleTheme, help: "next colour theme", footer: nil),
        Binding(keys: [.pageUp], label: "PgUp", action: .pageUp, help: "page up", footer: nil),
        Binding(keys: [.pageDown], label: "PgDn", action: .pageDown, help: "page down", footer: nil),
        Binding(keys: [.home], label: "Home", action: .first, help: "first row / to overview", footer: nil),
        Binding(keys: [.end], label: "End", action: .last, help: "last row", footer: nil),
        Binding(keys: [.char("?"), .function(1)], label: "? F1", action: .help, help: "this help", footer: "help"),
        Binding(keys: [.char("!")], label: "!", action: .problems, help: "data problems, file and line", footer: nil),
        Binding(keys: [.char("q"), .ctrlC], label: "q", action: .quit, help: "quit (Ctrl-C too)", footer: "quit"),
    ]

    /// The action bound to a key, if any.
    public static func action(for key: Key) -> Action? {
        if case let .char(c) = key, let d = c.wholeNumberValue, (1...9).contains(d), c.isASCII {
            return .panel(d - 1)
        }
        return all.first { $0.keys.contains(key) }?.action
    }
}
