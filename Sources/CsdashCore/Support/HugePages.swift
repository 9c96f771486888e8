import Foundation

/// Large buffers (a history file's bytes, the columns of a million rows) filled once, front to back.
///
/// Each 4 KiB page of fresh memory costs a page fault when first written; for the tens of megabytes of a
/// large file that is tens of thousands of faults, which on this kind of machine took as much time as parsing
/// the rows. Where the kernel offers transparent huge pages on request (`madvise` mode, the usual default),
/// asking for them makes it one fault per 2 MiB instead.
enum HugePages {
    static let size = 2 << 20

    /// Asks for huge pages over the whole 2 MiB pages inside `bytes` at `start`; a no-op where there are none,
    /// or where the kernel does not offer them.
    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        guard bytes >= 2 * size else { return }
        let address = UInt(bitPattern: start)
        let lo = (address + UInt(size - 1)) & ~UInt(size - 1)
        let hi = (address + UInt(bytes)) & ~UInt(size - 1)
        guard hi > lo, let p = UnsafeMutableRawPointer(bitPattern: lo) else { return }
        _ = madvise(p, Int(hi - lo), MADV_HUGEPAGE)
        #endif
    }

    /// Memory for `bytes` bytes, aligned to a huge page and advised (see `advise`); free it with `free`.
    static func allocate(bytes: Int) -> UnsafeMutableRawPointer? {
        var p: UnsafeMutableRawPointer?
        guard posix_memalign(&p, size, max(1, bytes)) == 0, let p else { return nil }
        advise(p, bytes: bytes)
        return p
    }
}
