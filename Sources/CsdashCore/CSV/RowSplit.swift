#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A row's fields and line break, for `CSVRows`: the line break by `memchr` (LF) and a remembered CR
/// position, the commas eight bytes at a time (one pattern a word).
struct RowSplit {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    /// The next LF and CR at or after the last row's start (`n` if none; -1: not looked for yet). Each is
    /// looked for again only once passed, so a file with one kind of line break never scans for the other twice.
    private var nextLF = -1, nextCR = -1

    init(_ p: UnsafePointer<UInt8>, count: Int) {
        self.p = p
        n = count
    }

    /// Where the row starting at `i` ends (its LF, CR, or `n`) and where the next row starts. A CR followed
    /// by LF is one line break; a CR alone is one too, as `CSVReader` reads it.
    @inline(__always) mutating func line(from i: Int) -> (end: Int, next: Int) {
        if nextLF < i { nextLF = RowSplit.find(0x0A, p, from: i, to: n) }
        let lf = nextLF
        if nextCR < i { nextCR = RowSplit.find(0x0D, p, from: i, to: n) }
        if nextCR < lf {
            let cr = nextCR
            return (cr, cr &+ 1 < n && p[cr &+ 1] == 0x0A ? cr &+ 2 : cr &+ 1)
        }
        return (lf, lf < n ? lf &+ 1 : n)
    }

    /// Splits `i..<e` (a row without its line break) at its commas: the first `columns` fields' bounds go
    /// into `starts` and `ends`; returns the number of fields.
    @inline(__always) func fields(_ i: Int, _ e: Int, columns: Int, _ starts: UnsafeMutablePointer<Int>,
                                  _ ends: UnsafeMutablePointer<Int>) -> Int {
        var fields = 0, fieldStart = i, w = i
        while w < e {
            var m = RowSplit.commas(in: RowSplit.word(p, w, n))
            let left = e &- w
            if left < 8 { m &= (UInt64(1) &<< UInt64(left &* 8)) &- 1 }
            while m != 0 {
                let j = w &+ (m.trailingZeroBitCount &>> 3)
                if fields < columns {
                    starts[fields] = fieldStart
                    ends[fields] = j
                }
                fields &+= 1
                fieldStart = j &+ 1
                m &= m &- 1
            }
            w &+= 8
        }
        if fields < columns {
            starts[fields] = fieldStart
            ends[fields] = e
        }
        return fields &+ 1
    }

    /// The offset of the first `byte` in `from..<to`, or `to` when there is none.
    @inline(__always) static func find(_ byte: UInt8, _ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        memchr(p + from, Int32(byte), to &- from).map { UnsafeRawPointer(p).distance(to: UnsafeRawPointer($0)) } ?? to
    }

    /// A high bit in each byte of `x` that is a comma, and no other bit.
    @inline(__always) static func commas(in x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let y = x ^ 0x2C2C_2C2C_2C2C_2C2C
        return ~(((y & low7) &+ low7) | y | low7)
    }

    /// Eight bytes at `at`, little-endian (the first byte lowest); past the end of the buffer, zero bytes.
    @inline(__always) static func word(_ p: UnsafePointer<UInt8>, _ at: Int, _ n: Int) -> UInt64 {
        if at &+ 8 <= n { return UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self)) }
        var x: UInt64 = 0
        var k = n &- 1
        while k >= at {
            x = x &<< 8 | UInt64(p[k])
            k &-= 1
        }
        return x
    }
}
