import Counting

extension OutcomeSummary {
    /// A ``MeekSTV`` trace (fixed-point arithmetic) as RCTab's summary, where it can be stated.
    ///
    /// A Meek round is one election or one defeat, with the tallies where its iteration ended.
    /// Meek moves no parcels of papers: every ballot is spread over its candidates by their keep
    /// values, recomputed in every round. So the trace has no transfers, and the summary's are
    /// derived as the change of each candidate's tally (and of the exhausted votes) from one round
    /// to the next, credited to the candidate the round elected or defeated. That is exact when
    /// that candidate is the only one whose votes fell; when others fell too (typically elected
    /// candidates, whose votes follow the quota down as votes exhaust) no one can tell whose votes
    /// went where, and the format allows an elected candidate's votes to fall only in the round
    /// after they are listed `elected`, so the export is refused (`transfers_not_derivable`,
    /// naming the round and the candidates). Single-seat Meek counts always export.
    ///
    /// - Rounds: up to the last election; the closing round that only defeats the candidates left
    ///   once every seat is filled repeats the tallies and is left out (RCTab eliminates no one
    ///   then).
    /// - `tally`: the candidates not defeated in an earlier round.
    /// - `inactiveBallots.exhaustedChoices`: the trace's excess (votes no candidate keeps,
    ///   including what the rounding of keep values leaves); Meek's trace does not report void
    ///   papers, so `totalNumBallots` is the valid papers and `undervotes` 0.
    /// - `threshold`: the quota (reached, as RCTab's, in the Reference rule's fixed point).
    /// Exact arithmetic is refused: its fractions are not decimals and its quota must be exceeded.
    static func meekSTV(_ outcome: Outcome) throws(RCTabError) -> RCTabResult {
        if case .string("exact") = outcome.parameters.first(where: { $0.key == "arithmetic" })?.value {
            throw RCTabError(
                "unsupported_option", at: "arithmetic",
                "a meek-stv count in exact arithmetic cannot be written as decimals; count with fixed-point arithmetic")
        }
        let names = outcome.candidates
        let last = try lastElection(outcome)
        let trace = Array(outcome.rounds[0...last])
        var defeatedAt: [Int: Int] = [:]
        for (index, round) in trace.enumerated() {
            for event in round.events where event.kind == .defeated || event.kind == .eliminated {
                defeatedAt[event.candidate] = index
            }
        }
        var tallies: [[Int: RCTabDecimal]] = []
        var exhausted: [RCTabDecimal] = []
        for (index, round) in trace.enumerated() {
            var tally: [Int: RCTabDecimal] = [:]
            for entry in round.tallies where (defeatedAt[entry.candidate] ?? Int.max) >= index {
                tally[entry.candidate] = try decimal(entry.votes, "round \(round.number): \(names[entry.candidate])")
            }
            tallies.append(tally)
            exhausted.append(try decimal(round.exhausted, "round \(round.number): exhausted"))
        }
        var rounds: [RCTabRound] = []
        for (index, round) in trace.enumerated() {
            var results: [RCTabTallyResult] = []
            for event in round.events {
                switch event.kind {
                case .elected: results.append(RCTabTallyResult(.elected, names[event.candidate]))
                case .defeated, .eliminated: results.append(RCTabTallyResult(.eliminated, names[event.candidate]))
                case .excluded: continue
                }
            }
            if index < last {
                try creditChanges(
                    from: (tallies[index], exhausted[index]), to: (tallies[index + 1], exhausted[index + 1]),
                    round: round, names: names, results: &results)
            }
            rounds.append(
                RCTabRound(
                    round: index + 1,
                    tally: Dictionary(uniqueKeysWithValues: tallies[index].map { (names[$0.key], $0.value) }),
                    tallyResults: results, inactiveBallots: RCTabInactiveBallots(exhaustedChoices: exhausted[index]),
                    threshold: try decimal(round.threshold, "round \(round.number): quota")))
        }
        return RCTabResult(
            rounds: rounds, winners: outcome.winnerNames, numCandidates: names.count, numWinners: try seats(outcome),
            totalNumBallots: try firstRoundTotal(trace[0], names: names), undervotes: 0,
            finalThreshold: rounds[rounds.count - 1].threshold)
    }

    /// Credits the change from one round's tallies to the next to the one candidate whose votes
    /// fell, which must be the one this round elected or defeated; throws otherwise.
    private static func creditChanges(
        from before: (tally: [Int: RCTabDecimal], exhausted: RCTabDecimal),
        to after: (tally: [Int: RCTabDecimal], exhausted: RCTabDecimal),
        round: TraceRound, names: [String], results: inout [RCTabTallyResult]
    ) throws(RCTabError) {
        var fell: [String] = []
        var gains: [String: RCTabDecimal] = [:]
        for (candidate, votes) in before.tally.sorted(by: { $0.key < $1.key }) {
            let change = (after.tally[candidate] ?? .zero) - votes
            if change.signum < 0 { fell.append(names[candidate]) }
            if change.signum > 0 { gains[names[candidate]] = change }
        }
        let exhaustedChange = after.exhausted - before.exhausted
        if exhaustedChange.signum < 0 { fell.append("the exhausted votes") }
        if exhaustedChange.signum > 0 { gains[RCTabTallyResult.exhausted] = exhaustedChange }
        if fell.isEmpty {
            guard gains.isEmpty else {
                throw RCTabError(
                    "invalid_outcome", at: "round \(round.number)",
                    "votes were gained from round \(round.number) on that no one lost")
            }
            return
        }
        guard fell.count == 1, let source = results.firstIndex(where: { $0.candidate == fell[0] }) else {
            throw RCTabError(
                "transfers_not_derivable", at: "round \(round.number)",
                "from round \(round.number) to round \(round.number + 1) the votes of \(fell.joined(separator: ", ")) "
                    + "fell, so Meek's changes of tally cannot be stated as one candidate's transfers")
        }
        results[source].transfers = gains
    }
}
