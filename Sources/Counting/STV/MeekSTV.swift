/// Meek STV: the single transferable vote by Meek's method, where every elected candidate keeps
/// a fraction (the keep value) of each vote reaching them and passes the rest on, the keep
/// values being found by iteration so that each elected candidate holds just the quota, and the
/// quota falling as votes run out of preferences.
///
/// Definition (the PR Foundation's Reference Meek Rule, Hill and Lundell, which fixes the
/// arithmetic of Hill, Wichmann and Woodall's "Algorithm 123: Single Transferable Vote by Meek's
/// Method", Computer Journal 30(3), 1987, in the form of the New Zealand Local Electoral
/// Regulations 2001, Schedule 1A):
/// 1. Hopeful candidates start with keep value 1; withdrawn candidates have 0.
/// 2. A round: if every seat is filled, or elected plus hopeful candidates are no more than the
///    seats, the count ends (step 5). Otherwise iterate:
///    a. Every ballot starts with weight 1 and gives each candidate in preference order
///       `weight × keep value` (rounded **up** in fixed point), the weight falling by that much,
///       until the weight is 0 or the preferences run out (the rest is excess).
///    b. The quota is the votes held by all candidates divided by `seats + 1`, **truncated**,
///       plus one unit (10^-places).
///    c. Hopeful candidates whose votes reach the quota are elected; if any were, the round ends.
///    d. The total surplus is the sum of the elected candidates' votes above the quota (not
///       below 0). If it is below omega (10^-omegaExponent, default 10^-6), or (after the first
///       iteration) no smaller than the previous iteration's, the iteration ends and step 3 follows.
///    e. Each elected candidate's keep value becomes `keep × quota` (rounded up) divided by their
///       votes (rounded up); iterate again.
/// 3. The hopeful candidate with fewest votes is defeated (keep value 0). Every hopeful
///    candidate whose votes are within the total surplus of the lowest is tied with it; the tie
///    is settled by the ``TieBreakOrder`` (the latest in the order is defeated) and recorded.
/// 4. Next round.
/// 5. If seats remain, the hopeful candidates are elected; otherwise they are defeated.
///
/// Arithmetic: `.fixed(places:)` (default 9 places, the Reference rule's and Schedule 1A's) with
/// the rounding directions above, or `.exact`: fractions with no rounding, the quota being the
/// exact `votes / (seats + 1)` and election needing votes **above** it; iteration still stops at
/// omega. Exact numbers grow with every iteration: a count needing keep values wider than
/// 4096 bits stops with ``CountingError/beyondLimit(_:)`` (small elections only, in practice).
/// Fixed point allows 1 to 12 places, with omega no finer than one unit.
///
/// Ballots: as for Scottish STV (``TransferablePapers``): withdrawn candidates are skipped; a
/// first rank shared by several candidates makes the ballot void (it counts for no one), a later
/// shared rank ends it there. Reference Meek and Algorithm 123 define no equal preferences.
///
/// Trace: one round per step 2-3 (an election or a defeat) with the tallies and quota where the
/// iteration ended, the excess (exhausted votes, including rounding), and in `details` the keep
/// values, the number of iterations, the total surplus and why the iteration ended. Meek moves no
/// parcels of papers, so rounds list no transfers. `ranking` is empty: the method only elects.
/// Winners are listed in order of election, those elected in the same iteration by votes.
public struct MeekSTV: Sendable {
    public static let name = "meek-stv"

    /// The arithmetic of a count.
    public enum Arithmetic: Hashable, Sendable {
        /// Exact fractions (slow, and limited to keep values of 4096 bits).
        case exact
        /// Fixed point with `places` decimals and the Reference Meek Rule's rounding.
        case fixed(places: Int)
    }

    public var seats: Int
    public var withdrawn: Set<Int>
    public var arithmetic: Arithmetic
    /// The iteration ends when the total surplus is below 10^-omegaExponent.
    public var omegaExponent: Int

    public init(
        seats: Int, withdrawn: Set<Int> = [], arithmetic: Arithmetic = .fixed(places: 9), omegaExponent: Int = 6
    ) {
        self.seats = seats
        self.withdrawn = withdrawn
        self.arithmetic = arithmetic
        self.omegaExponent = omegaExponent
    }

    /// Counts `profile`, settling ties for defeat with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try STVInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        let papers = try TransferablePapers(profile: profile, withdrawn: withdrawn)
        var parameters = [
            JSONMember("seats", .integer(Int64(seats))),
            JSONMember("withdrawn", .array(withdrawn.sorted().map { .integer(Int64($0)) })),
            JSONMember("omega_exponent", .integer(Int64(omegaExponent))),
        ]
        let result: (winners: [Int], rounds: [TraceRound], ties: [TieResolution])
        switch arithmetic {
        case .fixed(let places):
            guard (1...12).contains(places) else {
                throw .invalidParameter("Meek fixed-point places must be 1 to 12, got \(places)")
            }
            guard (1...places).contains(omegaExponent) else {
                throw .invalidParameter(
                    "omega exponent must be 1 to \(places) with \(places) places, got \(omegaExponent)")
            }
            // Products of a vote total and a keep value must fit 128 bits with room to spare.
            guard Int128(papers.validWeight) <= Int128.max / 16 / FixedPoint.scale(2 * places) else {
                throw .beyondLimit("too many ballots for Meek STV with \(places) decimal places")
            }
            parameters.append(JSONMember("arithmetic", .string("fixed")))
            parameters.append(JSONMember("places", .integer(Int64(places))))
            var count = MeekCount(
                papers: papers, seats: seats, names: names, tieBreak: tieBreak,
                arithmetic: MeekFixed(places: places, omegaExponent: omegaExponent))
            try count.run()
            result = (count.winners, count.rounds, count.ties)
        case .exact:
            guard (1...30).contains(omegaExponent) else {
                throw .invalidParameter("omega exponent must be 1 to 30, got \(omegaExponent)")
            }
            parameters.append(JSONMember("arithmetic", .string("exact")))
            var count = MeekCount(
                papers: papers, seats: seats, names: names, tieBreak: tieBreak,
                arithmetic: MeekExact(omegaExponent: omegaExponent))
            try count.run()
            result = (count.winners, count.rounds, count.ties)
        }
        parameters.append(tieBreak.parameter)
        return Outcome(
            method: MeekSTV.name, parameters: parameters, candidates: names, winners: result.winners, ranking: [],
            rounds: result.rounds, ties: result.ties)
    }
}
