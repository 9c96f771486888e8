import Foundation

/// How values are written for people: `81.2%`, `4,335`, `26.6 per 1,000`, `12 days`.
public enum ValueFormat {
    public enum Style: Sendable { case full, compact, bare }

    /// The number alone, rounded to `decimals`, with thousands separators.
    public static func number(_ v: Double, decimals: Int) -> String {
        if v.isNaN { return "n/a" }
        if v.isInfinite { return v > 0 ? "∞" : "-∞" }  // a difference of two huge values can overflow
        let r = Rounding.round(v, decimals: decimals)
        // From a quadrillion on, digits with separators would fill a column with noise: 1.23e+17.
        if abs(r) >= 1e15 { return scientific(r) }
        let d = max(0, min(decimals, 15))
        var scale: Int64 = 1
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(r) * Double(scale)).rounded()
        guard scaled.isFinite, scaled < 9e15 else { return separated(r, decimals: decimals) }
        // Digits written from the right into a small buffer: fraction, point, whole part with separators, sign.
        // The same text as `separated` without the intermediate strings (this runs for every value on screen).
        var n = Int64(scaled)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var k = 48
            for _ in 0..<d {
                k -= 1
                buf[k] = 0x30 &+ UInt8(truncatingIfNeeded: n % 10)
                n /= 10
            }
            if d > 0 {
                k -= 1
                buf[k] = 0x2E
            }
            var digits = 0
            repeat {
                if digits > 0, digits % 3 == 0 {
                    k -= 1
                    buf[k] = 0x2C
                }
                k -= 1
                buf[k] = 0x30 &+ UInt8(truncatingIfNeeded: n % 10)
                n /= 10
                digits += 1
            } while n > 0
            if r < 0 {
                k -= 1
                buf[k] = 0x2D
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[k..<48]), as: UTF8.self)
        }
    }

    /// `number(v, decimals:).count`, counted without writing the text (column widths over every indicator).
    public static func numberWidth(_ v: Double, decimals: Int) -> Int {
        if v.isNaN { return 3 }
        if v.isInfinite { return v > 0 ? 1 : 2 }
        let r = Rounding.round(v, decimals: decimals)
        if abs(r) >= 1e15 { return number(v, decimals: decimals).count }
        let d = max(0, min(decimals, 15))
        var scale: Int64 = 1
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(r) * Double(scale)).rounded()
        guard scaled.isFinite, scaled < 9e15 else { return number(v, decimals: decimals).count }
        // As `number` writes it: the fraction and its point, the whole part's digits with a separator every
        // three, and the sign.
        var whole = Int64(scaled) / scale, digits = 1
        while whole >= 10 {
            whole /= 10
            digits += 1
        }
        return (d > 0 ? d + 1 : 0) + digits + (digits - 1) / 3 + (r < 0 ? 1 : 0)
    }

    /// `value(v, ind, style:).count`, counted without writing the text where that is simple.
    public static func valueWidth(_ v: Double?, _ ind: Indicator, style: Style = .compact) -> Int {
        guard let v else { return 3 }
        switch (ind.unit, style) {
        case (_, .bare): return numberWidth(v, decimals: ind.decimals) + (ind.unit == .percent ? 1 : 0)
        case (.percent, _): return numberWidth(v, decimals: ind.decimals) + 1
        case (.count, _), (.number, _): return numberWidth(v, decimals: ind.decimals)
        case (.days, .compact): return numberWidth(v, decimals: ind.decimals) + 1
        default: return value(v, ind, style: style).count
        }
    }

    /// `number` through `fixed`: also the fallback for values too large for the fast path.
    static func separated(_ r: Double, decimals: Int) -> String {
        // From a quadrillion on, digits with separators would fill a column with noise: 1.23e+17.
        if abs(r) >= 1e15 { return scientific(r) }
        let text = fixed(abs(r), decimals: decimals)
        // Thousands separators in the whole part, built from the bytes.
        let bytes = Array(text.utf8)
        let whole = bytes.firstIndex(of: 0x2E) ?? bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + whole / 3 + 1)
        if r < 0 && r != 0 { out.append(0x2D) }
        for i in 0..<whole {
            if i > 0 && (whole - i) % 3 == 0 { out.append(0x2C) }
            out.append(bytes[i])
        }
        out.append(contentsOf: bytes[whole...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `1.80e+308`: three significant digits, built without printf (see `fixed`).
    static func scientific(_ v: Double) -> String {
        var e = Int(log10(abs(v)).rounded(.down))
        var m = abs(v) / pow(10, Double(e))
        if (m * 100).rounded() >= 1000 { m /= 10; e += 1 }
        return (v < 0 ? "-" : "") + fixed(m, decimals: 2) + "e+" + String(e)
    }

    /// `v` (not negative) with exactly `decimals` decimals and a point, whatever the C locale: the dashboard
    /// runs after ncurses has called setlocale(LC_ALL, ""), and printf-style formatting then writes a decimal
    /// comma in many locales.
    static func fixed(_ v: Double, decimals: Int) -> String {
        let d = max(0, min(decimals, 15))
        var scale: Int64 = 1
        for _ in 0..<d { scale *= 10 }
        let scaled = (v * Double(scale)).rounded()
        guard scaled.isFinite, scaled < 9e15 else { return "\(v)" }
        let n = Int64(scaled)
        let whole = String(n / scale)
        guard d > 0 else { return whole }
        let frac = String(n % scale)
        return whole + "." + String(repeating: "0", count: d - frac.count) + frac
    }

    /// The value with its unit: full `26.6 per 1,000 children`, compact `26.6 per 1,000`, bare `26.6`.
    public static func value(_ v: Double?, _ ind: Indicator, style: Style = .compact) -> String {
        guard let v else { return "n/a" }
        let n = number(v, decimals: ind.decimals)
        switch (ind.unit, style) {
        case (_, .bare): return ind.unit == .percent ? n + "%" : n
        case (.percent, _): return n + "%"
        case (.count, _), (.number, _): return n
        case (.days, .full): return n + (n == "1" ? " day" : " days")
        case (.days, _): return n + "d"
        case (.rate, .full): return ind.per.map { "\(n) per \($0)" } ?? n
        case (.rate, _): return ind.per.map { "\(n) per \(perNumber($0))" } ?? n
        }
    }

    /// A signed change with the unit: `+3.4pp` for percentages, `-12` for counts.
    public static func change(_ v: Double?, _ ind: Indicator) -> String {
        guard let v else { return "n/a" }
        let n = number(abs(v), decimals: ind.decimals)
        let sign = Rounding.round(v, decimals: ind.decimals) > 0 ? "+" : Rounding.round(v, decimals: ind.decimals) < 0 ? "-" : "±"
        return sign + n + (ind.unit == .percent ? "pp" : "")
    }

    /// `1,000 children` -> `1,000`.
    static func perNumber(_ per: String) -> String {
        String(per.split(separator: " ").first ?? Substring(per))
    }

    /// A number for machine formats: integral values without a fraction, others in shortest form.
    public static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// A figure worked out from the data (a mean, a process limit, a percentage made from a proportion), for
    /// the machine formats: to 12 significant digits, so the binary arithmetic's noise (`90.08000000000001`)
    /// goes and all the precision a figure here can carry stays. Zero, infinities and NaN pass through.
    public static func derived(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return v }
        let k = 11 - Int(log10(abs(v)).rounded(.down))
        guard (-22...22).contains(k) else { return v }
        let p = (0..<abs(k)).reduce(1.0) { r, _ in r * 10 }  // exact: powers of ten to 1e22 are doubles
        return k >= 0 ? (v * p).rounded() / p : (v / p).rounded() * p
    }
}
