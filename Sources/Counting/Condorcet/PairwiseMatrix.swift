/// How many voters prefer each candidate to each other candidate: the table every Condorcet
/// method starts from.
///
/// `votes(a, over: b)` is the total weight of the ballots that rank `a` strictly above `b`. A
/// ballot states a preference only between candidates it ranks: it says nothing about two
/// candidates it ranks equal, about a ranked and an unranked candidate, or about two unranked
/// ones. (Condorcet PHP calls this the "explicit" ranking mode; it is also how the Tideman
/// collection's published results were computed. A reader whose rules say otherwise, such as
/// the Debian constitution's "unranked options are ranked below all ranked ones", writes the
/// unranked candidates into the ballot as a last, tied group.)
///
/// The table is built in one pass over the merged ballots, `O(ballots × k²)` with no allocation
/// per ballot: within a ballot every candidate of a rank group is preferred to every candidate
/// of the later groups.
public struct PairwiseMatrix: Sendable, Hashable {
    /// The number of candidates; indexes are `0 ..< candidateCount`.
    public let candidateCount: Int
    /// Row-major: `counts[a * candidateCount + b]` is `votes(a, over: b)`; the diagonal is zero.
    public let counts: [Int64]

    /// The table of `profile`'s ballots.
    public init(_ profile: RankedProfile) throws(CountingError) {
        _ = try profile.checkedTotalWeight()
        let n = profile.candidateCount
        var counts = [Int64](repeating: 0, count: n * n)
        counts.withUnsafeMutableBufferPointer { table in
            profile.candidates.withUnsafeBufferPointer { candidates in
                profile.ranks.withUnsafeBufferPointer { ranks in
                    profile.offsets.withUnsafeBufferPointer { offsets in
                        profile.weights.withUnsafeBufferPointer { weights in
                            for ballot in 0..<weights.count {
                                let weight = weights[ballot]
                                let end = offsets[ballot + 1]
                                var groupStart = offsets[ballot]
                                while groupStart < end {
                                    var groupEnd = groupStart + 1
                                    while groupEnd < end && ranks[groupEnd] == ranks[groupStart] { groupEnd += 1 }
                                    // The total weight fits in 64 bits, and so does every cell.
                                    for preferred in groupStart..<groupEnd {
                                        let row = Int(candidates[preferred]) * n
                                        for other in groupEnd..<end { table[row + Int(candidates[other])] &+= weight }
                                    }
                                    groupStart = groupEnd
                                }
                            }
                        }
                    }
                }
            }
        }
        self.candidateCount = n
        self.counts = counts
    }

    /// A table given directly (row-major, as ``counts``): every cell non-negative, the diagonal
    /// zero.
    public init(candidateCount: Int, counts: [Int64]) throws(CountingError) {
        guard candidateCount >= 0, counts.count == candidateCount * candidateCount else {
            throw .invalidParameter("a pairwise table over \(candidateCount) candidates has \(candidateCount)² cells")
        }
        for a in 0..<candidateCount {
            for b in 0..<candidateCount {
                let value = counts[a * candidateCount + b]
                guard value >= 0 else { throw .invalidParameter("a pairwise count cannot be negative, got \(value)") }
                guard a != b || value == 0 else {
                    throw .invalidParameter("candidate \(a + 1) cannot be preferred to itself")
                }
            }
        }
        for a in 0..<candidateCount {
            for b in 0..<candidateCount {
                let (_, overflow) = counts[a * candidateCount + b].addingReportingOverflow(
                    counts[b * candidateCount + a])
                guard !overflow else { throw .beyondLimit("a pairwise contest's votes exceed 2^63 - 1") }
            }
        }
        self.candidateCount = candidateCount
        self.counts = counts
    }

    /// The table of no ballots over `candidateCount` candidates.
    init(zeroFor candidateCount: Int) {
        self.candidateCount = candidateCount
        self.counts = [Int64](repeating: 0, count: candidateCount * candidateCount)
    }

    /// The weight of the ballots ranking `a` above `b`.
    @inlinable
    public func votes(_ a: Int, over b: Int) -> Int64 { counts[a * candidateCount + b] }

    /// `votes(a, over: b) - votes(b, over: a)`: positive when `a` beats `b`.
    @inlinable
    public func margin(_ a: Int, over b: Int) -> Int64 { votes(a, over: b) - votes(b, over: a) }

    /// Whether more voters rank `a` above `b` than `b` above `a`.
    @inlinable
    public func beats(_ a: Int, _ b: Int) -> Bool { votes(a, over: b) > votes(b, over: a) }

    /// The candidate who beats every other one, if there is one.
    public var condorcetWinner: Int? {
        (0..<candidateCount).first { a in (0..<candidateCount).allSatisfy { b in a == b || beats(a, b) } }
    }

    /// The table as JSON rows (`rows[a][b]` = votes for `a` over `b`), for traces.
    public var json: JSONValue {
        .array(
            (0..<candidateCount).map { a in
                .array((0..<candidateCount).map { b in .integer(votes(a, over: b)) })
            })
    }

    /// The trace member `"pairwise"`: the table's rows.
    public var detail: JSONMember { JSONMember("pairwise", json) }
}
