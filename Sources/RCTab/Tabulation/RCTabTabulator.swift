/// Counts an RCTab contest exactly as RCTab (the Universal RCV Tabulator) does: the same rounds,
/// tallies, transfers, inactive ballots, thresholds and tie-break choices.
///
/// ```swift
/// let tabulator = try RCTabTabulator(rules: rules, candidates: candidates)
/// let passes = try tabulator.tabulate(ballots)  // one result; one per seat for multiPassIrv
/// ```
///
/// Identical ballots are merged and counted once with their multiplicity, so large contests count
/// quickly; the arithmetic is `BigDecimal`'s, with RCTab's truncations.
public struct RCTabTabulator: Sendable {
    /// The contest's rules, validated.
    public let rules: RCTabRules
    /// The declared candidates, in configuration order (the undeclared write-in pseudo-candidate,
    /// if any, last).
    public let candidates: [RCTabCandidate]

    /// Checks that the rules are a combination RCTab accepts and Plenum implements.
    public init(rules: RCTabRules, candidates: [RCTabCandidate]) throws {
        try RCTabTabulator.validate(rules, candidates)
        self.rules = rules
        self.candidates = candidates
    }

    /// Tabulates the ballots: one result, or one per seat for `multiPassIrv`.
    public func tabulate(_ ballots: [RCTabBallot]) throws -> [RCTabResult] {
        let contest = try RCTabContest(
            candidates: candidates, ballots: ballots, maxRankings: rules.maxRankingsAllowed)
        let permutation = tieBreakPermutation()
        guard rules.winnerElectionMode == .multiPassIrv else {
            var count = makeCount(contest, seats: rules.numberOfWinners, excluded: contest.excluded, permutation)
            try count.run()
            return [count.result(numWinners: rules.numberOfWinners, pass: nil)]
        }
        var results: [RCTabResult] = []
        var excluded = contest.excluded
        while results.count < rules.numberOfWinners {
            var count = makeCount(contest, seats: 1, excluded: excluded, permutation)
            try count.run()
            let result = count.result(numWinners: 1, pass: results.count + 1)
            guard result.winners.count == 1, let winner = contest.names.firstIndex(of: result.winners[0]) else {
                throw RCTabError(
                    "tabulation_failed", "pass \(results.count + 1) elected \(result.winners.count) candidates, not 1")
            }
            excluded[winner] = true
            results.append(result)
        }
        return results
    }

    private func makeCount(
        _ contest: RCTabContest, seats: Int, excluded: [Bool], _ permutation: [Int]
    ) -> RCTabCount {
        var count = RCTabCount(
            contest: contest, rules: rules, seats: seats, excluded: excluded, permutation: permutation)
        if rules.tiebreakMode == .random || rules.tiebreakMode == .previousRoundCountsThenRandom,
            let seed = rules.randomSeed
        {
            count.random = JavaRandom(seed: seed)
        }
        return count
    }

    /// The candidate order the permutation tie-breaks consult: the configuration's, or for
    /// `generatePermutation` the names sorted and shuffled with `Random(randomSeed)`.
    private func tieBreakPermutation() -> [Int] {
        let declared = candidates.indices.filter { candidates[$0].name != RCTabBallot.undeclaredWriteInName }
        guard rules.tiebreakMode == .generatePermutation, let seed = rules.randomSeed else { return declared }
        var order = declared.sorted {
            candidates[$0].name.utf16.lexicographicallyPrecedes(candidates[$1].name.utf16)
        }
        var random = JavaRandom(seed: seed)
        random.shuffle(&order)
        return order
    }
}
