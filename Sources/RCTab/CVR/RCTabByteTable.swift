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

    /// FNV-1a, folded to `Int`.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private static func equal(_ keys: UnsafeRawBufferPointer, at start: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            if keys[start + index] != bytes[index] { return false }
            index += 1
        }
        return true
    }
}
