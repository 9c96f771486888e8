/// CSV text written the way csdash reads it: comma-separated, quoted only where needed, LF line ends.
struct CSVText {
    private(set) var text = ""

    mutating func row(_ cells: [String]) {
        text += cells.map(Self.field).joined(separator: ",") + "\n"
    }

    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
