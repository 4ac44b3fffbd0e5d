import Counting
import TestRandom

/// The fixed-seed generator of the cardinal-method tests.

/// The fixed-seed generator of the cardinal-method tests.
typealias CardinalRandom = SplitMix64

enum CardinalFixture {
    /// A rating profile from rows (`nil` = blank) with weights, over a wide range so that the
    /// method, not the profile, judges the values.
    static func ratings(_ candidateCount: Int, _ rows: [([Int32?], Int64)]) throws -> RatingProfile {
        try RatingProfile(
            candidateCount: candidateCount, range: -1_000_000...1_000_000,
            ballots: rows.map { (ratings: $0.0, weight: $0.1) })
    }

    /// Rows repeated `count` times as single-voter ballots (identical rows merge).
    static func expanded(_ rows: [([Int32?], Int64)]) -> [([Int32?], Int64)] {
        rows.flatMap { row in Array(repeating: (row.0, Int64(1)), count: Int(row.1)) }
    }

    static func names(_ count: Int) -> [String] { (0..<count).map { "C\($0 + 1)" } }

    static func order(_ count: Int) -> TieBreakOrder { TieBreakOrder(candidateCount: count) }

    /// Random rows of `candidateCount` ratings in `range`, a blank with probability 1/`blankOdds`
    /// (never when `blankOdds` is 0), each with a weight from 1 to 3.
    static func randomRows(
        _ random: inout CardinalRandom, candidates candidateCount: Int, ballots: Int, range: ClosedRange<Int32>,
        blankOdds: Int = 0
    ) -> [([Int32?], Int64)] {
        (0..<ballots).map { _ in
            let row: [Int32?] = (0..<candidateCount).map { _ in
                if blankOdds > 0 && random.below(blankOdds) == 0 { return nil }
                return range.lowerBound + Int32(random.below(Int(range.upperBound - range.lowerBound) + 1))
            }
            return (row, Int64(1 + random.below(3)))
        }
    }

    /// The rows with candidates relabelled: new candidate `permutation[c]` gets old `c`'s rating.
    static func relabelled(_ rows: [([Int32?], Int64)], _ permutation: [Int]) -> [([Int32?], Int64)] {
        rows.map { row in
            var moved = [Int32?](repeating: nil, count: row.0.count)
            for (old, value) in row.0.enumerated() { moved[permutation[old]] = value }
            return (moved, row.1)
        }
    }

    /// A random permutation of `0..<count`.
    static func permutation(_ random: inout CardinalRandom, _ count: Int) -> [Int] {
        var values = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { values.swapAt(i, random.below(i + 1)) }
        return values
    }

    /// The tie-break order relabelled the same way as the candidates.
    static func relabelled(_ order: TieBreakOrder, _ permutation: [Int]) throws -> TieBreakOrder {
        try TieBreakOrder(order: order.order.map { permutation[$0] }, candidateCount: permutation.count)
    }

    /// A ranking relabelled: each candidate `c` becomes `permutation[c]`, groups kept, members sorted.
    static func relabelled(ranking: [[Int]], _ permutation: [Int]) -> [[Int]] {
        ranking.map { $0.map { permutation[$0] }.sorted() }
    }
}
