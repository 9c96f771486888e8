@testable import CsdashCore
import Foundation
import XCTest

/// A large file is read whole, within the limits, and its rows load (in parts read at once) as from any
/// other file.
final class LargeFileTests: XCTestCase {
    func testALargeHistoryFileReadsWholeAndLoads() throws {
        // 120 monthly indicators of 4,500 months each: 540,000 rows, about 10 MB.
        let indicators = 120, months = 4_500
        var text = "indicator,period,value\n"
        text.reserveCapacity(indicators * months * 24)
        for i in 0..<indicators {
            for m in 0..<months {
                text += "i\(i),\(1600 + m / 12)-\(m % 12 < 9 ? "0" : "")\(m % 12 + 1),\(m % 1000).25\n"
            }
        }
        let blocks = (0..<indicators).map {
            "  - {id: i\($0), panel: p, title: I\($0), unit: number, polarity: higher, frequency: monthly}"
        }.joined(separator: "\n")
        let data = try TempData(indicators: indicatorsYAML(blocks), history: ["big.csv": text])
        let path = data.path + "/history/big.csv"
        XCTAssertGreaterThan(text.utf8.count, 2 * HistoryLoader().partSize, "the file must be read in parts")
        guard case let .data(bytes) = DataFile.read(path, maxBytes: DataFile.maxCSVBytes) else {
            return XCTFail("not read")
        }
        XCTAssertEqual(bytes, Data(text.utf8))
        let loaded = try data.load()
        XCTAssertEqual(loaded.errors.count, 0, loaded.errors.prefix(3).map(\.description).joined(separator: "\n"))
        let h = try XCTUnwrap(loaded.dataset.indicator("i119")).history
        XCTAssertEqual(h.count, months)
        guard h.count == months else { return }
        XCTAssertEqual(h.value(at: months - 1), Double((months - 1) % 1000) + 0.25)
        XCTAssertEqual(h.period(at: months - 1), Period("1974-12"))
    }
}

/// Files of every size read back as written.
final class FileReadTests: XCTestCase {
    func testEverySizeReadsBack() throws {
        let dir = NSTemporaryDirectory() + "csdash-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for size in [0, 1, 4095, 4096, 65_535, 65_536, 65_537, 634_430, 3 << 20] {
            var bytes = [UInt8](repeating: 0, count: size)
            for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i % 251 == 250 ? 10 : 65 + i % 26) }
            let path = dir + "/f\(size).csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard case let .data(data) = DataFile.read(path, maxBytes: 64 << 20) else { return XCTFail("\(size) bytes") }
            XCTAssertEqual(data, Data(bytes), "\(size) bytes")
        }
    }
}
