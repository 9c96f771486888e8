import Foundation

/// Plain text for pasting into e-mail or a board paper: one table per panel, fitted to a width (100 columns by
/// default) by wrapping titles, prose and cells at spaces, never cutting them.
enum TextReport {
    static func render(_ card: Scorecard, width: Int = 100) -> String {
        var out = WordWrap.wrapped(ReportWords.header(card), width: width) + "\n"
        if let asAt = card.dataAsAt { out += WordWrap.wrapped("Data as at \(asAt.endDateText).", width: width) + "\n" }
        out += WordWrap.wrapped(ReportWords.counts(card) + ".", width: width) + "\n"
        let worst = ReportWords.worstFirst(card)
        if !worst.isEmpty {
            out += "\n" + heading(ReportWords.worstHeading, width: width)
            // Each entry wrapped with its continuation lines indented under the title.
            for line in worst { out += WordWrap.lines(line, width: width - 4).enumerated().map { ($0 == 0 ? "" : "    ") + $1 }.joined(separator: "\n") + "\n" }
        }
        let heads = ["Indicator", "Period", "Value", "Target", "Status", "Direction"]
        for panel in card.dataset.panels {
            let evals = card.indicators(in: panel.id)
            if evals.isEmpty { continue }
            out += "\n" + heading(panel.title, width: width)
            var rows = [heads], details: [String] = [""]
            let reports = IndicatorReport.of(evals, in: card.dataset)
            for report in reports {
                let e = report.evaluation
                rows.append([
                    e.indicator.title,
                    (e.current?.period.short ?? "-") + (e.stale ? " (stale)" : ""),
                    ValueFormat.value(e.value, e.indicator),
                    ReportWords.target(e),
                    e.status.rawValue,
                    e.movementWords,
                ])
                // Comparators, rank, variation and assurance on an indented line under the row: they are long, and
                // would squeeze the title.
                let comparators = ReportWords.comparators(e, card.dataset), rank = ReportWords.rank(e, card.dataset)
                let spc = "Variation: \(ReportWords.variation(report.spc)). Assurance: \(ReportWords.assurance(report.spc))"
                details.append([comparators.isEmpty ? "" : "Comparators: " + comparators, rank.isEmpty ? "" : "Rank: " + rank, spc]
                    .filter { !$0.isEmpty }.joined(separator: ". "))
            }
            out += table(rows, rightAligned: [2, 3], width: width, details: details)
            out += ReportCommentary.text(ReportCommentary.entries(reports), width: width)
        }
        out += "\n" + WordWrap.wrapped(ReportWords.spcNote, width: width) + "\n"
        if !card.risks.isEmpty {
            out += "\n" + heading("Risks", width: width)
            var rows = [["Risk", "Title", "Score", "Trend", "Owner"]]
            for r in card.risks {
                rows.append([r.risk.id, r.risk.title, ReportWords.riskScore(r), ReportWords.riskTrend(r), r.risk.owner])
            }
            out += table(rows, rightAligned: [], width: width)
            out += ReportCommentary.text(ReportCommentary.entries(card), width: width)
        }
        return out
    }

    /// A title wrapped to the width and underlined as wide as its widest line.
    static func heading(_ title: String, width: Int) -> String {
        let lines = WordWrap.lines(title, width: width)
        let w = lines.map(\.displayWidth).max() ?? 0
        return lines.joined(separator: "\n") + "\n" + String(repeating: "=", count: w) + "\n"
    }

    /// Column widths that fit `width`: each column as wide as its widest cell, then the widest column narrowed a
    /// column at a time, first down to its widest word, then (only if that is not enough) further, splitting words.
    static func columnWidths(_ rows: [[String]], width: Int) -> [Int] {
        guard let first = rows.first else { return [] }
        var widths = first.indices.map { c in rows.map { $0[c].displayWidth }.max() ?? 0 }
        let words = first.indices.map { c in rows.map { WordWrap.widestWord($0[c]) }.max() ?? 0 }
        let room = width - 2 * (widths.count - 1)
        for floor in [words, widths.map { min($0, 6) }] {
            while widths.reduce(0, +) > room {
                guard let c = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[c] -= 1
            }
        }
        return widths
    }

    /// Rows as aligned columns, each cell wrapped to its column, each row followed by its line of `details` (if any)
    /// wrapped and indented; when any row takes more than one line, a blank line separates the rows so each reads
    /// as one.
    static func table(_ rows: [[String]], rightAligned: Set<Int>, width: Int, details: [String] = []) -> String {
        let widths = columnWidths(rows, width: width)
        let wrapped = rows.map { row in row.enumerated().map { c, s in s.isEmpty ? [""] : WordWrap.lines(s, width: widths[c]) } }
        let spaced = wrapped.dropFirst().contains { $0.contains { $0.count > 1 } } || details.contains { !$0.isEmpty }
        var out = ""
        for (i, row) in wrapped.enumerated() {
            if spaced && i > 1 { out += "\n" }
            for k in 0..<(row.map(\.count).max() ?? 1) {
                let cells = row.enumerated().map { c, lines -> String in
                    let s = k < lines.count ? lines[k] : ""
                    let pad = String(repeating: " ", count: max(0, widths[c] - s.displayWidth))
                    return rightAligned.contains(c) && i > 0 ? pad + s : s + pad
                }
                out += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            }
            if i < details.count, !details[i].isEmpty {
                for line in WordWrap.lines(details[i], width: max(1, width - 4)) { out += "    " + line + "\n" }
            }
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}

extension String {
    /// The string without trailing spaces.
    public var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
