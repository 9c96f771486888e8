import Foundation

/// Partial data: when some files or rows are bad, the dashboard still starts with what loaded cleanly,
/// and every indicator or risk whose data failed is marked (`dataProblem`), so that it is never shown with a
/// value that may be wrong or out of date as if it were current.
///
/// An indicator is marked when an error concerns it (its definition in indicators.yaml, or one of its
/// history rows), and when a history file stopped being read part-way (a CSV syntax error, a bad header,
/// a line over the limit) and the unread part names it.
enum ProblemMarks {
    static func apply(_ dataset: inout Dataset, diagnostics: [Diagnostic], suspects: Set<String>) {
        var indicators = suspects
        var risks = Set<String>()
        for d in diagnostics where d.severity == .error {
            switch d.subject {
            case let .indicator(id)?: indicators.insert(id)
            case let .risk(id)?: risks.insert(id)
            case nil: break
            }
        }
        guard !indicators.isEmpty || !risks.isEmpty else { return }
        for i in dataset.indicators.indices where indicators.contains(dataset.indicators[i].id) {
            dataset.indicators[i].dataProblem = true
        }
        for i in dataset.risks.indices where risks.contains(dataset.risks[i].id) {
            dataset.risks[i].dataProblem = true
        }
    }

    /// The known indicator ids named in a CSV file from line `fromLine` on: the part that was not read.
    /// A plain split at commas and line ends is enough here: it looks only for ids in the indicator column
    /// (found in the header, else the first), and a miss only means an indicator is not marked.
    static func indicatorIDs(in data: Data, fromLine: Int, known: Set<String>) -> Set<String> {
        guard !known.isEmpty else { return [] }
        let text = DataFile.text(data)
        var found = Set<String>()
        var column = 0
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = raw.split(separator: ",", omittingEmptySubsequences: false)
            func clean(_ f: Substring) -> String {
                f.trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).trimmingSpaces
            }
            if lineNumber == 1 {
                if let i = fields.firstIndex(where: { clean($0).lowercased() == "indicator" }) { column = i }
            }
            if lineNumber < max(2, fromLine) { continue }
            if column < fields.count {
                let id = clean(fields[column])
                if known.contains(id) { found.insert(id) }
            }
        }
        return found
    }
}
