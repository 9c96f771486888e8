import Foundation

/// The DfE's statistical neighbour groupings: each authority's 10 closest authorities, by old LA code.
///
/// The published file (`New_Statistical_Neighbour_Groupings_April_2021.csv`) has the columns `LA num`, `LA Name`,
/// ..., then `SN1`, `SNP`, `SN2`, `SNP`, ... `SN10`, `SNP` (the closeness header repeats ten times), and below the
/// main table a blank row, an `Old SNs:` label and the groups of authorities that no longer exist. Every row whose
/// `LA num` is a code is read; label and blank rows are skipped.
public struct NeighbourGroups: Sendable {
    public struct Group: Sendable, Equatable {
        public var code: String
        public var name: String
        /// In order, SN1 first.
        public var neighbours: [String]
        public var line: Int
    }

    public let file: String
    public let groups: [String: Group]

    public func neighbours(of oldCode: String) -> Group? { groups[oldCode] }

    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportError) -> NeighbourGroups {
        var header: [String]?
        var codeCol = 0, nameCol = 1
        var snCols: [Int] = []
        var groups: [String: Group] = [:]
        try ImportError.rows(in: bytes, file: file) { row in
            guard let h = header else {
                let names = row.strings.map { $0.trimmingSpaces.lowercased() }
                guard let c = names.firstIndex(of: "la num") ?? names.firstIndex(of: "la number") else {
                    throw ImportError(SourceLocation(file: file, line: row.line),
                                      "not a statistical neighbours file: no 'LA num' column (columns: "
                                      + row.strings.map(\.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: ", ") + ")")
                }
                codeCol = c
                nameCol = names.firstIndex(of: "la name") ?? c + 1
                for k in 1...10 {
                    guard let i = names.firstIndex(of: "sn\(k)") else {
                        throw ImportError(SourceLocation(file: file, line: row.line),
                                          "not a statistical neighbours file: no 'SN\(k)' column")
                    }
                    snCols.append(i)
                }
                header = names
                return
            }
            _ = h
            guard codeCol < row.count else { return }
            let code = row.trimmed(codeCol)
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return }
            if let first = groups[code] {
                throw ImportError(SourceLocation(file: file, line: row.line),
                                  "authority \(code) is listed twice (first at line \(first.line))")
            }
            var ns: [String] = []
            for c in snCols where c < row.count {
                let n = row.trimmed(c)
                if !n.isEmpty { ns.append(n) }
            }
            groups[code] = Group(code: code, name: nameCol < row.count ? row.trimmed(nameCol) : "", neighbours: ns,
                                 line: row.line)
        }
        if header == nil { throw ImportError(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
        return NeighbourGroups(file: file, groups: groups)
    }

    public static func read(path: String, display: String) throws(ImportError) -> NeighbourGroups {
        try ImportError.parseFile(path: path, display: display) { bytes throws(ImportError) in
            try read(bytes, file: display)
        }
    }
}
