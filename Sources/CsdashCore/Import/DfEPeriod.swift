/// How the DfE's `time_period` and `time_identifier` map onto csdash's financial years.
///
/// - `Reporting year` `2022` (or `Financial year ending` `2022`): the year to 31 March 2022, filed as `2021/22`.
/// - `Financial year` `202122`: April 2021 to March 2022, `2021/22`.
/// - `Academic year` `202122`: September 2021 to August 2022, filed as `2021/22`, the financial year that starts
///   in the same calendar year (so it lines up with the other annual figures a school year mostly overlaps).
public enum DfEPeriod {
    public static let supportedIdentifiers = ["Reporting year", "Financial year ending", "Financial year", "Academic year"]

    public enum Problem: Error, Equatable, Sendable {
        case unknownIdentifier(String)
        case unreadable(String, identifier: String)
    }

    public static func period(timePeriod raw: String, identifier rawID: String) -> Result<Period, Problem> {
        let text = raw.trimmingSpaces
        let id = rawID.trimmingSpaces
        let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
        switch id.lowercased() {
        case "reporting year", "financial year ending":
            guard digits, text.count == 4, let y = Int(text) else { return .failure(.unreadable(text, identifier: id)) }
            return .success(.financialYear(startYear: y - 1))
        case "financial year", "academic year":
            guard digits, text.count == 6, let first = Int(text.prefix(4)), let second = Int(text.suffix(2)),
                  (first + 1) % 100 == second else { return .failure(.unreadable(text, identifier: id)) }
            return .success(.financialYear(startYear: first))
        default:
            return .failure(.unknownIdentifier(id))
        }
    }
}
