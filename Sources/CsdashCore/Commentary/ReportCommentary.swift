/// The drafted and the team's commentary as the text and Markdown reports print them: after each panel's table,
/// each indicator's title with its draft and the team's words; after the risks, each risk's.
enum ReportCommentary {
    /// `(title, draft, team)` for the indicators of one panel, in table order.
    static func entries(_ reports: [IndicatorReport]) -> [(String, Draft, String?)] {
        reports.map { ($0.evaluation.indicator.title, $0.draft, Commentary.team($0.evaluation)) }
    }

    static func entries(_ card: Scorecard) -> [(String, Draft, String?)] {
        card.risks.map { ("\($0.risk.id) \($0.risk.title)", Commentary.draft($0, in: card), Commentary.team($0)) }
    }

    /// Each entry's title, then "Draft:" and "Team:" paragraphs indented two columns and wrapped to `width`.
    static func text(_ entries: [(String, Draft, String?)], width: Int) -> String {
        var out = "\nCommentary\n----------\n"
        for (title, draft, team) in entries {
            out += WordWrap.wrapped(title, width: width) + "\n"
            for (label, body) in [("Draft", draft.isEmpty ? nil : draft.text), ("Team", team)] {
                guard let body else { continue }
                let lines = WordWrap.lines("\(label): " + body.split(whereSeparator: \.isNewline).joined(separator: " "),
                                           width: width - 2)
                out += lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    static func markdown(_ entries: [(String, Draft, String?)], escape: (String) -> String) -> String {
        var out = "\n### Commentary\n"
        for (title, draft, team) in entries {
            out += "\n**\(escape(title))**\n\n"
            if !draft.isEmpty { out += "*Draft:* \(escape(draft.text))\n\n" }
            if let team { out += "*Team:* \(escape(team))\n\n" }
        }
        return out
    }
}
