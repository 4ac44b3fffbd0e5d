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
/// before placing it, in a table of 32-byte entries that no cache holds. An id is a SHA-256
/// digest, already uniform, so this table places it by its first eight bytes times an odd number
/// drawn for the table (a record cannot know where its ids land) and probes the next slots in
/// turn. A slot is eight bytes: where the id is in a list of the ids in the order they came, and
/// three more bytes of the id as a tag; only an id whose tag matches is read from the list and
/// compared whole. So two ids that share a prefix and a tag are still two ids, and the table a
/// million ids are looked up in at random is a quarter of the size a table of whole ids would be.
final class StatementIDSet {
    /// The ids in the order they were added (reserved for the capacity asked for, which takes
    /// memory only as it is written).
    private var ids: [SHA256Digest] = []
    /// Each slot: the tag in the top 24 bits and the id's place in ``ids`` plus one below, or zero
    /// for an empty slot. The slots come zeroed from `calloc`, which maps a large table's pages
    /// only as they are first written: a record whose checkpoint announces millions of entries
    /// costs memory only for what it holds.
    private var slots: UnsafeMutableBufferPointer<UInt64>
    /// How many ids the set holds.
    var count: Int { ids.count }
    /// Slots are found from the top bits of the product: `64 - log2(slots.count)`.
    private var shift: UInt64
    private let multiplier = UInt64.random(in: 0...UInt64.max) | 1
    /// Places in ``ids`` take the slot's low 40 bits.
    private static let placeBits: UInt64 = 40

    /// An empty set with room for `capacity` ids before it grows.
    init(capacity: Int) {
        // At most three slots in four are used, so that a search ends within a few slots.
        var size = 16
        while size * 3 / 4 < capacity { size *= 2 }
        slots = Self.zeroedSlots(size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        ids.reserveCapacity(capacity)
    }

    deinit { free(slots.baseAddress) }

    /// `count` slots, all zero.
    private static func zeroedSlots(_ count: Int) -> UnsafeMutableBufferPointer<UInt64> {
        guard let memory = calloc(count, MemoryLayout<UInt64>.stride) else {
            fatalError("no memory for \(count) statement ids")
        }
        return UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt64.self, capacity: count), count: count)
    }

    /// Adds `id`; false if it was there already.
    func insert(_ id: StatementID) -> Bool {
        let digest = id.digest
        if (ids.count + 1) * 4 > slots.count * 3 { grow() }
        precondition(ids.count < (1 << Self.placeBits) - 1, "more statement ids than a set places")
        let (prefix, tag) = Self.prefixAndTag(digest)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (prefix &* multiplier) >> shift)
        while true {
            let held = slots[slot]
            if held == 0 {
                ids.append(digest)
                slots[slot] = tag << Self.placeBits | UInt64(ids.count)
                return true
            }
            if held >> Self.placeBits == tag, ids[Int(held & (1 << Self.placeBits - 1)) - 1] == digest { return false }
            slot = (slot + 1) & mask
        }
    }

    /// The digest's first eight bytes, which place it, and its next three, its tag.
    private static func prefixAndTag(_ digest: SHA256Digest) -> (prefix: UInt64, tag: UInt64) {
        digest.withUnsafeBytes { bytes in
            (bytes.loadUnaligned(as: UInt64.self), UInt64(bytes[8]) << 16 | UInt64(bytes[9]) << 8 | UInt64(bytes[10]))
        }
    }

    /// Doubles the slots and places every id again.
    private func grow() {
        free(slots.baseAddress)
        slots = Self.zeroedSlots(slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (place, digest) in ids.enumerated() {
            let (prefix, tag) = Self.prefixAndTag(digest)
            var slot = Int(truncatingIfNeeded: (prefix &* multiplier) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = tag << Self.placeBits | UInt64(place + 1)
        }
    }
}
