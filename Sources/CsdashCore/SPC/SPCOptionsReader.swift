/// Reads an indicator's `spc:` mapping in indicators.yaml:
///
///     spc:
///       baseline: 12                 # limits fixed on the first 12 points of each process
///       recalculate_from: [2020/21 Q3]
///       run_length: 8
///       screen_moving_ranges: true
///
/// A bad value is an error at its line and that option keeps its default.
enum SPCOptionsReader {
    static let keys: Set<String> = ["baseline", "recalculate_from", "run_length", "screen_moving_ranges"]

    static func read(_ node: YAMLNode?, indicator what: String, log: DiagnosticLog) -> SPCOptions {
        var options = SPCOptions()
        guard let node, let f = YAMLFields(node, what: "\(what): spc", known: keys) else { return options }
        if let b = f["baseline"], let n = b.int("\(what): spc baseline") {
            if n >= 2 { options.baseline = n } else {
                b.log.error(b.location, "\(what): spc baseline must be at least 2 points, not \(n)")
            }
        }
        for p in f["recalculate_from"]?.list("\(what): spc recalculate_from") ?? [] {
            guard let period = p.period("\(what): spc recalculate_from") else { continue }
            if let last = options.recalculateFrom.last, period.startMonthIndex <= last.startMonthIndex {
                p.log.error(p.location, "\(what): spc recalculate_from not in period order (\(period) comes after \(last))")
                continue
            }
            options.recalculateFrom.append(period)
        }
        if let r = f["run_length"], let n = r.int("\(what): spc run_length") {
            if SPCOptions.runLengths.contains(n) { options.runLength = n } else {
                r.log.error(r.location, "\(what): spc run_length must be \(SPCOptions.runLengths.lowerBound) to "
                            + "\(SPCOptions.runLengths.upperBound), not \(n)")
            }
        }
        if let s = f["screen_moving_ranges"], let text = s.string("\(what): spc screen_moving_ranges") {
            switch text.lowercased() {
            case "true", "yes", "on": options.screenMovingRanges = true
            case "false", "no", "off": options.screenMovingRanges = false
            default: s.log.error(s.location, "\(what): spc screen_moving_ranges must be true or false, not '\(text)'")
            }
        }
        return options
    }
}
