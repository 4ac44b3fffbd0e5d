/// The Borda count: each ballot gives every candidate it ranks points by position, and the most
/// points wins.
///
/// Definition: with `k` candidates, a candidate ranked with `p` candidates above it on a ballot
/// gets `k − 1 − p + lastPlacePoints` points from that ballot, times the ballot's weight; so with
/// the default ``lastPlacePoints`` of 1 a full ranking gives `k, k − 1, …, 1`. Candidates ranked
/// equal share the points of the positions they occupy equally (each gets their average, a
/// multiple of ½; tallies are exact). Candidates a ballot does not rank get no points from it,
/// and a blank ballot gives no one anything.
/// The ranking orders candidates by points, equal points tied; the winner is the top of the
/// ranking, a tie for it settled by the ``TieBreakOrder`` (recorded in ``Outcome/ties``).
/// Convention: on complete ballots every choice of ``lastPlacePoints`` ranks alike (Borda's own
/// scale gives the last place 0). On truncated ballots it matters: with 1, ranking a candidate
/// anywhere is worth more than leaving it unranked. The default of 1 is the convention of
/// Condorcet PHP's `BordaCount` (its "starting" option), and with it our rankings agree with the
/// published Tideman results on all 88 elections.
/// References: J.-C. de Borda, "Mémoire sur les élections au scrutin", *Histoire de l'Académie
/// Royale des Sciences* (1781); D. G. Saari, *Basic Geometry of Voting* (1995), ch. 1.
public struct Borda: Sendable {
    public static let name = "borda"

    /// The points for the last of `k` positions (at least 0; default 1).
    public var lastPlacePoints: Int64

    public init(lastPlacePoints: Int64 = 1) throws(CountingError) {
        guard (0...1_000_000_000).contains(lastPlacePoints) else {
            throw .invalidParameter(
                "Borda's points for the last place must be between 0 and 10^9, got \(lastPlacePoints)")
        }
        self.lastPlacePoints = lastPlacePoints
    }

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let k = profile.candidateCount
        try tieBreak.check(candidateCount: k, names: names, method: Borda.name)
        // Points are kept doubled, so that shared positions stay integers.
        let top = 2 * (Int64(max(k - 1, 0)) + lastPlacePoints)
        let total = try profile.checkedTotalWeight(factor: max(top, 1))
        var doubled = [Int64](repeating: 0, count: k)
        doubled.withUnsafeMutableBufferPointer { points in
            profile.candidates.withUnsafeBufferPointer { candidates in
                profile.ranks.withUnsafeBufferPointer { ranks in
                    profile.offsets.withUnsafeBufferPointer { offsets in
                        profile.weights.withUnsafeBufferPointer { weights in
                            for ballot in 0..<weights.count {
                                let weight = weights[ballot]
                                let start = offsets[ballot]
                                let end = offsets[ballot + 1]
                                var groupStart = start
                                while groupStart < end {
                                    var groupEnd = groupStart + 1
                                    while groupEnd < end && ranks[groupEnd] == ranks[groupStart] { groupEnd += 1 }
                                    // Positions p ..< p + g share (k−1−p+L) + … + (k−p−g+L); each gets
                                    // the average, k − 1 − p + L − (g − 1)/2, doubled below.
                                    let above = Int64(groupStart - start)
                                    let size = Int64(groupEnd - groupStart)
                                    let share = top - 2 * above - (size - 1)
                                    for entry in groupStart..<groupEnd {
                                        points[Int(candidates[entry])] &+= share &* weight
                                    }
                                    groupStart = groupEnd
                                }
                            }
                        }
                    }
                }
            }
        }
        let tallies = doubled.map { Rational(.init($0), 2) }
        let ranking = RankingByScore.groups(doubled, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let blank = (0..<profile.ballotCount).reduce(Int64(0)) { sum, ballot in
            profile.range(of: ballot).isEmpty ? sum + profile.weights[ballot] : sum
        }
        let round = TraceRound(
            number: 1, label: "Borda points",
            tallies: (0..<k).map { CandidateTally(candidate: $0, votes: TraceNumber(tallies[$0])) },
            exhausted: TraceNumber(blank),
            events: winner.map { [TraceEvent(.elected, $0, reason: "most Borda points")] } ?? [],
            details: [
                JSONMember("points_for_first", .integer(Int64(max(k - 1, 0)) + lastPlacePoints)),
                JSONMember("total_weight", .integer(total)),
            ])
        return Outcome(
            method: Borda.name,
            parameters: [JSONMember("last_place_points", .integer(lastPlacePoints)), tieBreak.parameter],
            candidates: names, winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }
}
