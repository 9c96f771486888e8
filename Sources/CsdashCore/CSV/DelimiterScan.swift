/// Finds the CSV delimiters (comma, CR, LF) in a buffer eight bytes at a time (SWAR: one 64-bit word holds
/// eight bytes, and a few word operations mark every byte that is one of the three).
///
/// `next(i)` returns the position of the first delimiter at or after `i`, or the buffer's length if there is
/// none; `following()` the delimiter after the last one returned (a parser reading field after field). Calls must come with `i` not decreasing (a parser moving forward through its rows); a jump forward
/// (a row read by another reader) just starts a new word at `i`. The word at the end of the buffer is read
/// byte by byte, never past the end. Quotes are not looked for: the row parsers find them with `memchr`.
struct DelimiterScan {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    /// The position of the word `mask` describes.
    private var w: Int
    /// A high bit set in each byte of the word at `w` that is a delimiter.
    private var mask: UInt64
    /// The bits of `mask` after the delimiter last returned.
    private var pending: UInt64

    init(_ p: UnsafePointer<UInt8>, count: Int) {
        self.p = p
        n = count
        w = 0
        mask = count > 0 ? DelimiterScan.delimiters(in: DelimiterScan.word(p, 0, count)) : 0
        pending = mask
    }

    @inline(__always) mutating func next(_ i: Int) -> Int {
        var m: UInt64
        let d = UInt(bitPattern: i &- w)
        if d < 8 {
            m = mask & (UInt64.max &<< UInt64(d &* 8))
        } else {
            if i >= n {
                w = n
                mask = 0
                pending = 0
                return n
            }
            w = i
            m = DelimiterScan.delimiters(in: DelimiterScan.word(p, i, n))
        }
        while m == 0 {
            w &+= 8
            if w >= n {
                w = n
                mask = 0
                pending = 0
                return n
            }
            m = DelimiterScan.delimiters(in: DelimiterScan.word(p, w, n))
        }
        mask = m
        pending = m & (m &- 1)
        return w &+ (m.trailingZeroBitCount &>> 3)
    }

    /// The delimiter after the one `next` or `following` last returned (the scan's bits go in order); the
    /// buffer's length when there is none. After a jump forward, `next(i)` sets the place again.
    @inline(__always) mutating func following() -> Int {
        var m = pending
        while m == 0 {
            w &+= 8
            if w >= n {
                w = n
                mask = 0
                pending = 0
                return n
            }
            m = DelimiterScan.delimiters(in: DelimiterScan.word(p, w, n))
            mask = m
        }
        pending = m & (m &- 1)
        return w &+ (m.trailingZeroBitCount &>> 3)
    }

    /// Sets the place so that `following()` returns the first delimiter at or after `i`.
    @inline(__always) mutating func seek(_ i: Int) {
        if i >= n {
            w = n
            mask = 0
        } else {
            w = i
            mask = DelimiterScan.delimiters(in: DelimiterScan.word(p, i, n))
        }
        pending = mask
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

    /// A high bit in each byte of `x` that is a comma, CR or LF, and no other bit. Exact: no carry crosses bytes.
    @inline(__always) static func delimiters(in x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func nonzero(_ y: UInt64) -> UInt64 { ((y & low7) &+ low7) | y }
        let a = nonzero(x ^ 0x2C2C_2C2C_2C2C_2C2C), b = nonzero(x ^ 0x0A0A_0A0A_0A0A_0A0A)
        let c = nonzero(x ^ 0x0D0D_0D0D_0D0D_0D0D)
        return ~((a & b & c) | low7)
    }
}
