import Foundation

/// A problem with one of the files `csdash import dfe` reads, printed as `FILE:LINE: error: message`.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public init(_ at: SourceLocation, _ message: String) { diagnostic = .error(at, message) }
    public var description: String { diagnostic.description }

    /// Reads a published file the way data files are read (`DataFile`: regular files only, within the
    /// limits) and hands its bytes to `parse`.
    static func parseFile<T>(path: String, display: String,
                             _ parse: (UnsafeBufferPointer<UInt8>) throws(ImportError) -> T) throws(ImportError) -> T {
        let data: Data
        switch DataFile.read(path, maxBytes: DataFile.maxCSVBytes) {
        case let .data(d): data = d
        case let .unreadable(why): throw ImportError(SourceLocation(file: display), "cannot read: \(why)")
        case let .refused(line, why): throw ImportError(SourceLocation(file: display, line: line), why)
        }
        var result: Result<T, ImportError> = .failure(ImportError(SourceLocation(file: display), "unread"))
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportError) { result = .success(try parse(bytes)) } catch { result = .failure(error) }
        }
        return try result.get()
    }

    /// Every row of a published CSV file (the header included), with the reader's problems as errors naming
    /// the file and line; `body` may throw an `ImportError` of its own, or `CSVReader.Stop` to stop early.
    static func rows(in bytes: UnsafeBufferPointer<UInt8>, file: String, _ body: (CSVRow) throws -> Void) throws(ImportError) {
        do {
            try CSVReader.forEachRow(in: bytes, body)
        } catch let e as ImportError {
            throw e
        } catch let e as CSVError {
            throw ImportError(SourceLocation(file: file, line: e.line), e.message)
        } catch {
            throw ImportError(SourceLocation(file: file), "\(error)")
        }
    }
}

/// One DfE "underlying data" CSV in the explore-education-statistics tidy shape, read on the byte-level
/// `CSVReader`: the header, and for every row the text of the columns asked for.
///
/// Columns are found by name (ignoring case), so column order does not matter; a byte-order mark, CRLF and
/// quoted fields (`""` for an empty one) are handled by the reader.
public struct DfETable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        /// In the order of `DfETable.kept`.
        public var cells: [String]
    }

    public let file: String
    /// The header as written (trimmed).
    public let header: [String]
    /// The columns kept for every row, lower-cased.
    public let kept: [String]
    public let rows: [Row]

    /// The geography and time columns of the tidy shape; every other column is a filter or a measure.
    public static let placeColumns = ["time_period", "time_identifier", "geographic_level", "country_code",
                                      "country_name", "region_code", "region_name", "old_la_code", "new_la_code",
                                      "la_name"]
    static let required = ["time_period", "time_identifier", "geographic_level"]

    /// Reads the header only, to check the mapping against it before reading the rows.
    public static func header(of bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportError) -> [String] {
        var header: [String]?
        try ImportError.rows(in: bytes, file: file) { row in
            if header == nil { header = row.strings.map(\.trimmingSpaces) }
            throw CSVReader.Stop()
        }
        guard let header else { throw ImportError(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
        let lower = Set(header.map { $0.lowercased() })
        let missing = required.filter { !lower.contains($0) }
        if !missing.isEmpty {
            throw ImportError(SourceLocation(file: file, line: 1),
                              "not a DfE underlying-data file: no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                              + "(columns: \(header.joined(separator: ", ")))")
        }
        if !lower.contains("old_la_code") && !lower.contains("new_la_code") {
            throw ImportError(SourceLocation(file: file, line: 1),
                              "no 'old_la_code' or 'new_la_code' column, so local authorities cannot be told apart")
        }
        return header
    }

    /// Reads every row, keeping the named columns (those the header lacks are kept as empty text), or all of them.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, keep: [String]? = nil) throws(ImportError) -> DfETable {
        let header = try self.header(of: bytes, file: file)
        let keep = keep ?? header
        var index: [String: Int] = [:]
        for (i, n) in header.enumerated() where index[n.lowercased()] == nil { index[n.lowercased()] = i }
        let kept = keep.map { $0.lowercased() }
        let cols = kept.map { index[$0] }
        var rows: [Row] = []
        var first = true
        try ImportError.rows(in: bytes, file: file) { row in
            if first {
                first = false
                return
            }
            // Every row has the header's fields (one more, empty, is a trailing comma): a short row is a
            // damaged file, whose figures would shift every rank.
            if row.count != header.count, !(row.count == header.count + 1 && row.withField(header.count) { $0.isEmpty }) {
                throw ImportError(SourceLocation(file: file, line: row.line),
                                  "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(header.count)")
            }
            var cells: [String] = []
            cells.reserveCapacity(cols.count)
            for c in cols {
                if let c, c < row.count { cells.append(row.trimmed(c)) } else { cells.append("") }
            }
            rows.append(Row(line: row.line, cells: cells))
        }
        if let last = bytes.last, last != 0x0A, last != 0x0D {
            throw ImportError(SourceLocation(file: file, line: rows.last?.line ?? 1),
                              "the file ends inside this line (no line break after it): it looks cut short; "
                              + "download it again")
        }
        return DfETable(file: file, header: header, kept: kept, rows: rows)
    }

    /// Reads a file from disk.
    public static func read(path: String, display: String, keep: [String]? = nil) throws(ImportError) -> DfETable {
        try ImportError.parseFile(path: path, display: display) { bytes throws(ImportError) in
            try read(bytes, file: display, keep: keep)
        }
    }
}

extension DfETable {
    /// The index of a column by name, ignoring case.
    func column(_ name: String) -> Int? { kept.firstIndex(of: name.trimmingSpaces.lowercased()) }

    /// Authorities are matched by old code when the file has them (every DfE file to date), else by new code.
    var usesOldCodes: Bool { column("old_la_code") != nil }

    func code(of a: AuthorityDirectory.Authority) -> String { usesOldCodes ? a.oldCode : a.newCode }

    func addAuthorities(to d: inout AuthorityDirectory) {
        guard let level = column("geographic_level") else { return }
        let old = column("old_la_code"), new = column("new_la_code"), name = column("la_name"), region = column("region_name")
        for r in rows where r.cells[level].lowercased() == "local authority" {
            d.add(.init(oldCode: old.map { r.cells[$0] } ?? "", newCode: new.map { r.cells[$0] } ?? "",
                        name: name.map { r.cells[$0] } ?? "", region: region.map { r.cells[$0] } ?? ""))
        }
    }
}
