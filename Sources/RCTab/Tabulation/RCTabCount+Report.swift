extension RCTabCount {
    /// The pass as RCTab's summary reports it.
    func result(numWinners: Int, pass: Int?) -> RCTabResult {
        // RCTab 2.0 lists each round's elected, then eliminated, candidates by name.
        let byName = { (a: Int, b: Int) in javaLess(contest.names[a], contest.names[b]) }
        let electedOrder = electionOrder.sorted(by: byName)
        let eliminatedOrder = eliminationOrder.sorted(by: byName)
        var rounds: [RCTabRound] = []
        for (offset, tally) in tallies.enumerated() {
            let number = offset + 1
            var results: [RCTabTallyResult] = []
            for winner in electedOrder where electedRound[winner] == number {
                results.append(
                    RCTabTallyResult(.elected, contest.names[winner], transfers: transfersOut(of: winner, in: number)))
            }
            for loser in eliminatedOrder where eliminatedRound[loser] == number {
                results.append(
                    RCTabTallyResult(.eliminated, contest.names[loser], transfers: transfersOut(of: loser, in: number)))
            }
            var votes: [String: RCTabDecimal] = [:]
            for (candidate, value) in tally.votes.enumerated() {
                if let value { votes[contest.names[candidate]] = value }
            }
            let sums = tally.statusSums
            let inactive = RCTabInactiveBallots(
                overvotes: sums[Status.overvote.rawValue],
                skippedRankings: sums[Status.skippedRanking.rawValue],
                repeatedRankings: sums[Status.repeatedRanking.rawValue],
                exhaustedChoices: sums[Status.exhaustedChoice.rawValue],
                finalRoundSurplus: usesSurpluses && number == tallies.count
                    ? sums[Status.finalRoundSurplus.rawValue] : nil)
            rounds.append(
                RCTabRound(
                    round: number, tally: votes, tallyResults: results, inactiveBallots: inactive,
                    threshold: tally.threshold))
        }
        let first = tallies.first
        var total = first?.active ?? .zero
        for status in Status.allCases where status != .active {
            total += first?.statusSums[status.rawValue] ?? .zero
        }
        let blank = first?.statusSums[Status.didNotRank.rawValue] ?? .zero
        let winners = electedOrder.sorted { electedRound[$0]! < electedRound[$1]! }.map { contest.names[$0] }
        return RCTabResult(
            rounds: rounds, winners: winners, numCandidates: contest.names.count, numWinners: numWinners,
            totalNumBallots: total, undervotes: Int(blank.rounded(toScale: 0, .down).unscaled),
            finalThreshold: tallies.last?.threshold ?? .zero, pass: pass)
    }

    /// Where `candidate`'s votes went in the round after `round`, by target name.
    private func transfersOut(of candidate: Int, in round: Int) -> [String: RCTabDecimal] {
        guard round < transfers.count, let targets = transfers[round][candidate] else { return [:] }
        var named: [String: RCTabDecimal] = [:]
        for (target, votes) in targets {
            switch target {
            case RCTabCount.exhaustedTarget: named[RCTabTallyResult.exhausted] = votes
            case RCTabCount.residualTarget: named[RCTabTallyResult.residualSurplus] = votes
            default: named[contest.names[target]] = votes
            }
        }
        return named
    }
}
