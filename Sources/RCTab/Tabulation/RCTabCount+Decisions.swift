extension RCTabCount {
    typealias Groups = [(votes: RCTabDecimal, candidates: [Int])]

    /// RCTab's `identifyWinners`: the candidates elected this round, if any.
    mutating func identifyWinners(_ tally: Tally, _ groups: Groups) throws -> [Int] {
        if let writeIn = contest.undeclaredWriteIn, let votes = tally.votes[writeIn], votes.signum != 0 {
            return []  // nobody is elected while undeclared write-ins still hold votes
        }
        var selected: [Int] = []
        if isPercentageBottomsUp {
            let above = tally.order.filter { tally.votes[$0]! > tally.threshold }
            if above.count == tally.order.count { selected = tally.order }
            return selected
        }
        let unfilled = seats - winnerCount
        if unfilled > 0 {
            if tally.order.count <= unfilled {
                selected = tally.order
            } else if rules.doesFirstRoundDetermineThreshold && tally.order.count - 1 == seats, let top = groups.last {
                selected = top.candidates
            } else if !isBottomsUp {
                for group in groups where group.votes >= tally.threshold {
                    selected += group.candidates.filter { $0 != contest.undeclaredWriteIn }
                }
            }
        }
        let manyWinners =
            selected.count > 1
            && (rules.winnerElectionMode == .multiWinnerAllowOnlyOneWinnerPerRound
                || rules.doesFirstRoundDetermineThreshold)
        let noWinner =
            seats == 1 && selected.isEmpty && tally.order.count == 2 && unfilled == 1
            && groups.allSatisfy { $0.votes >= RCTabDecimal(rules.minimumVoteThreshold) }
        if manyWinners || noWinner, let top = groups.last {
            selected = top.candidates
            if selected.count > 1 {
                selected = [try breakTie(among: selected, selectingWinner: true)]
            }
        }
        return selected
    }

    /// The candidates eliminated this round: undeclared write-ins first, then everyone under the
    /// minimum vote threshold, then (bottoms-up with cutoff) everyone under the percentage
    /// threshold, then a batch, else the last candidate (tie broken by the tie-break mode).
    mutating func chooseLosers(_ tally: Tally, _ groups: Groups) throws -> [Int] {
        if let writeIn = contest.undeclaredWriteIn, let votes = tally.votes[writeIn], votes.signum == 1 {
            return [writeIn]
        }
        let minimum = RCTabDecimal(rules.minimumVoteThreshold)
        if minimum.signum == 1, let lowest = groups.first, lowest.votes < minimum {
            let losers = groups.filter { $0.votes < minimum }.flatMap(\.candidates)
            if losers.count == contest.declaredCount {
                throw RCTabError(
                    "tabulation_failed", at: "rules.minimumVoteThreshold",
                    "every declared candidate is below the minimum vote threshold")
            }
            return losers
        }
        if isPercentageBottomsUp && rules.cutoffElimination {
            let losers = groups.filter { $0.votes < tally.threshold }.flatMap(\.candidates)
            if !losers.isEmpty { return losers }
        }
        if rules.batchElimination {
            let batch = batchLosers(groups)
            if batch.count > 1 { return batch }
        }
        guard let lowest = groups.first else { return [] }
        if lowest.candidates.count > 1 {
            return [try breakTie(among: lowest.candidates, selectingWinner: false)]
        }
        return lowest.candidates
    }

    /// RCTab's `runBatchElimination`: everyone whose votes, added to all fewer, cannot reach the
    /// next candidate up.
    private func batchLosers(_ groups: Groups) -> [Int] {
        var runningTotal = RCTabDecimal.zero
        var seen: [Int] = []
        var eliminated: Set<Int> = []
        var eliminations: [Int] = []
        var previous: [Int] = []
        for group in groups {
            var next = eliminations
            if runningTotal < group.votes {
                for candidate in seen where !eliminated.contains(candidate) {
                    eliminated.insert(candidate)
                    next.append(candidate)
                }
            }
            runningTotal += multiply(group.votes, RCTabDecimal(group.candidates.count))
            seen += group.candidates
            if next.count > eliminations.count {
                previous = eliminations
                eliminations = next
            }
        }
        if rules.continueUntilTwoCandidatesRemain
            && eliminations.count + eliminationOrder.count == candidateCount - 1
        {
            eliminations = previous
        }
        return eliminations
    }

    /// Keeps, on each ballot counting for a new winner, the part of its value the winner needs
    /// (`value - value·surplus/votes`, truncated); the rest moves on next round.
    mutating func allocateSurplus(of winner: Int, in tally: Tally) {
        let votes = tally.votes[winner]!
        let extra = votes - tally.threshold
        let fraction = extra.signum == 1 ? divide(extra, votes) : .zero
        for index in ballots.indices where ballots[index].recipient == Int32(winner) {
            let value = ballots[index].value
            let kept = value - multiply(value, fraction)
            ballots[index].kept.append((Int32(winner), kept))
            var remaining = RCTabDecimal(1)
            for part in ballots[index].kept { remaining -= part.value }
            ballots[index].value = remaining
        }
    }

    /// RCTab's `updateWinnerTallies`: earlier winners appear in the tally with what they kept;
    /// last round's winners are cut to the threshold and the excess noted as residual surplus.
    mutating func updateWinnerTallies() {
        var tally = tallies[round - 1]
        let earlier = electionOrder.filter { electedRound[$0]! < round }
        let fresh = Set(earlier.filter { electedRound[$0]! == round - 1 })
        for winner in earlier {
            tally.votes[winner] = fresh.contains(winner) ? .zero : tallies[round - 2].votes[winner]
        }
        if !fresh.isEmpty {
            for index in ballots.indices {
                let weight = contest.ballots[index].weight
                for part in ballots[index].kept where fresh.contains(Int(part.winner)) {
                    tally.votes[Int(part.winner)]! += part.value.times(weight)
                }
            }
            for winner in earlier where fresh.contains(winner) {
                let residual = tally.votes[winner]! - tally.threshold
                if residual.signum == 1 {
                    tally.votes[winner] = tally.threshold
                    addTransfer(from: winner, to: RCTabCount.residualTarget, residual)
                }
            }
        }
        tallies[round - 1] = tally
    }
}
