/// A value cell: a number, "not available", or something that is not a number.
public enum CSVNumber: Equatable, Sendable {
    case value(Double)
    /// An empty cell or a suppression code.
    case missing
    case invalid

    /// Suppression codes used by DfE and ONS exports; they mean "not available", never zero.
    public static let suppressionCodes: Set<String> = ["c", "x", "z", "u", "low", ":", "..", "-", "n/a", "na"]


    /// Reads `81.2`, `81.2%`, `4,335`, `"-3.5"`, `1e3`, ` 12 `; empty or a suppression code is `.missing`.
    public static func parse(_ s: String) -> CSVNumber {
        var a = Array(s.utf8)
        return a.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> CSVNumber {
        if let v = plainDecimal(b) { return .value(v) }
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return .missing }
        if hi > lo, b[hi - 1] == 0x25 { // trailing %
            hi -= 1
            while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
            if lo == hi { return .invalid }
        }
        // Fast path: [sign] digits[,digits...] [. digits]
        var i = lo
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var sawDot = false, sawDigit = false, slow = false
        while i < hi {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                if digits < 18 {
                    mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                    digits += mantissa == 0 ? 0 : 1
                    if sawDot { fraction += 1 }
                } else {
                    slow = true
                    break
                }
            } else if c == 0x2E, !sawDot {
                sawDot = true
            } else if c == 0x2C, !sawDot, sawDigit, i + 3 < hi + 1 {
                // thousands separator: must be followed by exactly three digits
                var k = i + 1, run = 0
                while k < hi, b[k] >= 0x30 && b[k] <= 0x39 { k += 1; run += 1 }
                if run != 3 { return suppressionOrInvalid(b, lo, hi) }
            } else if c == 0x65 || c == 0x45 {
                slow = true
                break
            } else {
                return suppressionOrInvalid(b, lo, hi)
            }
            i += 1
        }
        if !slow {
            guard sawDigit else { return suppressionOrInvalid(b, lo, hi) }
            if mantissa < (1 << 53), fraction < PowersOfTen.values.count {
                let v = Double(mantissa) / PowersOfTen.values[fraction]
                return .value(negative ? -v : v)
            }
        }
        return exact(b, lo, hi)
    }

    /// Exponents, more than 18 digits: the standard library's parser on the text without thousands separators.
    private static func exact(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> CSVNumber {
        // Never C's strtod: once ncurses has called setlocale(LC_ALL, ""), strtod reads
        // "1,5" as one and a half in a decimal-comma locale, and the dashboard's live reload parses in-process.
        var text = ""
        text.unicodeScalars.reserveCapacity(hi - lo)
        for k in lo..<hi where b[k] != 0x2C {
            guard b[k] < 0x80 else { return .invalid }
            text.unicodeScalars.append(Unicode.Scalar(b[k]))
        }
        guard let v = Double(text), v.isFinite else { return .invalid }
        return .value(v)
    }

    /// Most values in the files: `-`, digits, `.`, digits, with at most 15 digits (so the digits are an exact
    /// integer and one division by an exact power of ten gives the nearest double). Nil for anything else.
    @inline(__always) private static func plainDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let e = b.count
        var q = 0, negative = false
        if q < e, b[q] == 0x2D {
            negative = true
            q &+= 1
        }
        let q0 = q
        var m: UInt64 = 0
        while q < e, b[q] &- 0x30 < 10 {
            m = m &* 10 &+ UInt64(b[q] &- 0x30)
            q &+= 1
        }
        var digits = q &- q0, fraction = 0
        if q < e, b[q] == 0x2E {
            q &+= 1
            let f0 = q
            while q < e, b[q] &- 0x30 < 10 {
                m = m &* 10 &+ UInt64(b[q] &- 0x30)
                q &+= 1
            }
            fraction = q &- f0
            digits &+= fraction
        }
        guard q == e, digits > 0, digits <= 15 else { return nil }
        let v = Double(m) / PowersOfTen.values[fraction]
        return negative ? -v : v
    }

    private static func suppressionOrInvalid(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> CSVNumber {
        guard hi - lo <= 4 else { return .invalid }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self).lowercased()
        return suppressionCodes.contains(text) ? .missing : .invalid
    }
}
