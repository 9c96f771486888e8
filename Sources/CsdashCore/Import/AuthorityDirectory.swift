/// Every local authority the DfE files name, found by old code (916), new code (E10000013) or name, ignoring case.
public struct AuthorityDirectory: Sendable {
    public struct Authority: Sendable, Hashable {
        public var oldCode: String
        public var newCode: String
        public var name: String
        public var region: String

        public var label: String {
            let codes = [oldCode, newCode].filter { !$0.isEmpty }.joined(separator: ", ")
            return codes.isEmpty ? name : "\(name) (\(codes))"
        }
    }

    public private(set) var all: [Authority] = []
    private var seen: Set<String> = []

    public init() {}

    /// Adds an authority unless one with the same codes and name is known.
    public mutating func add(_ a: Authority) {
        let key = "\(a.oldCode)|\(a.newCode)|\(a.name.lowercased())"
        if seen.insert(key).inserted { all.append(a) }
    }

    public enum LookupError: Error, Equatable, Sendable {
        case unknown(String, suggestions: [String])
    }

    /// The authority the text names; an unknown one is an error listing near matches.
    public func find(_ query: String) -> Result<Authority, LookupError> {
        let q = query.trimmingSpaces.lowercased()
        let matches = all.filter { $0.oldCode.lowercased() == q || $0.newCode.lowercased() == q || $0.name.lowercased() == q }
        // The same authority may be listed under a slightly different name in another file: prefer the latest added.
        if let m = matches.last { return .success(m) }
        return .failure(.unknown(query, suggestions: suggestions(for: q)))
    }

    /// Up to six authorities whose name or code is close to the text: containing it, or a few edits away.
    func suggestions(for q: String) -> [String] {
        var scored: [(Int, String)] = []
        var labels = Set<String>()
        for a in all {
            let name = a.name.lowercased()
            var score = Int.max
            if !q.isEmpty, name.contains(q) || q.contains(name) { score = 0 }
            score = min(score, Self.distance(q, name) * 2)
            for code in [a.oldCode.lowercased(), a.newCode.lowercased()] where !code.isEmpty {
                // Swapped digits (961 for 916) come first, then one digit wrong.
                score = min(score, code.sorted() == q.sorted() ? 1 : Self.distance(q, code) * 2)
            }
            let limit = max(4, 2 * (q.count / 3))
            if score <= limit, labels.insert(a.label).inserted { scored.append((score, a.label)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(6).map(\.1)
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
