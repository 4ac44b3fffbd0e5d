/// The Schulze method (beatpath): the winner is a candidate whose strongest path to every other
/// candidate is at least as strong as the strongest path back.
///
/// Definition: a pairwise victory of `a` over `b` is a link of strength
/// ``PairwiseStrength/of(_:over:in:)`` (`margin` or `winning-votes`); a pair without a victory
/// has no link (strength 0, weaker than every link). The strength of a path is that of its
/// weakest link, and `p[a][b]` is the strength of the strongest path from `a` to `b` (computed by
/// the Floyd–Warshall widest-path recurrence). `a` beats `b` in the Schulze relation when
/// `p[a][b] > p[b][a]`; this relation is transitive (proved in Schulze 2011). The ranking's first
/// group is every candidate no one beats in it, the next group is every candidate no remaining
/// one beats, and so on (``RankingByDefeats``); the winner is the top group's only member, or
/// the ``TieBreakOrder``'s pick among them (recorded in ``Outcome/ties``).
/// "Winning votes" here compares victories by the winner's votes alone; Schulze's refined
/// measure also prefers, among equal winning votes, the victory with fewer opposing votes. We
/// follow the simpler measure, which Condorcet PHP also uses (and which agrees with it on all
/// 88 Tideman elections).
/// Blank and partial ballots: a ballot counts only in the contests between candidates it ranks
/// (see ``PairwiseMatrix``).
/// Reference: M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
/// Condorcet-consistent single-winner election method", *Social Choice and Welfare* 36 (2011)
/// 267–303.
public struct Schulze: Sendable {
    public static let name = "schulze"

    /// How a link is measured (default: winning votes, as Schulze and the Debian constitution
    /// use).
    public var strength: PairwiseStrength

    public init(strength: PairwiseStrength = .winningVotes) {
        self.strength = strength
    }

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: profile.candidateCount, names: names, method: Schulze.name)
        return try count(PairwiseMatrix(profile), names: names, tieBreak: tieBreak)
    }

    /// Counts from a pairwise table already made.
    public func count(
        _ matrix: PairwiseMatrix, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: matrix.candidateCount, names: names, method: Schulze.name)
        let n = matrix.candidateCount
        let paths = strongestPaths(matrix)
        let beats = { (a: Int, b: Int) in paths[a * n + b] > paths[b * n + a] }
        let ranking = RankingByDefeats.groups(candidateCount: n, beats: beats)
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let beaten = (0..<n).map { a in (0..<n).filter { b in beats(a, b) }.count }
        let round = TraceRound(
            number: 1, label: "strongest paths (\(strength.rawValue)); tally = candidates beaten",
            tallies: (0..<n).map { CandidateTally(candidate: $0, votes: TraceNumber(beaten[$0])) },
            events: winner.map { [TraceEvent(.elected, $0, reason: "no stronger path against it")] } ?? [],
            details: [
                matrix.detail,
                JSONMember(
                    "strongest_paths",
                    .array((0..<n).map { a in .array((0..<n).map { b in .integer(paths[a * n + b]) }) })),
            ])
        return Outcome(
            method: Schulze.name, parameters: [strength.parameter, tieBreak.parameter], candidates: names,
            winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }

    /// `p[a * k + b]`, the strength of the strongest path from `a` to `b` (0 on the diagonal and
    /// where there is no path).
    public func strongestPaths(_ matrix: PairwiseMatrix) -> [Int64] {
        let n = matrix.candidateCount
        var paths = [Int64](repeating: 0, count: n * n)
        for a in 0..<n {
            for b in 0..<n where a != b && matrix.beats(a, b) {
                paths[a * n + b] = strength.of(a, over: b, in: matrix)
            }
        }
        for via in 0..<n {
            for a in 0..<n where a != via {
                let toVia = paths[a * n + via]
                guard toVia > 0 else { continue }
                for b in 0..<n where b != via && b != a {
                    let through = min(toVia, paths[via * n + b])
                    if through > paths[a * n + b] { paths[a * n + b] = through }
                }
            }
        }
        return paths
    }
}
