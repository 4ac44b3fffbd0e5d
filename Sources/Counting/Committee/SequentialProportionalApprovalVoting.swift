/// Sequential proportional approval voting (seq-PAV, reweighted approval voting): seats are
/// filled one at a time, each by the candidate who adds most to the committee's PAV score.
///
/// Definition: with committee `W` so far, candidate `c` adds
/// `sum over voters v approving c of w(v) / (|A(v) ∩ W| + 1)`; the candidate with the largest
/// addition is elected, until `seats` are filled (Thiele 1895; Lackner & Skowron, *Multi-Winner
/// Voting with Approval Preferences*, Springer 2023, ch. 2, "seq-PAV", Example 2.5). Additions are exact
/// (integers over `lcm(1..m)`).
///
/// Ties: among candidates with the same largest addition, the one earliest in the
/// ``TieBreakOrder`` is elected (abcvoting's resolute seq-PAV favours the smallest index, which
/// is the default order); each such tie is recorded. When no remaining candidate adds anything
/// (all approved candidates are elected), the remaining seats go to the remaining candidates in
/// tie-break order, as a recorded tie. Blank ballots add nothing.
public struct SequentialProportionalApprovalVoting: Sendable {
    public static let name = "seq-pav"

    /// The committee size.
    public var seats: Int

    public init(seats: Int) {
        self.seats = seats
    }

    /// Counts `profile`, settling ties for a seat with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try CommitteeInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        let candidateCount = profile.candidateCount
        let total = try CommitteeInput.totalWeight(profile)
        let harmonic = try HarmonicScores(profile: profile, seats: seats, totalWeight: total)
        var approvedMembers = [Int32](repeating: 0, count: profile.ballotCount)
        var elected = [Bool](repeating: false, count: candidateCount)
        var winners: [Int] = []
        var rounds: [TraceRound] = []
        var ties: [TieResolution] = []
        var addition = [Int128](repeating: 0, count: candidateCount)
        for roundNumber in 1...seats {
            for candidate in 0..<candidateCount { addition[candidate] = 0 }
            for ballot in 0..<profile.ballotCount {
                let range = profile.range(of: ballot)
                let next = Int(approvedMembers[ballot]) + 1
                guard !range.isEmpty, next < harmonic.unit.count else { continue }
                let gain = Int128(profile.weights[ballot]) * harmonic.unit[next]
                for entry in range { addition[Int(profile.candidates[entry])] += gain }
            }
            let remaining = (0..<candidateCount).filter { !elected[$0] }
            let best = remaining.map { addition[$0] }.max()!
            let tied = remaining.filter { addition[$0] == best }
            let chosen = tieBreak.favoured(tied)
            if tied.count > 1 {
                ties.append(
                    TieResolution(
                        round: roundNumber, decision: "elect", tied: tieBreak.sorted(tied), chosen: [chosen],
                        rule: tieBreak.rule))
            }
            elected[chosen] = true
            winners.append(chosen)
            for ballot in 0..<profile.ballotCount
            where profile.candidates[profile.range(of: ballot)].contains(Int32(chosen)) {
                approvedMembers[ballot] += 1
            }
            rounds.append(
                TraceRound(
                    number: roundNumber, label: "PAV score each candidate would add",
                    tallies: remaining.map {
                        CandidateTally(candidate: $0, votes: TraceNumber(harmonic.value(addition[$0])))
                    },
                    events: [
                        TraceEvent(
                            .elected, chosen,
                            reason: tied.count > 1
                                ? "largest addition, tied, favoured by the tie-break order"
                                : "largest addition to the PAV score")
                    ],
                    details: [JSONMember("committee", .array(winners.map { .integer(Int64($0)) }))]))
        }
        return Outcome(
            method: Self.name, parameters: CommitteeInput.parameters(seats: seats, tieBreak: tieBreak),
            candidates: names, winners: winners, rounds: rounds, ties: ties)
    }
}
