import Counting

extension OutcomeSummary {
    /// A ``ScottishSTV`` trace as RCTab's summary. A summary round is a stage: the first stage,
    /// then one stage per surplus transferred or candidate excluded, each with the tallies after it.
    ///
    /// - `tally`: every candidate of the stage but those already excluded (an excluded candidate
    ///   leaves the tally from the stage that transfers their papers); elected candidates stay,
    ///   with the votes they keep.
    /// - An exclusion is decided on one stage's tallies and carried out by the next stage: the
    ///   candidate is `eliminated` in the round before the stage that transfers their papers, with
    ///   that stage's transfers (`exhausted` for non-transferable papers).
    /// - An election: the candidate is `elected` in the round just before the stage that transfers
    ///   their surplus, with that stage's transfers, split as the trace's details split the
    ///   non-credited part: non-transferable papers as `exhausted`, the fractions dropped by the
    ///   five-place truncation as `residual surplus` (RCTab's key for a surplus lost to rounding).
    ///   That is the stage of the election unless several surpluses wait: the Order transfers one
    ///   surplus per stage, the largest first, where RCTab moves every new winner's surplus in the
    ///   next round, so a candidate whose surplus waits is listed elected when it moves (as RCTab
    ///   lists winners with `multiSeatAllowOnlyOneWinnerPerRound`), and their votes stay as they
    ///   were until then. A candidate whose surplus is never transferred (none, or the count ended)
    ///   is `elected` in the stage of their election with no transfers.
    /// - `inactiveBallots`: `exhaustedChoices` is the trace's non-transferable total less the
    ///   truncation remainders so far (those are `residual surplus`, not ballots); `overvotes` the
    ///   papers void for a first preference shared by several candidates (rule 44), as RCTab counts
    ///   an overvote at the first rank. Papers that end later at a shared rank are among the
    ///   exhausted: the trace does not tell them apart.
    /// - `threshold`: the quota, which a candidate reaches (rule 48), as RCTab's.
    /// - `totalNumBallots`: valid papers plus both kinds of void papers; `undervotes`: the papers
    ///   with no usable preference (blank, or naming only withdrawn candidates).
    static func scottishSTV(_ outcome: Outcome) throws(RCTabError) -> RCTabResult {
        let names = outcome.candidates
        let last = try lastElection(outcome)
        let stages = Array(outcome.rounds[0...last])
        let first = stages[0]
        let valid = try integerDetail(first, "valid_papers")
        let blank = try integerDetail(first, "void_no_preference")
        let shared = try integerDetail(first, "void_shared_first_preference")
        // Where each candidate is excluded, elected and has their surplus transferred.
        var excludedAt: [Int: Int] = [:]
        var electedAt: [Int: Int] = [:]
        var surplusAt: [Int: Int] = [:]
        for (index, stage) in stages.enumerated() {
            for event in stage.events {
                switch event.kind {
                case .excluded: excludedAt[event.candidate] = index
                case .elected: electedAt[event.candidate] = index
                case .eliminated, .defeated: continue
                }
            }
            if detail(stage, "surplus") != nil {
                guard let source = stage.transfers.first?.from, stage.transfers.allSatisfy({ $0.from == source })
                else {
                    throw RCTabError(
                        "invalid_outcome", at: "round \(stage.number)",
                        "a surplus stage without one candidate's transfers")
                }
                surplusAt[source] = index
            }
        }
        guard excludedAt.values.allSatisfy({ $0 > 0 }) else {
            throw RCTabError("invalid_outcome", at: "round 1", "the first stage excludes a candidate")
        }
        var results = [[RCTabTallyResult]](repeating: [], count: stages.count)
        for winner in outcome.winners {
            guard let elected = electedAt[winner] else {
                throw RCTabError("invalid_outcome", at: "rounds", "the trace does not elect \(names[winner])")
            }
            guard let stage = surplusAt[winner] else {
                results[elected].append(RCTabTallyResult(.elected, names[winner]))
                continue
            }
            var moved = try transfers(from: winner, in: stages[stage], names: names)
            moved[RCTabTallyResult.exhausted] = nil
            let nonTransferable = try decimalDetail(stages[stage], "non_transferable_papers")
            let remainders = try decimalDetail(stages[stage], "remainders_ignored")
            if nonTransferable.signum != 0 { moved[RCTabTallyResult.exhausted] = nonTransferable }
            if remainders.signum != 0 { moved[RCTabTallyResult.residualSurplus] = remainders }
            results[stage - 1].append(RCTabTallyResult(.elected, names[winner], transfers: moved))
        }
        for (candidate, stage) in excludedAt.sorted(by: { $0.value < $1.value }) {
            let moved = try transfers(from: candidate, in: stages[stage], names: names)
            results[stage - 1].append(RCTabTallyResult(.eliminated, names[candidate], transfers: moved))
        }
        var rounds: [RCTabRound] = []
        var remaindersSoFar = RCTabDecimal.zero
        for (index, stage) in stages.enumerated() {
            var tally: [String: RCTabDecimal] = [:]
            for entry in stage.tallies where (excludedAt[entry.candidate] ?? Int.max) > index {
                tally[names[entry.candidate]] = try decimal(
                    entry.votes, "round \(stage.number): \(names[entry.candidate])")
            }
            if detail(stage, "surplus") != nil { remaindersSoFar += try decimalDetail(stage, "remainders_ignored") }
            let exhausted = try decimal(stage.exhausted, "round \(stage.number): exhausted")
            rounds.append(
                RCTabRound(
                    round: index + 1, tally: tally, tallyResults: results[index],
                    inactiveBallots: RCTabInactiveBallots(
                        overvotes: RCTabDecimal(Int(shared)), exhaustedChoices: exhausted - remaindersSoFar),
                    threshold: try decimal(stage.threshold, "round \(stage.number): threshold")))
        }
        return RCTabResult(
            rounds: rounds, winners: outcome.winnerNames, numCandidates: names.count, numWinners: try seats(outcome),
            totalNumBallots: RCTabDecimal(Int(valid + blank + shared)), undervotes: Int(blank),
            finalThreshold: rounds[rounds.count - 1].threshold)
    }
}
