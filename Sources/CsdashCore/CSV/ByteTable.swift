#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings to small integers, looked up straight from a CSV field's bytes, so a
/// million rows cost no String each: indicator ids map to their index, period spellings to their code.
/// Open addressing with linear probing; keys are copied once into one arena.
struct ByteTable {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = -1 // -1: empty
        var length: Int32 = 0
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: Slot(), count: n)
    }

    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        // FNV-1a, 64-bit.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b {
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = ByteTable.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { s in
            arena.withUnsafeBufferPointer { a in
                while true {
                    let slot = s[i]
                    if slot.offset < 0 { return nil }
                    if slot.hash == h, Int(slot.length) == key.count,
                       key.count == 0 || memcmp(a.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) == 0 {
                        return slot.value
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Adds `key` (or replaces its value).
    mutating func set(_ key: UnsafeBufferPointer<UInt8>, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let h = ByteTable.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].offset >= 0 {
            if slots[i].hash == h, Int(slots[i].length) == key.count, matches(slots[i], key) {
                slots[i].value = value
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: h, offset: Int32(arena.count), length: Int32(key.count), value: value)
        arena.append(contentsOf: key)
        count += 1
    }

    mutating func set(_ key: String, _ value: Int32) {
        var bytes = Array(key.utf8)
        bytes.withUnsafeMutableBufferPointer { set(UnsafeBufferPointer($0), value) }
    }

    private func matches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(slot.offset)
        return arena[start..<start + key.count].elementsEqual(key)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.offset >= 0 {
            var i = Int(truncatingIfNeeded: s.hash) & mask
            while slots[i].offset >= 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
