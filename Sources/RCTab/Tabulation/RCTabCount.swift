/// One RCTab tabulation pass, round by round, as RCTab's `Tabulator` runs it: every rule of
/// ``RCTabRules`` that affects counting is applied here and in the extensions beside this file.
struct RCTabCount {
    /// Why a ballot is (or is not) active, as RCTab's `StatusForRound`.
    enum Status: Int, CaseIterable {
        case active, didNotRank, overvote, skippedRanking, repeatedRanking, exhaustedChoice, finalRoundSurplus
    }

    /// The state of one merged ballot.
    struct BallotState {
        var status: Status = .active
        /// The candidate the ballot counts for, if any.
        var recipient: Int32 = -1
        /// The value each of its records still carries (1 minus what earlier winners kept).
        var value = RCTabDecimal(1)
        /// What each winner kept of each record, in the order elected.
        var kept: [(winner: Int32, value: RCTabDecimal)] = []
    }

    /// One round's tally: votes by candidate index (`nil`: not in the tally), ballot statuses.
    struct Tally {
        var votes: [RCTabDecimal?]
        var statusSums: [RCTabDecimal]
        /// The candidates in the tally in the order RCTab's `RoundTally` map visits them.
        var order: [Int]
        var threshold = RCTabDecimal.zero
        var active: RCTabDecimal { statusSums[Status.active.rawValue] }
    }

    /// Transfer targets that are not candidates.
    static let exhaustedTarget = -1
    static let residualTarget = -2
    /// The transfer source of a ballot's first assignment.
    static let uncountedSource = -1

    let contest: RCTabContest
    let rules: RCTabRules
    /// Seats to fill in this pass (1 in each pass of a multi-pass count).
    let seats: Int
    /// Candidates excluded in this pass (configured exclusions and earlier passes' winners).
    let excluded: [Bool]
    /// The tie-break permutation (candidate indices), for the permutation modes.
    let permutation: [Int]
    var random: JavaRandom?

    var ballots: [BallotState]
    var tallies: [Tally] = []
    var eliminatedRound: [Int?]
    var electedRound: [Int?]
    /// Candidates in the order they were eliminated / elected (the insertion order of RCTab's maps).
    var eliminationOrder: [Int] = []
    var electionOrder: [Int] = []
    /// `transfers[round - 1][source][target]`.
    var transfers: [[Int: [Int: RCTabDecimal]]] = []
    var round = 0

    init(contest: RCTabContest, rules: RCTabRules, seats: Int, excluded: [Bool], permutation: [Int]) {
        self.contest = contest
        self.rules = rules
        self.seats = seats
        self.excluded = excluded
        self.permutation = permutation
        ballots = Array(repeating: BallotState(), count: contest.ballots.count)
        eliminatedRound = Array(repeating: nil, count: contest.names.count)
        electedRound = Array(repeating: nil, count: contest.names.count)
    }

    /// Whether elected candidates keep only the threshold and pass on the surplus.
    var usesSurpluses: Bool { seats > 1 && rules.winnerElectionMode.isSurplusTransferMultiSeat }
    var isPercentageBottomsUp: Bool { rules.winnerElectionMode == .bottomsUpUsingPercentageThreshold }
    var isBottomsUp: Bool { rules.winnerElectionMode == .bottomsUp }
    /// RCTab's `getNumCandidates()`: every candidate (the write-in too) less the excluded ones.
    var candidateCount: Int { excluded.count - excluded.filter { $0 }.count }
    var winnerCount: Int { electionOrder.count }

    /// RCTab's `isCandidateContinuing`: neither excluded, eliminated nor (unless counting on until
    /// two remain) elected.
    func isContinuing(_ candidate: Int) -> Bool {
        if excluded[candidate] || eliminatedRound[candidate] != nil { return false }
        if electedRound[candidate] != nil { return rules.continueUntilTwoCandidatesRemain }
        return true
    }

    /// Runs the pass to its end.
    mutating func run() throws {
        while shouldContinue() {
            round += 1
            transfers.append([:])
            var tally = countRound()
            // Multi-seat: round 1 only. Single seat: every round until a winner is known (the
            // threshold then stays, e.g. while continuing until two remain), unless round 1 fixes it.
            let recompute =
                seats > 1
                ? round == 1 : round == 1 || (!rules.doesFirstRoundDetermineThreshold && winnerCount == 0)
            tally.threshold = recompute ? threshold(forActive: tally.active) : tallies[round - 2].threshold
            tallies.append(tally)
            let groups = tallyGroups(tally, among: tally.order)
            let winners = try identifyWinners(tally, groups)
            if !winners.isEmpty {
                for winner in winners {
                    electedRound[winner] = round
                    electionOrder.append(winner)
                }
                if usesSurpluses { for winner in winners { allocateSurplus(of: winner, in: tally) } }
            } else if winnerCount < seats
                || (rules.continueUntilTwoCandidatesRemain && eliminationOrder.count < candidateCount - 2)
                || isPercentageBottomsUp
            {
                let losers = try chooseLosers(tally, groups)
                guard !losers.isEmpty else {
                    throw RCTabError("tabulation_failed", "round \(round): no candidate could be eliminated")
                }
                for loser in losers {
                    eliminatedRound[loser] = round
                    eliminationOrder.append(loser)
                }
            }
            if seats > 1 { updateWinnerTallies() }
        }
    }

    /// RCTab's `shouldContinueTabulating`.
    func shouldContinue() -> Bool {
        if let stop = rules.stopTabulationEarlyAfterRound, round >= stop { return false }
        if winnerCount == contest.declaredCount && seats > candidateCount { return false }
        if rules.continueUntilTwoCandidatesRemain {
            return eliminationOrder.count + winnerCount + 1 < candidateCount
                || eliminatedRound.contains { $0 == round && round > 0 }
        }
        if isPercentageBottomsUp { return winnerCount == 0 }
        return winnerCount < seats || (usesSurpluses && electedRound.contains { $0 == round && round > 0 })
    }

    /// The winning threshold for a round with `active` continuing votes.
    func threshold(forActive active: RCTabDecimal) -> RCTabDecimal {
        var threshold: RCTabDecimal
        if isPercentageBottomsUp, let percentage = rules.multiSeatBottomsUpPercentageThreshold {
            threshold = active * RCTabCount.percentageFraction(percentage)
        } else {
            let divisor = RCTabDecimal(rules.hareQuota ? seats : seats + 1)
            let places = rules.nonIntegerWinningThreshold ? rules.decimalPlacesForVoteArithmetic : 0
            if rules.hareQuota {
                threshold = active.divided(by: divisor, scale: places, .up)
            } else {
                threshold = active.divided(by: divisor, scale: places, .down) + RCTabDecimal(unscaled: 1, scale: places)
            }
        }
        let minimum = RCTabDecimal(rules.minimumVoteThreshold)
        if minimum.signum == 1 && minimum > threshold { threshold = minimum }
        return threshold
    }

    /// `percentage / 100` as an exact `BigDecimal` quotient (`15` → `0.15`).
    static func percentageFraction(_ percentage: RCTabDecimal) -> RCTabDecimal {
        var fraction = RCTabDecimal(unscaled: percentage.unscaled, scale: percentage.scale + 2)
        while fraction.scale > percentage.scale && fraction.unscaled % 10 == 0 {
            fraction = RCTabDecimal(unscaled: fraction.unscaled / 10, scale: fraction.scale - 1)
        }
        return fraction
    }

    /// RCTab's `buildTallyToCandidates`: the candidates grouped by equal votes, fewest votes first,
    /// each group in the order the candidates are given.
    func tallyGroups(_ tally: Tally, among candidates: [Int]) -> [(votes: RCTabDecimal, candidates: [Int])] {
        var groups: [(votes: RCTabDecimal, candidates: [Int])] = []
        for candidate in candidates {
            guard let votes = tally.votes[candidate] else { continue }
            if let at = groups.firstIndex(where: { $0.votes == votes }) {
                groups[at].candidates.append(candidate)
            } else {
                groups.append((votes, [candidate]))
            }
        }
        groups.sort { $0.votes < $1.votes }
        return groups
    }

    /// `config.multiply`: the product truncated to the configured places.
    func multiply(_ a: RCTabDecimal, _ b: RCTabDecimal) -> RCTabDecimal {
        (a * b).rounded(toScale: rules.decimalPlacesForVoteArithmetic, .down)
    }

    /// `config.divide`: the quotient truncated to the configured places.
    func divide(_ a: RCTabDecimal, _ b: RCTabDecimal) -> RCTabDecimal {
        a.divided(by: b, scale: rules.decimalPlacesForVoteArithmetic, .down)
    }
}
