/// PAV's harmonic weights as exact integers: a voter with `j` approved members already in the
/// committee adds `1 / (j + 1)` for one more; every score is kept multiplied by
/// `scale = lcm(1, ..., m)` (where `m` is the most members any voter can approve, the smaller of
/// the seats and the longest ballot), so `unit[j] = scale / j` is an integer and sums are exact
/// integer additions. A score `s` means `s / scale`.
struct HarmonicScores: Sendable {
    let scale: Int128
    /// `unit[j] = scale / j` for `j` in `1 ... m`; `unit[0]` is unused.
    let unit: [Int128]

    /// Prepares the weights for committees of `seats` over `profile`; throws when a score could
    /// not be held in 128 bits.
    init(profile: ApprovalProfile, seats: Int, totalWeight: Int64) throws(CountingError) {
        var longest = 0
        for ballot in 0..<profile.ballotCount { longest = max(longest, profile.range(of: ballot).count) }
        let depth = max(1, min(seats, longest))
        var scale: Int128 = 1
        for j in 1...depth {
            let divisor = Int128(CompactFraction.gcd(UInt128(scale), UInt128(j)))
            let (product, overflow) = scale.multipliedReportingOverflow(by: Int128(j) / divisor)
            guard !overflow else {
                throw .beyondLimit(
                    "PAV scores with \(depth) approved members per voter do not fit 128-bit exact integers")
            }
            scale = product
        }
        var unit = [Int128](repeating: 0, count: depth + 1)
        var harmonic: Int128 = 0
        for j in 1...depth {
            unit[j] = scale / Int128(j)
            harmonic += unit[j]
        }
        // Every score is at most totalWeight * scale * H(depth): check that it fits once.
        guard !Int128(totalWeight).multipliedReportingOverflow(by: harmonic).overflow else {
            throw .beyondLimit("PAV scores for a total ballot weight of \(totalWeight) do not fit 128-bit integers")
        }
        self.scale = scale
        self.unit = unit
    }

    /// A scaled score as the exact fraction it stands for.
    func value(_ scaled: Int128) -> Rational { Rational(.init(scaled), .init(scale)) }
}
