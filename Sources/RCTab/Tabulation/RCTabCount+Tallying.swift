extension RCTabCount {
    /// What the overvote rule makes of one rank's marks.
    enum OvervoteDecision { case none, exhaust, skipToNextRank }

    /// RCTab's `computeTalliesForRound`: every ballot either stays with a continuing candidate,
    /// moves down its ranking to the next continuing one, or becomes inactive for a reason.
    mutating func countRound() -> Tally {
        let continuing = contest.nameSetOrder.filter { isContinuing($0) }
        var tally = Tally(
            votes: Array(repeating: nil, count: contest.names.count),
            statusSums: Array(repeating: .zero, count: Status.allCases.count),
            order: contest.hashOrder(of: continuing))
        for candidate in continuing { tally.votes[candidate] = .zero }
        let activeIndex = Status.active.rawValue
        for index in ballots.indices {
            let weight = contest.ballots[index].weight
            let state = ballots[index]
            if state.status != .active {
                tally.statusSums[state.status.rawValue] += state.value.times(weight)
                continue
            }
            if state.recipient >= 0 && isContinuing(Int(state.recipient)) {
                let votes = state.value.times(weight)
                tally.votes[Int(state.recipient)]! += votes
                tally.statusSums[activeIndex] += votes
                continue
            }
            reassign(index, in: &tally)
        }
        return tally
    }

    /// Finds the ballot's next continuing candidate from the top of its ranking, or makes it inactive.
    private mutating func reassign(_ index: Int, in tally: inout Tally) {
        let ballot = contest.ballots[index]
        if ballot.ranks.isEmpty {
            record(index, to: nil, .didNotRank, in: &tally)
            return
        }
        var lastRankSeen = 0
        var seen: Set<Int32> = []
        for (rank, marks) in ballot.ranks {
            if usesSurpluses && seats == winnerCount {
                record(index, to: nil, .finalRoundSurplus, in: &tally)
                return
            }
            if let maxSkipped = rules.maxSkippedRanksAllowed, rank - lastRankSeen > maxSkipped + 1 {
                record(index, to: nil, .skippedRanking, in: &tally)
                return
            }
            lastRankSeen = rank
            if rules.exhaustOnDuplicateCandidate {
                var duplicate = false
                for mark in marks where !seen.insert(mark).inserted {
                    duplicate = true
                    break
                }
                if duplicate {
                    record(index, to: nil, .repeatedRanking, in: &tally)
                    return
                }
            }
            switch overvoteDecision(marks) {
            case .exhaust:
                record(index, to: nil, .overvote, in: &tally)
                return
            case .skipToNextRank:
                if rank == ballot.maxRank { record(index, to: nil, .exhaustedChoice, in: &tally) }
                continue
            case .none:
                break
            }
            if let mark = marks.first(where: { $0 >= 0 && isContinuing(Int($0)) }) {
                record(index, to: Int(mark), .active, in: &tally)
                let votes = ballots[index].value.times(ballot.weight)
                tally.votes[Int(mark)]! += votes
                tally.statusSums[Status.active.rawValue] += votes
                return
            }
            if rank == ballot.maxRank { record(index, to: nil, .exhaustedChoice, in: &tally) }
        }
    }

    /// RCTab's `getOvervoteDecision`.
    private func overvoteDecision(_ marks: [RCTabContest.Mark]) -> OvervoteDecision {
        if marks.contains(RCTabContest.overvote) {
            return rules.overvoteRule == .exhaustImmediately ? .exhaust : .skipToNextRank
        }
        if marks.count <= 1 { return .none }
        switch rules.overvoteRule {
        case .exhaustImmediately: return .exhaust
        case .alwaysSkipToNextRank: return .skipToNextRank
        case .exhaustIfMultipleContinuing:
            var continuing = 0
            for mark in marks where isContinuing(Int(mark)) {
                continuing += 1
                if continuing > 1 { return .exhaust }
            }
            return .none
        }
    }

    /// RCTab's `recordSelectionForCastVoteRecord`: notes the transfer, moves the ballot, and
    /// counts it inactive when it has no new candidate.
    private mutating func record(_ index: Int, to candidate: Int?, _ status: Status, in tally: inout Tally) {
        let votes = ballots[index].value.times(contest.ballots[index].weight)
        if ballots[index].value.signum == 1 {
            let source = ballots[index].recipient >= 0 ? Int(ballots[index].recipient) : RCTabCount.uncountedSource
            addTransfer(from: source, to: candidate ?? RCTabCount.exhaustedTarget, votes)
        }
        ballots[index].recipient = Int32(candidate ?? -1)
        if candidate == nil { ballots[index].status = status }
        if status != .active { tally.statusSums[status.rawValue] += votes }
    }

    /// Adds to `transfers` of the current round.
    mutating func addTransfer(from source: Int, to target: Int, _ votes: RCTabDecimal) {
        transfers[round - 1][source, default: [:]][target, default: .zero] += votes
    }
}
