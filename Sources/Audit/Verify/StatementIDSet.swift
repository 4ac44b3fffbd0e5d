import Sodium
import Statements

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ids of the statements a record has shown so far, to catch a statement repeated at another
/// leaf.
///
/// A record holds millions of statements, and Swift's `Set` would hash each id with SipHash
/// before placing it. An id is a SHA-256 digest, already uniform, so this table places it by its
/// first eight bytes times an odd number drawn for the table (a record cannot know where its ids
/// land) and probes the next slots in turn. Ids are compared whole, so two ids that share a
/// prefix are still two ids.
final class StatementIDSet {
    /// Each slot's id, or the zero digest for an empty slot. The slots come zeroed from
    /// `calloc`, which maps a large table's pages only as they are first written: a record
    /// whose checkpoint announces millions of entries costs memory only for what it holds.
    private var slots: UnsafeMutableBufferPointer<SHA256Digest>
    /// Whether the zero digest itself is in the set (it cannot mark itself).
    private var holdsZero = false
    /// How many ids the set holds.
    private(set) var count = 0
    /// Slots are found from the top bits of the product: `64 - log2(slots.count)`.
    private var shift: UInt64
    private let multiplier = UInt64.random(in: 0...UInt64.max) | 1

    /// An empty set with room for `capacity` ids before it grows.
    init(capacity: Int) {
        // At most three slots in four are used, so that a search ends within a few slots.
        var size = 16
        while size * 3 / 4 < capacity { size *= 2 }
        slots = Self.zeroedSlots(size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit { free(slots.baseAddress) }

    /// `count` slots, all zero.
    private static func zeroedSlots(_ count: Int) -> UnsafeMutableBufferPointer<SHA256Digest> {
        guard let memory = calloc(count, MemoryLayout<SHA256Digest>.stride) else {
            fatalError("no memory for \(count) statement ids")
        }
        return UnsafeMutableBufferPointer(
            start: memory.bindMemory(to: SHA256Digest.self, capacity: count), count: count)
    }

    /// Adds `id`; false if it was there already.
    func insert(_ id: StatementID) -> Bool {
        let digest = id.digest
        if digest == .zero {
            defer { holdsZero = true }
            if !holdsZero { count += 1 }
            return !holdsZero
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let inserted = Self.place(digest, in: slots, shift: shift, multiplier: multiplier)
        if inserted { count += 1 }
        return inserted
    }

    /// Puts `digest` (not zero) in its slot, or finds it there; whether it was new.
    private static func place(
        _ digest: SHA256Digest, in slots: UnsafeMutableBufferPointer<SHA256Digest>, shift: UInt64, multiplier: UInt64
    ) -> Bool {
        let mask = slots.count - 1
        let prefix = digest.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        var slot = Int(truncatingIfNeeded: (prefix &* multiplier) >> shift)
        while true {
            let held = slots[slot]
            if held == .zero {
                slots[slot] = digest
                return true
            }
            if held == digest { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots and places every id again.
    private func grow() {
        let old = slots
        slots = Self.zeroedSlots(old.count * 2)
        shift -= 1
        for digest in old where digest != .zero {
            _ = Self.place(digest, in: slots, shift: shift, multiplier: multiplier)
        }
        free(old.baseAddress)
    }
}
