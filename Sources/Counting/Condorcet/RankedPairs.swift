/// Ranked Pairs (Tideman): pairwise victories are locked in from the strongest down, each unless
/// it would contradict (make a cycle with) the victories already locked; the locked victories
/// give the ranking.
///
/// Definition: every pair where `a` beats `b` (see ``PairwiseMatrix``) is a victory of margin
/// `votes(a, over: b) − votes(b, over: a)`. Victories are taken by decreasing margin; among equal
/// margins, the one with fewer opposing votes `votes(b, over: a)` first. Victories equal in both
/// form one batch, decided together so that no order among them is needed: a victory of the
/// batch is skipped when it lies on a cycle of the graph made of the locked victories and the
/// whole batch, and locked otherwise (what remains is acyclic). The ranking's first group is
/// every candidate with no locked defeat, the next group every candidate with no locked defeat
/// by a remaining one, and so on (``RankingByDefeats``); the winner is the top group's only
/// member, or the ``TieBreakOrder``'s pick among them (recorded in ``Outcome/ties``).
/// Conventions: Tideman settles equal margins with a tie-breaking ranking of the candidates;
/// the fewer-opposing-votes order and batch locking above are Condorcet PHP's, adopted because
/// they need no arbitrary order and reproduce its results on all 88 Tideman elections (a bare
/// margin order with batches agrees on only 64). The trace lists every victory in the order
/// considered, with its batch and whether it was locked or skipped.
/// Blank and partial ballots: a ballot counts only in the contests between candidates it ranks.
/// Reference: T. N. Tideman, "Independence of clones as a criterion for voting rules", *Social
/// Choice and Welfare* 4 (1987) 185–206; T. M. Zavist and T. N. Tideman, "Complete independence
/// of clones in the ranked pairs rule", *Social Choice and Welfare* 6 (1989) 167–173.
public struct RankedPairs: Sendable {
    public static let name = "ranked-pairs"

    /// A pairwise victory and what the count did with it.
    public struct Victory: Sendable, Hashable {
        public var winner: Int
        public var loser: Int
        public var margin: Int64
        /// The loser's votes, `votes(loser, over: winner)`.
        public var opposition: Int64
        /// The batch of equally strong victories it was decided in (1 for the strongest).
        public var batch: Int
        public var locked: Bool
    }

    public init() {}

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: profile.candidateCount, names: names, method: RankedPairs.name)
        return try count(PairwiseMatrix(profile), names: names, tieBreak: tieBreak)
    }

    /// Counts from a pairwise table already made.
    public func count(
        _ matrix: PairwiseMatrix, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: matrix.candidateCount, names: names, method: RankedPairs.name)
        let n = matrix.candidateCount
        let victories = lockedVictories(matrix)
        var locked = [Bool](repeating: false, count: n * n)
        var lockedWins = [Int](repeating: 0, count: n)
        for victory in victories where victory.locked {
            locked[victory.winner * n + victory.loser] = true
            lockedWins[victory.winner] += 1
        }
        let ranking = RankingByDefeats.groups(candidateCount: n) { a, b in locked[a * n + b] }
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let pairs = victories.map { victory in
            JSONValue.object([
                JSONMember("winner", .integer(Int64(victory.winner))),
                JSONMember("loser", .integer(Int64(victory.loser))),
                JSONMember("margin", .integer(victory.margin)),
                JSONMember("opposition", .integer(victory.opposition)),
                JSONMember("batch", .integer(Int64(victory.batch))),
                JSONMember("status", .string(victory.locked ? "locked" : "skipped")),
            ])
        }
        let round = TraceRound(
            number: 1, label: "victories locked from the strongest; tally = locked victories",
            tallies: (0..<n).map { CandidateTally(candidate: $0, votes: TraceNumber(lockedWins[$0])) },
            events: winner.map { [TraceEvent(.elected, $0, reason: "no locked defeat")] } ?? [],
            details: [matrix.detail, JSONMember("pairs", .array(pairs))])
        return Outcome(
            method: RankedPairs.name, parameters: [JSONMember("strength", .string("margin")), tieBreak.parameter],
            candidates: names, winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }

    /// Every pairwise victory in the order considered, each marked locked or skipped.
    public func lockedVictories(_ matrix: PairwiseMatrix) -> [Victory] {
        let n = matrix.candidateCount
        var victories: [Victory] = []
        for a in 0..<n {
            for b in 0..<n where a != b && matrix.beats(a, b) {
                victories.append(
                    Victory(
                        winner: a, loser: b, margin: matrix.margin(a, over: b), opposition: matrix.votes(b, over: a),
                        batch: 0, locked: false))
            }
        }
        victories.sort { x, y in
            if x.margin != y.margin { return x.margin > y.margin }
            if x.opposition != y.opposition { return x.opposition < y.opposition }
            return (x.winner, x.loser) < (y.winner, y.loser)
        }
        // reach[x * n + y]: y can be reached from x through locked victories.
        var reach = [Bool](repeating: false, count: n * n)
        var start = 0
        var batch = 0
        while start < victories.count {
            batch += 1
            var end = start + 1
            while end < victories.count && victories[end].margin == victories[start].margin
                && victories[end].opposition == victories[start].opposition
            {
                end += 1
            }
            // Reachability through the locked victories plus the whole batch.
            var trial = reach
            for index in start..<end { Self.add(victories[index].winner, victories[index].loser, to: &trial, n: n) }
            for index in start..<end {
                victories[index].batch = batch
                // a → b lies on a cycle exactly when b reaches a.
                victories[index].locked = !trial[victories[index].loser * n + victories[index].winner]
            }
            for index in start..<end where victories[index].locked {
                Self.add(victories[index].winner, victories[index].loser, to: &reach, n: n)
            }
            start = end
        }
        return victories
    }

    /// Adds the edge `from → to` to the transitive closure `reach`.
    private static func add(_ from: Int, _ to: Int, to reach: inout [Bool], n: Int) {
        for x in 0..<n where x == from || reach[x * n + from] {
            for y in 0..<n where y == to || reach[to * n + y] {
                reach[x * n + y] = true
            }
        }
    }
}
