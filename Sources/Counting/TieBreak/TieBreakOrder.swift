/// The documented rule for ties no method criterion separates: a fixed order of all candidates,
/// published with the count. Among tied candidates, the one **earliest** in the order is
/// favoured: it wins, is elected, or is ranked higher; the one **latest** is eliminated.
///
/// The default order is the candidates' listed order (ballot files and rounds list candidates in
/// an order fixed before voting). A round can instead publish a seed; the order is then the
/// Fisher-Yates shuffle of the listed order driven by SplitMix64 from that seed (see
/// ``init(seed:candidateCount:)``), which an auditor reproduces exactly. Either way the order is a
/// parameter of the outcome, so recounting with the same inputs gives the same result.
public struct TieBreakOrder: Hashable, Sendable {
    /// Candidates from most to least favoured.
    public let order: [Int]
    /// `position[c]` is candidate `c`'s place in ``order``.
    public let position: [Int]
    /// How the order was made, for traces: `"candidate order"`, `"given order"` or `"seed N"`.
    public let source: String

    /// The listed order: candidate 0 is most favoured.
    public init(candidateCount: Int) {
        self.order = Array(0..<candidateCount)
        self.position = Array(0..<candidateCount)
        self.source = "candidate order"
    }

    /// An explicit order, most favoured first; it must name every candidate exactly once.
    public init(order: [Int], candidateCount: Int) throws(CountingError) {
        guard order.count == candidateCount, Set(order) == Set(0..<candidateCount) else {
            throw .invalidParameter("a tie-break order must list each of the \(candidateCount) candidates once")
        }
        var position = [Int](repeating: 0, count: candidateCount)
        for (place, candidate) in order.enumerated() { position[candidate] = place }
        self.order = order
        self.position = position
        self.source = "given order"
    }

    /// The listed order shuffled by Fisher-Yates: for `i` from `n - 1` down to 1, swap entry `i`
    /// with entry `j = next() % (i + 1)`, where `next()` is SplitMix64 (state += 0x9E3779B97F4A7C15;
    /// z = state; z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9; z = (z ^ z >> 27) * 0x94D049BB133111EB;
    /// return z ^ z >> 31) started from `seed`. The modulo bias is below 2^-50 for any realistic
    /// number of candidates and is part of the definition.
    public init(seed: UInt64, candidateCount: Int) {
        var order = Array(0..<candidateCount)
        var state = seed
        if candidateCount > 1 {
            for i in stride(from: candidateCount - 1, through: 1, by: -1) {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                let j = Int(z % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        var position = [Int](repeating: 0, count: candidateCount)
        for (place, candidate) in order.enumerated() { position[candidate] = place }
        self.order = order
        self.position = position
        self.source = "seed \(seed)"
    }

    /// The most favoured of `tied` (it wins the tie).
    public func favoured(_ tied: some Collection<Int>) -> Int {
        tied.min { position[$0] < position[$1] }!
    }

    /// The least favoured of `tied` (it loses the tie: eliminated first, ranked lower).
    public func disfavoured(_ tied: some Collection<Int>) -> Int {
        tied.max { position[$0] < position[$1] }!
    }

    /// `candidates` from most to least favoured.
    public func sorted(_ candidates: some Collection<Int>) -> [Int] {
        candidates.sorted { position[$0] < position[$1] }
    }

    /// The rule in words, for ``TieResolution/rule``.
    public var rule: String { "tie-break order (\(source)): the earliest is favoured" }

    /// The order as a parameter of an outcome.
    public var parameter: JSONMember {
        JSONMember(
            "tie_break",
            .object([
                JSONMember("source", .string(source)),
                JSONMember("order", .array(order.map { .integer(Int64($0)) })),
            ]))
    }
}
