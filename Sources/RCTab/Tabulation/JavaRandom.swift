/// `java.util.Random`, bit for bit: the 48-bit linear congruential generator RCTab seeds with a
/// contest's `randomSeed` to break ties, so a seeded tie-break here picks what RCTab picks.
///
/// Only the methods RCTab's tie-breaks use are here: `nextInt()`, `nextInt(bound)`,
/// `nextDouble()` and `Collections.shuffle(list, random)`.
public struct JavaRandom: Sendable {
    private static let multiplier: Int64 = 0x5_DEEC_E66D
    private static let addend: Int64 = 0xB
    private static let mask: Int64 = (1 << 48) - 1

    /// The 48-bit internal state.
    public private(set) var state: Int64

    /// `new Random(seed)`: the seed is scrambled with the multiplier.
    public init(seed: Int64) {
        state = (seed ^ JavaRandom.multiplier) & JavaRandom.mask
    }

    /// `next(bits)`: advance the generator and return its top `bits` bits as a signed 32-bit value.
    public mutating func next(bits: Int) -> Int32 {
        precondition((1...32).contains(bits))
        state = (state &* JavaRandom.multiplier &+ JavaRandom.addend) & JavaRandom.mask
        return Int32(truncatingIfNeeded: state >> (48 - bits))
    }

    /// `nextInt()`: 32 random bits.
    public mutating func nextInt() -> Int32 { next(bits: 32) }

    /// `nextInt(bound)`: uniform in `0..<bound` (rejection sampling exactly as Java does it).
    public mutating func nextInt(bound: Int32) -> Int32 {
        precondition(bound > 0, "bound must be positive")
        var r = next(bits: 31)
        let m = bound &- 1
        if bound & m == 0 {
            return Int32(truncatingIfNeeded: (Int64(bound) &* Int64(r)) >> 31)
        }
        var u = r
        r = u % bound
        while u &- r &+ m < 0 {
            u = next(bits: 31)
            r = u % bound
        }
        return r
    }

    /// `nextDouble()`: 53 random bits scaled into `[0, 1)`.
    public mutating func nextDouble() -> Double {
        let high = Int64(next(bits: 26)) << 27
        let low = Int64(next(bits: 27))
        return Double(high + low) * 0x1.0p-53
    }

    /// `Collections.shuffle(list, this)`: Fisher–Yates from the end, swapping each position `i - 1`
    /// with `nextInt(i)`.
    public mutating func shuffle<Element>(_ list: inout [Element]) {
        var i = list.count
        while i > 1 {
            let j = Int(nextInt(bound: Int32(i)))
            list.swapAt(i - 1, j)
            i -= 1
        }
    }
}
