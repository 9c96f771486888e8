/// Opens a screen named as on the command line: `overview`, `indicator:ID`, `risks`, `risk:ID`, `worst`,
/// `problems` or `help`.
/// `csdash snapshot --view` and the golden-file tests both use it, so they draw the same frame.
public struct ViewSpecError: Error, CustomStringConvertible {
    public var description: String
}

extension AppState {
    public mutating func open(view spec: String, panel: String? = nil) throws(ViewSpecError) {
        if let panel {
            guard let i = dataset.panels.firstIndex(where: { $0.id == panel }) else {
                throw ViewSpecError(description: "no panel '\(panel)' (panels: \(dataset.panels.map(\.id).joined(separator: ", ")))")
            }
            panelIndex = i
        }
        let parts = spec.split(separator: ":", maxSplits: 1).map { String($0) }
        let kind = parts.first ?? "", arg = parts.count > 1 ? parts[1] : ""
        switch kind {
        case "overview": break
        case "help": showHelp = true
        case "risks": stack.append(Frame(.risks))
        case "worst": stack.append(Frame(.worst))
        case "problems": stack.append(Frame(.problems))
        case "indicator":
            guard let ind = dataset.indicator(arg) else { throw ViewSpecError(description: "no indicator '\(arg)'") }
            if panel == nil, let p = dataset.panels.firstIndex(where: { $0.id == ind.panel }) { panelIndex = p }
            if let row = visibleIndicators(panel: panelIndex).firstIndex(where: { $0.indicator.id == arg }) {
                rows[panelIndex] = row
            }
            stack.append(Frame(.indicator(arg)))
        case "risk":
            guard dataset.risk(arg) != nil else { throw ViewSpecError(description: "no risk '\(arg)'") }
            stack.append(Frame(.risks))
            stack.append(Frame(.risk(arg)))
        default:
            throw ViewSpecError(description: "--view must be overview, indicator:ID, risks, risk:ID, worst, problems or help, not '\(spec)'")
        }
    }
}
