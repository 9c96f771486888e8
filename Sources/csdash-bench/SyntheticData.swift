import CsdashCore
import Foundation

/// Writes a synthetic data directory: `indicators` monthly indicators in 8 panels, `months` months of history
/// each (so `indicators * months` rows), two comparator columns (England, Region), a suppressed value (`c`)
/// about every 97th row and an empty comparator about every 89th, a few risks, all deterministic.
struct SyntheticData {
    var indicators: Int
    var months: Int
    var rows: Int { indicators * months }

    static let scales = [
        SyntheticData(indicators: 50, months: 200),
        SyntheticData(indicators: 200, months: 500),
        SyntheticData(indicators: 1_000, months: 1_000),
    ]

    var label: String {
        rows >= 1_000_000 ? "\(rows / 1_000_000)M" : "\(rows / 1_000)k"
    }

    static let panels = ["early-help", "social-care", "child-protection", "children-in-care", "care-leavers",
                         "workforce", "education", "health"]

    /// Writes the directory and returns the path of its history CSV file.
    @discardableResult
    func write(to dir: String) throws -> String {
        let fm = FileManager.default
        try? fm.removeItem(atPath: dir)
        try fm.createDirectory(atPath: dir + "/history", withIntermediateDirectories: true)
        try indicatorsYAML.write(toFile: dir + "/indicators.yaml", atomically: false, encoding: .utf8)
        try risksYAML.write(toFile: dir + "/risks.yaml", atomically: false, encoding: .utf8)
        let path = dir + "/history/values.csv"
        try Data(historyCSV()).write(to: URL(fileURLWithPath: path))
        return path
    }

    var firstMonth: Period { Period.month(year: 2026 - months / 12 - 1, month: 1) }

    var indicatorsYAML: String {
        var yaml = "title: Synthetic Children's Services Performance\norganisation: Bench Council\npanels:\n"
        for p in Self.panels { yaml += "  - {id: \(p), title: \"\(p.replacingOccurrences(of: "-", with: " ").capitalized)\"}\n" }
        yaml += "indicators:\n"
        for i in 0..<indicators {
            let polarity = ["higher", "lower", "neutral"][i % 3]
            let unit = ["percent", "count", "rate", "days"][i % 4]
            let t = 40 + Double(i % 50)
            yaml += "  - id: ind-\(i)\n    panel: \(Self.panels[i % Self.panels.count])\n"
                + "    title: Synthetic indicator number \(i) of the bench data\n    short: Indicator \(i)\n"
                + "    unit: \(unit)\n    decimals: 1\n    polarity: \(polarity)\n    frequency: monthly\n"
                + "    targets:\n      - {from: \"\(firstMonth.canonical)\", value: \(t), tolerance: 2}\n"
                + "    comparators: [England, Region]\n"
                + (i % 25 == 0 ? "    risks: [R-\(i / 25 % 10)]\n" : "")
                + "    definition: A synthetic indicator for make bench.\n"
        }
        return yaml
    }

    var risksYAML: String {
        let lastQuarterStart = firstMonth.shifted(by: months - 1)
        var risks = "risks:\n"
        for r in 0..<10 {
            risks += "  - id: R-\(r)\n    title: Synthetic risk \(r)\n    owner: Bench\n"
                + "    panel: \(Self.panels[r % Self.panels.count])\n    target: 6\n    history:\n"
                + "      - {period: \"\(Period.quarter(containingMonthIndex: lastQuarterStart.startMonthIndex - 3).canonical)\", likelihood: \(r % 5 + 1), impact: 3}\n"
                + "      - {period: \"\(Period.quarter(containingMonthIndex: lastQuarterStart.startMonthIndex).canonical)\", likelihood: \((r + 1) % 5 + 1), impact: 4}\n"
        }
        return risks
    }

    /// The CSV, row by row into one byte buffer.
    func historyCSV() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(rows * 36 + 64)
        out.append(contentsOf: Array("indicator,period,value,England,Region\n".utf8))
        let periods = (0..<months).map { Array(firstMonth.shifted(by: $0).canonical.utf8) }
        func number(_ tenths: Int) {
            out.append(contentsOf: Array(String(tenths / 10).utf8))
            out.append(0x2E)
            out.append(UInt8(0x30 + tenths % 10))
        }
        var row = 0
        for i in 0..<indicators {
            let id = Array("ind-\(i)".utf8)
            for k in 0..<months {
                out.append(contentsOf: id)
                out.append(0x2C)
                out.append(contentsOf: periods[k])
                out.append(0x2C)
                if row % 97 == 13 { out.append(0x63) } else { number((i * 7 + k * 13) % 1000) }
                out.append(0x2C)
                number(400 + (k * 3 + i) % 300)
                out.append(0x2C)
                if row % 89 != 5 { number(380 + (k * 5 + i) % 350) }
                out.append(0x0A)
                row += 1
            }
        }
        return out
    }
}
