/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast generator with a fixed seed, so that
/// every property, fuzz and fault test draws the same inputs run to run and machine to machine
/// (and a failing run can be repeated). Shared by the test targets; each adds the draws it needs
/// in an extension.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is 0 or less; the small modulo bias does not
    /// matter for test inputs).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(Swift.max(bound, 1))) }
}
