/// The SPC verdict in the reports: an `"spc"` object per indicator in JSON, short words in the tables.
extension JSONReport {
    /// `{"mean", "lower", "upper", "variation", "assurance", "too_few", "points": [{"period", "value", "type"}]}`,
    /// or null below 2 points. With a baseline or a recalculation each point also carries its process's
    /// `mean`, `lower` and `upper`; the top-level ones are the latest point's.
    static func spc(_ w: JSONWriter, _ spc: SPCAnalysis?, phases: Bool) {
        guard let a = spc else {
            w.string(nil)
            return
        }
        w.object {
            limits(w, a.limits)
            w.key("variation"); w.string(a.variation.rawValue)
            w.key("assurance"); w.string(a.assurance?.rawValue)
            w.key("too_few"); w.bool(a.tooFew)
            w.key("points")
            w.array {
                // A million points in a large report: each written straight as bytes, on one line.
                for p in a.points {
                    w.raw { b in
                        b.append(#"{"period": ""#)
                        p.period.appendCanonical(to: &b)
                        b.append(#"", "value": "#)
                        JSONNumber.append(p.value, to: &b)
                        b.append(#", "type": ""#)
                        b.append(utf8: p.type.rawValue)
                        b.append(0x22)
                        if phases {
                            let l = a.processes[p.process].written
                            b.append(#", "mean": "#)
                            JSONNumber.append(l.mean, to: &b)
                            b.append(#", "lower": "#)
                            JSONNumber.append(l.lower, to: &b)
                            b.append(#", "upper": "#)
                            JSONNumber.append(l.upper, to: &b)
                        }
                        b.append(0x7D)
                    }
                }
            }
        }
    }

    static func limits(_ w: JSONWriter, _ limits: XmRLimits) {
        let l = limits.written
        w.key("mean"); w.number(l.mean)
        w.key("lower"); w.number(l.lower)
        w.key("upper"); w.number(l.upper)
    }
}

extension XmRLimits {
    /// The mean and limits as the reports write them: to 12 significant digits (`ValueFormat.derived`).
    var written: (mean: Double, lower: Double?, upper: Double?) {
        (ValueFormat.derived(mean), lower.map(ValueFormat.derived), upper.map(ValueFormat.derived))
    }
}

extension ReportWords {
    /// The variation in a word or two: `concern`, `improvement`, `common cause`, `special (neutral)`, `-`.
    static func variation(_ a: SPCAnalysis?) -> String {
        guard let a else { return "-" }
        let word: String
        switch a.variation {
        case .improvement: word = "improvement"
        case .concern: word = "concern"
        case .neutral: word = "special cause"
        case .common: word = "common cause"
        }
        return a.tooFew ? word + " (few points)" : word
    }

    /// The assurance in a word or three: `pass`, `fail`, `hit and miss`, `-`.
    static func assurance(_ a: SPCAnalysis?) -> String {
        switch a?.assurance {
        case .pass?: return "pass"
        case .fail?: return "fail"
        case .inconsistent?: return "hit and miss"
        case nil: return "-"
        }
    }

    /// What the two SPC columns mean, for the foot of the text and markdown reports.
    static let spcNote = "Variation and assurance: statistical process control (an XmR chart of each indicator's own "
        + "series up to the period). \"improvement\" or \"concern\": the latest value is a signal, not ordinary "
        + "variation; \"pass\" or \"fail\": the target lies outside the process limits, so it will consistently be "
        + "met or missed; \"hit and miss\": inside them."
}
