/// The method of equal shares (MES, formerly "Rule X") for committee elections with approval
/// ballots, completed by sequential Phragmén as abcvoting's `equal-shares` does by default.
///
/// Definition (Peters & Skowron, "Proportionality and the limits of welfarism", EC 2020, as "Rule X";
/// Lackner & Skowron, *Multi-Winner Voting with Approval Preferences*, Springer 2023, ch. 2, Example 2.11):
/// every voter gets a budget of `seats / n` (n = the total ballot weight, blank ballots included)
/// and every candidate costs 1. A candidate is affordable when its approvers hold at least 1
/// together; its price is the smallest `q` such that each approver paying `min(budget, q)` pays
/// 1 in all. The affordable candidate with the smallest `q` is elected and its approvers pay;
/// repeat until no candidate is affordable. Arithmetic is exact.
///
/// Completion (``Completion``): MES may elect fewer than `seats`. By default the remaining seats
/// are filled by sequential Phragmén started from loads equal to minus each voter's unspent
/// budget (abcvoting `compute_equal_shares(..., completion="seqphragmen")`, the rule id
/// `equal-shares`). `.none` leaves them empty (abcvoting `equal-shares-without-completion`).
///
/// Ties: the candidate earliest in the ``TieBreakOrder`` (abcvoting: smallest index), in both
/// phases; each tie is recorded. A blank ballot holds a share of the budget that it can never
/// spend, exactly as in abcvoting.
public struct EqualShares: Sendable {
    public static let name = "equal-shares"

    /// How seats left empty by MES are filled.
    public enum Completion: String, Sendable, Hashable {
        /// Sequential Phragmén from the loads MES leaves (abcvoting's default).
        case sequentialPhragmen = "seq-phragmen"
        /// No completion: the committee may be smaller than `seats`.
        case none
    }

    /// The committee size.
    public var seats: Int
    public var completion: Completion

    public init(seats: Int, completion: Completion = .sequentialPhragmen) {
        self.seats = seats
        self.completion = completion
    }

    /// Counts `profile`, settling ties for a seat with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try CommitteeInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        let total = try CommitteeInput.totalWeight(profile)
        let approvers = try ApproverLists(profile)
        let phase: (bought: [Int], rounds: [TraceRound], ties: [TieResolution], classOf: [Int32], budgets: [Rational])
        do {
            phase = try Self.buy(
                CompactFraction.self, total: total, approvers: approvers, profile: profile, seats: seats,
                tieBreak: tieBreak)
        } catch {
            do {
                phase = try Self.buy(
                    HybridFraction.self, total: total, approvers: approvers, profile: profile, seats: seats,
                    tieBreak: tieBreak)
            } catch {
                throw .beyondLimit("equal shares could not be computed exactly")
            }
        }
        var winners = phase.bought
        var rounds = phase.rounds
        var ties = phase.ties
        if completion == .sequentialPhragmen && winners.count < seats {
            var loads = PhragmenLoads(
                approvers: approvers, weights: profile.weights,
                classOf: phase.classOf.map { $0 < 0 ? Int32(phase.budgets.count) : $0 },
                classLoad: phase.budgets.map { -$0 } + [.zero])
            loads.fill(
                seats: seats, winners: &winners, tieBreak: tieBreak, rounds: &rounds, ties: &ties,
                label: "completion by sequential Phragmén: maximal load if elected")
        }
        return Outcome(
            method: Self.name,
            parameters: CommitteeInput.parameters(seats: seats, tieBreak: tieBreak) + [
                JSONMember("completion", .string(completion.rawValue))
            ],
            candidates: names, winners: winners, rounds: rounds, ties: ties)
    }

    /// The MES phase with one kind of exact number. Money is counted in units of `1 / n` (n = the
    /// total weight): a voter then starts with `seats` units and a candidate costs `n`, so budgets
    /// start whole; prices are divided back by `n` for the trace.
    private static func buy<Number: ShareNumber>(
        _ kind: Number.Type, total: Int64, approvers: ApproverLists, profile: ApprovalProfile, seats: Int,
        tieBreak: TieBreakOrder
    ) throws(ShareOverflow)
        -> (bought: [Int], rounds: [TraceRound], ties: [TieResolution], classOf: [Int32], budgets: [Rational])
    {
        let candidateCount = profile.candidateCount
        let unit = max(total, 1)
        let scale = Rational(Int(unit))
        var run = EqualSharesRun<Number>(
            approvers: approvers, weights: profile.weights, costs: [Int64](repeating: unit, count: candidateCount),
            costUtility: false, eligible: approvers.approvalWeight.map { $0 > 0 }, position: tieBreak.position,
            budgetPerVoter: Number(integer: total > 0 ? Int64(seats) : 0), lazy: false, recordRounds: true)
        try run.run(limit: seats)
        var rounds: [TraceRound] = []
        var ties: [TieResolution] = []
        for (index, round) in run.rounds.enumerated() {
            guard let chosen = round.chosen, let payment = round.payment else {
                rounds.append(
                    TraceRound(
                        number: index + 1, label: "equal shares: no candidate is affordable any more",
                        events: round.unaffordable.sorted().map {
                            TraceEvent(.excluded, $0, reason: "its approvers hold less than 1 together")
                        }))
                continue
            }
            if round.tied.count > 1 {
                ties.append(
                    TieResolution(
                        round: index + 1, decision: "elect", tied: tieBreak.sorted(round.tied), chosen: [chosen],
                        rule: tieBreak.rule))
            }
            var details = [JSONMember("price", .string((payment.rational / scale).description))]
            if !round.unaffordable.isEmpty {
                details.append(
                    JSONMember("unaffordable", .array(round.unaffordable.sorted().map { .integer(Int64($0)) })))
            }
            rounds.append(
                TraceRound(
                    number: index + 1, label: "equal shares: price q each approver would pay",
                    tallies: round.offers.sorted { $0.project < $1.project }.map {
                        CandidateTally(candidate: $0.project, votes: TraceNumber($0.payment.rational / scale))
                    },
                    events: [
                        TraceEvent(
                            .elected, chosen,
                            reason: round.tied.count > 1
                                ? "lowest price, tied, favoured by the tie-break order"
                                : "lowest price")
                    ],
                    details: details))
        }
        return (run.bought, rounds, ties, run.classOf, run.classBudget.map { $0.rational / scale })
    }
}
