import Counting

extension OutcomeSummary {
    /// An ``InstantRunoff`` trace as RCTab's summary.
    ///
    /// - Rounds: the trace's rounds up to the winner's election; the rounds that rank the others
    ///   below the winner are left out (RCTab stops at the winner).
    /// - `tally`: the round's continuing candidates (the trace lists only those).
    /// - `tallyResults`: the eliminated candidate, with the trace's transfers of the next round
    ///   (which are from that candidate: each continuing candidate's gain, and the newly exhausted
    ///   votes as `exhausted`); candidates eliminated together (`pairwise-then-together`) have no
    ///   transfers in the trace and are written with none. The winner is `elected` with no
    ///   transfers. When the last candidates standing are eliminated together and the winner is
    ///   drawn from them, the others are not written as eliminated (RCTab eliminates no one in
    ///   the last round).
    /// - `inactiveBallots.exhaustedChoices`: the round's exhausted votes less the first round's.
    ///   Ballots exhausted in the first round rank no candidate at all: they are the summary's
    ///   `undervotes`, as RCTab counts blank records (they are not inactive ballots there).
    /// - `threshold`: the trace's threshold is half of the votes (continuing, or all ballots with
    ///   `majority-of all-ballots`), which a winner must exceed; RCTab's threshold is reached. So
    ///   the summary gives the least tally that exceeds it: `floor(half) + 1` when the round's
    ///   tallies are whole numbers (RCTab's own single-winner threshold), else `half` plus one unit
    ///   of the tallies' last decimal place.
    /// - `totalNumBallots`: the first round's tallies plus its exhausted votes.
    static func instantRunoff(_ outcome: Outcome) throws(RCTabError) -> RCTabResult {
        let names = outcome.candidates
        let last = try lastElection(outcome)
        let blank = try decimal(outcome.rounds[0].exhausted, "round 1: exhausted")
        var rounds: [RCTabRound] = []
        for index in 0...last {
            let round = outcome.rounds[index]
            var tally: [String: RCTabDecimal] = [:]
            var places = 0
            for entry in round.tallies {
                let votes = try decimal(entry.votes, "round \(round.number): \(names[entry.candidate])")
                tally[names[entry.candidate]] = votes
                places = max(places, votes.scale)
            }
            var results: [RCTabTallyResult] = []
            for event in round.events {
                switch event.kind {
                case .elected:
                    results.append(RCTabTallyResult(.elected, names[event.candidate]))
                case .eliminated where index < last:
                    let moved = try transfers(from: event.candidate, in: outcome.rounds[index + 1], names: names)
                    results.append(RCTabTallyResult(.eliminated, names[event.candidate], transfers: moved))
                default:
                    continue
                }
            }
            let exhausted = try decimal(round.exhausted, "round \(round.number): exhausted")
            let half = try decimal(round.threshold, "round \(round.number): threshold")
            let threshold =
                places == 0
                ? half.rounded(toScale: 0, .floor) + RCTabDecimal(1)
                : half.withScale(max(places, half.scale)) + RCTabDecimal(unscaled: 1, scale: max(places, half.scale))
            rounds.append(
                RCTabRound(
                    round: index + 1, tally: tally, tallyResults: results,
                    inactiveBallots: RCTabInactiveBallots(exhaustedChoices: exhausted - blank), threshold: threshold))
        }
        guard blank.scale == 0, let undervotes = Int(exactly: blank.unscaled) else {
            throw RCTabError(
                "invalid_outcome", at: "round 1", "the first round's exhausted votes are not whole ballots")
        }
        return RCTabResult(
            rounds: rounds, winners: outcome.winnerNames, numCandidates: names.count, numWinners: 1,
            totalNumBallots: try firstRoundTotal(outcome.rounds[0], names: names), undervotes: undervotes,
            finalThreshold: rounds[rounds.count - 1].threshold)
    }
}
