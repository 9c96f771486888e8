/// Periods as people type them on the command line: every form the data format reads (`2021/22 Q2`,
/// `Q2 2021/22`, `2021-22 Q2`, `2021-09`, `2021/22`) and every form the screen shows (`Q2 21/22`, `Sep 21`,
/// `21/22`), plus the obvious variants (`q2 2021-22`, `2021/2022 Q2`, `September 2021`, `Sep 2021`).
extension Period {
    public init?(spelling text: String) {
        if let p = Period(text) {
            self = p
            return
        }
        let tokens = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch tokens.count {
        case 1:
            guard let fy = Period.financialYearStart(tokens[0]) else { return nil }
            self = .financialYear(startYear: fy)
        case 2:
            if let q = Period.quarterNumber(tokens[0]), let fy = Period.financialYearStart(tokens[1]) {
                self = .quarter(startYear: fy, quarter: q)
            } else if let q = Period.quarterNumber(tokens[1]), let fy = Period.financialYearStart(tokens[0]) {
                self = .quarter(startYear: fy, quarter: q)
            } else if let m = Period.monthNumber(tokens[0]), let y = Period.year(tokens[1]) {
                self = .month(year: y, month: m)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    /// `Q2` -> 2.
    static func quarterNumber(_ s: String) -> Int? {
        guard s.count == 2, s.first == "Q", let q = Int(s.dropFirst()), (1...4).contains(q) else { return nil }
        return q
    }

    /// `2021`, `21` -> 2021.
    static func year(_ s: String) -> Int? {
        guard s.allSatisfy(\.isASCII), let v = Int(s), v >= 0 else { return nil }
        if s.count == 2 { return 2000 + v }
        return s.count == 4 ? v : nil
    }

    /// `2021/22`, `21/22`, `2021-22`, `2021/2022` -> 2021 (the second year must follow the first).
    static func financialYearStart(_ s: String) -> Int? {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, let a = year(parts[0]), parts[1].count == 2 || parts[1].count == 4,
              let b = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return nil }
        let next = parts[1].count == 2 ? (a + 1) % 100 : a + 1
        return b == next ? a : nil
    }

    /// `SEP` or `SEPTEMBER` -> 9.
    static func monthNumber(_ s: String) -> Int? {
        if let i = monthNames.firstIndex(where: { $0.uppercased() == s }) { return i + 1 }
        if let i = fullMonthNames.firstIndex(where: { $0.uppercased() == s }) { return i + 1 }
        return nil
    }
}
