/// Instant-runoff voting (the alternative vote): the candidate with the fewest votes is
/// eliminated, round after round, and each ballot counts for its highest-ranked continuing
/// candidate, until one candidate has a majority.
///
/// Definition (the defaults): in each round every ballot counts for the candidate it ranks
/// highest among those still continuing; a ballot ranking none of them is exhausted (blank
/// ballots are exhausted from the first round). A candidate with more than half of the
/// continuing votes (votes not exhausted) is elected (each round's trace `threshold` is that
/// half, which must be exceeded). Otherwise the candidate with the fewest
/// votes is eliminated, and its ballots pass to their next continuing preference. A tie for
/// fewest is settled backward: among the tied, the one with fewer votes in the most recent
/// earlier round where they differ is eliminated (narrowing round by round); if they were
/// equal in every earlier round, the ``TieBreakOrder``'s least favoured is. Every such tie is
/// recorded in ``Outcome/ties``.
/// Equal ranks on a ballot: when the highest-ranked continuing candidates of a ballot are
/// several ranked equal, the ballot is split equally among them (exact fractions), as
/// ``Plurality`` does for the first round.
/// The ranking: after the winner is elected the count goes on without the winner, to rank the
/// others: a candidate with a majority of the votes among those remaining takes the next place
/// from the top, and eliminated candidates fill the places from the bottom, the last
/// eliminated highest (the rounds after the winner's election are labelled as such). Ties for
/// elimination are settled within the count, so the ranking carries those decisions.
/// Conventions of other implementations, available as parameters: ``majority`` `.allBallots`
/// (more than half of all ballots, blank and exhausted included, as Condorcet PHP requires),
/// ``eliminationTie`` `.pairwiseThenTogether` and ``equalRanks`` `.skipGroup` (Condorcet PHP's
/// rules, see their cases). With those three, our rankings agree with Condorcet PHP's published
/// results on all 88 Tideman elections; with the defaults they agree on 68 (see the tests and
/// docs/methods.md).
/// References: T. Hare, *The Election of Representatives* (1859), for the transfer of votes;
/// W. R. Ware (1871), for its single-winner form; D. M. Farrell, *Electoral Systems: A
/// Comparative Introduction* (2nd ed., 2011); the backward tie-break is RCTab's
/// `previousRoundCountsThenRandom` with our published order in place of the random draw.
public struct InstantRunoff: Sendable {
    public static let name = "instant-runoff"

    /// What a candidate's votes must exceed half of to be elected.
    public enum Majority: String, Sendable, Hashable, CaseIterable {
        /// Half of the votes still counting in the round (exhausted ballots excluded).
        case continuingVotes = "continuing-votes"
        /// Half of all ballots, blank and exhausted ones included.
        case allBallots = "all-ballots"
    }

    /// How a tie for the fewest votes is settled.
    public enum EliminationTie: String, Sendable, Hashable, CaseIterable {
        /// Earlier rounds' tallies, most recent first; then the tie-break order (one candidate
        /// is eliminated).
        case backwardThenTieBreakOrder = "backward-then-tie-break-order"
        /// Condorcet PHP's rule: among the tied, those who beat none of the others pairwise
        /// and have no more pairwise wins, nor a higher wins-minus-defeats balance, than any of
        /// the others (over the whole pairwise table) are kept, repeatedly; whoever is kept is
        /// eliminated, together when several (they then share a place in the ranking).
        case pairwiseThenTogether = "pairwise-then-together"
    }

    /// What a ballot does when its highest continuing rank holds several candidates.
    public enum EqualRanks: String, Sendable, Hashable, CaseIterable {
        /// The ballot is split equally among the continuing candidates of that rank.
        case splitEqually = "split-equally"
        /// A rank holding several candidates (whether or not they continue) is passed over
        /// and the ballot counts for its next rank (Condorcet PHP).
        case skipGroup = "skip-group"
    }

    public var majority: Majority
    public var eliminationTie: EliminationTie
    public var equalRanks: EqualRanks

    public init(
        majority: Majority = .continuingVotes, eliminationTie: EliminationTie = .backwardThenTieBreakOrder,
        equalRanks: EqualRanks = .splitEqually
    ) {
        self.majority = majority
        self.eliminationTie = eliminationTie
        self.equalRanks = equalRanks
    }

    /// The parameters as reported in ``Outcome/parameters`` (besides the tie-break order).
    public var parameters: [JSONMember] {
        [
            JSONMember("majority_of", .string(majority.rawValue)),
            JSONMember("elimination_tie", .string(eliminationTie.rawValue)),
            JSONMember("equal_ranks", .string(equalRanks.rawValue)),
        ]
    }

    /// Counts `profile`, settling ties with `tieBreak` where the rules above leave them.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: profile.candidateCount, names: names, method: InstantRunoff.name)
        var count = try RunoffCount(rules: self, profile: profile, tieBreak: tieBreak)
        count.run()
        return Outcome(
            method: InstantRunoff.name, parameters: parameters + [tieBreak.parameter], candidates: names,
            winners: count.winner.map { [$0] } ?? [], ranking: count.top + count.bottom.reversed(),
            rounds: count.rounds, ties: count.ties)
    }
}
