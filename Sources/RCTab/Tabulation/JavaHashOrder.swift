/// The iteration order of Java's `HashMap`/`HashSet` of strings, which RCTab's output (and, in a
/// few tie-breaks, its choices) follows: entries are visited by bucket, `spread(hashCode) &
/// (capacity - 1)`, and within a bucket in insertion order.
enum JavaHashOrder {
    /// `String.hashCode()`: `s[0]·31^(n-1) + … + s[n-1]` over UTF-16 code units, in 32-bit arithmetic.
    static func stringHash(_ string: String) -> Int32 {
        var hash: Int32 = 0
        for unit in string.utf16 { hash = hash &* 31 &+ Int32(unit) }
        return hash
    }

    /// `HashMap.hash(key)`: the hash code with its high half folded into the low half.
    static func spread(_ hash: Int32) -> UInt32 {
        let bits = UInt32(bitPattern: hash)
        return bits ^ (bits >> 16)
    }

    /// The table capacity of a `HashMap` that started at `initialCapacity` and holds `count` entries
    /// (it doubles whenever the size passes three quarters of the capacity).
    static func capacity(forCount count: Int, initialCapacity: Int = 16) -> Int {
        var capacity = initialCapacity
        while count > capacity * 3 / 4 { capacity *= 2 }
        return capacity
    }

    /// The capacity `new HashSet<>(collection)` starts with: `max(n / 0.75 + 1, 16)` rounded up to
    /// a power of two.
    static func copyConstructorCapacity(forCount count: Int) -> Int {
        let wanted = max(Int(Float(count) / 0.75) + 1, 16)
        var capacity = 1
        while capacity < wanted { capacity *= 2 }
        return capacity
    }

    /// The keys, given in insertion order, in the order a `HashMap` with that many entries
    /// iterates them.
    static func iterationOrder<Key>(
        _ keys: [Key], name: (Key) -> String, initialCapacity: Int = 16
    ) -> [Key] {
        let capacity = capacity(forCount: keys.count, initialCapacity: initialCapacity)
        let mask = UInt32(capacity - 1)
        let buckets = keys.map { spread(stringHash(name($0))) & mask }
        let order = keys.indices.sorted { (buckets[$0], $0) < (buckets[$1], $1) }
        return order.map { keys[$0] }
    }
}
