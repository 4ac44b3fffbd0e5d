/// A map from byte strings to small integers, looked up with bytes in place (no `String` or
/// `Array` made for the lookup): the cast-vote-record readers' map from a cell's text to its coded
/// mark, and the collector's map from a record's coded marks to its merged ballot.
///
/// A text is found only by exactly its UTF-8 bytes. Swift compares strings by canonical
/// equivalence, so a cell written in another normalization form than a name is not found here:
/// the readers then compare the cell's text as a `String`, as before.
struct RCTabByteTable {
    private struct Entry {
        var start: Int
        var end: Int
        var value: Int32
    }

    /// Every key's bytes, one after the other.
    private var keys: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing with linear probing: an entry's index plus one, 0 for a free slot.
    private var slots: [Int32]
    private var mask: Int

    /// An empty table.
    init() {
        slots = Array(repeating: 0, count: 16)
        mask = 15
    }

    /// A table of the texts' UTF-8 bytes; when two texts have the same bytes, the first one's
    /// value is kept.
    init(_ pairs: [(text: String, value: Int32)]) {
        self.init()
        for (text, code) in pairs {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { bytes in
                if value(for: bytes) == nil { insert(bytes, value: code) }
            }
        }
    }

    /// The number of keys.
    var count: Int { entries.count }

    /// The value of the key `bytes`, if it is in the table.
    func value(for bytes: UnsafeRawBufferPointer) -> Int32? {
        var slot = Self.hash(bytes) & mask
        return keys.withUnsafeBytes { keys in
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                let entry = entries[stored - 1]
                if entry.end - entry.start == bytes.count && Self.equal(keys, at: entry.start, bytes) {
                    return entry.value
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds the key `bytes`, which is not in the table yet.
    mutating func insert(_ bytes: UnsafeRawBufferPointer, value: Int32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(start: keys.count, end: keys.count + bytes.count, value: value))
        keys.append(contentsOf: bytes)
        place(entries.count - 1, hash: Self.hash(bytes))
    }

    private mutating func place(_ entry: Int, hash: Int) {
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for index in entries.indices {
            let hash = keys.withUnsafeBytes { keys in
                Self.hash(UnsafeRawBufferPointer(rebasing: keys[entries[index].start..<entries[index].end]))
            }
            place(index, hash: hash)
        }
    }

    /// A multiply-and-rotate hash over eight bytes at a time, mixed at the end so that the low
    /// bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = ((hash ^ word) &* multiplier).rotated(by: 29)
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    private static func equal(_ keys: UnsafeRawBufferPointer, at start: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 8 <= bytes.count {
            let stored = keys.loadUnaligned(fromByteOffset: start + index, as: UInt64.self)
            if stored != bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
            index += 8
        }
        while index < bytes.count {
            if keys[start + index] != bytes[index] { return false }
            index += 1
        }
        return true
    }
}

extension UInt64 {
    fileprivate func rotated(by bits: UInt64) -> UInt64 { self &<< bits | self &>> (64 - bits) }
}
