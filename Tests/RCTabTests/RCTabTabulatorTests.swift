import Testing

@testable import RCTab

/// Rule options the corpus does not exercise, on ballots built in code. Expected tie-break
/// choices were computed with OpenJDK (`java.util.Random`, `HashSet`, `Collections.shuffle`).
@Suite struct RCTabTabulatorTests {
    static let tieNames = ["Zeta", "Betsy", "Mookie Blaylock", "W", "Tiny"]

    /// W 4 first preferences, three candidates tied at 2 in rounds 1 and 2, Tiny 1: two tie-breaks.
    static let tieBallots: [RCTabBallot] = [
        RCTabBallot(["W"], count: 4), RCTabBallot(["Zeta"], count: 2), RCTabBallot(["Betsy"], count: 2),
        RCTabBallot(["Mookie Blaylock"], count: 2), RCTabBallot(["Tiny"]),
    ]

    static func eliminated(_ result: RCTabResult) -> [[String]] {
        result.rounds.map { round in round.tallyResults.filter { $0.action == .eliminated }.map(\.candidate) }
    }

    static func tieBreak(_ mode: RCTabTiebreakMode, seed: Int64?) throws -> RCTabResult {
        let rules = RCTabRules(tiebreakMode: mode, randomSeed: seed, maxSkippedRanksAllowed: 0)
        let tabulator = try RCTabTabulator(rules: rules, candidates: tieNames.map { RCTabCandidate(name: $0) })
        return try #require(try tabulator.tabulate(tieBallots).first)
    }

    @Test func previousRoundCountsThenRandomDrawsInHashSetOrder() throws {
        let result = try RCTabTabulatorTests.tieBreak(.previousRoundCountsThenRandom, seed: 7)
        #expect(RCTabTabulatorTests.eliminated(result) == [["Tiny"], ["Mookie Blaylock"], ["Betsy"], []])
        #expect(result.winners == ["W"])
    }

    @Test func randomDrawsInNameOrder() throws {
        let result = try RCTabTabulatorTests.tieBreak(.random, seed: 7)
        #expect(RCTabTabulatorTests.eliminated(result) == [["Tiny"], ["Zeta"], ["Mookie Blaylock"], []])
    }

    @Test func generatedPermutationIsShuffledSortedNames() throws {
        let result = try RCTabTabulatorTests.tieBreak(.generatePermutation, seed: 3)
        #expect(RCTabTabulatorTests.eliminated(result) == [["Tiny"], ["Zeta"], ["Betsy"], []])
    }

    @Test func candidateOrderEliminatesTheLastListed() throws {
        let result = try RCTabTabulatorTests.tieBreak(.useCandidateOrder, seed: nil)
        #expect(RCTabTabulatorTests.eliminated(result) == [["Tiny"], ["Mookie Blaylock"], ["Betsy"], []])
    }

    @Test func interactiveAndUnimplementedOptionsAreRefused() {
        let candidates = [RCTabCandidate(name: "A"), RCTabCandidate(name: "B")]
        for mode in [RCTabTiebreakMode.stopCountingAndAsk, .previousRoundCountsThenAsk] {
            #expect(throws: RCTabError.self) {
                try RCTabTabulator(rules: RCTabRules(tiebreakMode: mode), candidates: candidates)
            }
        }
        #expect(throws: RCTabError.self) {
            try RCTabTabulator(rules: RCTabRules(floorWinningThreshold: false), candidates: candidates)
        }
        #expect(throws: RCTabError.self) {
            try RCTabTabulator(rules: RCTabRules(tiebreakMode: .random), candidates: candidates)
        }
        do {
            _ = try RCTabTabulator(rules: RCTabRules(tiebreakMode: .stopCountingAndAsk), candidates: candidates)
        } catch let error as RCTabError {
            #expect(error.code == "unsupported_option")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func hareQuotaRoundsUp() throws {
        let rules = RCTabRules(
            winnerElectionMode: .multiWinnerAllowMultipleWinnersPerRound, numberOfWinners: 2, hareQuota: true)
        let ballots = [RCTabBallot(["A", "C"], count: 6), RCTabBallot(["B"], count: 4), RCTabBallot(["C"], count: 1)]
        let tabulator = try RCTabTabulator(rules: rules, candidates: ["A", "B", "C"].map { RCTabCandidate(name: $0) })
        let result = try #require(try tabulator.tabulate(ballots).first)
        #expect(result.rounds[0].threshold == RCTabDecimal(6))  // ceil(11 / 2)
        #expect(result.rounds[0].tallyResults.map(\.candidate) == ["A"])
        #expect(result.winners.count == 2)
    }

    @Test func minimumVoteThresholdEliminatesTogether() throws {
        let rules = RCTabRules(minimumVoteThreshold: 2, maxSkippedRanksAllowed: 0)
        let ballots = [
            RCTabBallot(["A"], count: 5), RCTabBallot(["B"], count: 4), RCTabBallot(["D", "B"]),
            RCTabBallot(["C", "B"]),
        ]
        let candidates = ["A", "B", "C", "D"].map { RCTabCandidate(name: $0) }
        let result = try #require(try RCTabTabulator(rules: rules, candidates: candidates).tabulate(ballots).first)
        #expect(RCTabTabulatorTests.eliminated(result).first == ["C", "D"])
        #expect(result.rounds[1].tally["B"] == RCTabDecimal(6))
        #expect(result.winners == ["B"])
    }

    @Test func skippedRankLimit() throws {
        let ballots = [
            RCTabBallot(["A"], count: 3), RCTabBallot(["B"], count: 2),
            RCTabBallot(rankings: [[.candidate("C")], [], [.candidate("B")]], count: 2),
        ]
        let candidates = ["A", "B", "C"].map { RCTabCandidate(name: $0) }
        let strict = try RCTabTabulator(rules: RCTabRules(maxSkippedRanksAllowed: 0), candidates: candidates)
        let strictResult = try #require(try strict.tabulate(ballots).first)
        #expect(strictResult.rounds[1].inactiveBallots.skippedRankings == RCTabDecimal(2))
        #expect(strictResult.winners == ["A"])
        let lenient = try RCTabTabulator(rules: RCTabRules(maxSkippedRanksAllowed: nil), candidates: candidates)
        let lenientResult = try #require(try lenient.tabulate(ballots).first)
        #expect(lenientResult.rounds[1].tally["B"] == RCTabDecimal(4))
        #expect(lenientResult.winners == ["B"])
    }

    @Test func multiPassExcludesEarlierWinners() throws {
        let rules = RCTabRules(winnerElectionMode: .multiPassIrv, numberOfWinners: 2, maxSkippedRanksAllowed: 0)
        let ballots = [
            RCTabBallot(["A", "B"], count: 5), RCTabBallot(["C", "B"], count: 3), RCTabBallot(["B"], count: 2),
        ]
        let candidates = ["A", "B", "C"].map { RCTabCandidate(name: $0) }
        let passes = try RCTabTabulator(rules: rules, candidates: candidates).tabulate(ballots)
        #expect(passes.map(\.winners) == [["A"], ["B"]])
        #expect(passes.map(\.pass) == [1, 2])
        #expect(passes[1].rounds[0].tally["A"] == nil)
        #expect(passes[1].rounds[0].tally["B"] == RCTabDecimal(7))
    }

    @Test func unknownCandidateIsAnError() throws {
        let tabulator = try RCTabTabulator(rules: RCTabRules(), candidates: [RCTabCandidate(name: "A")])
        #expect(throws: RCTabError.self) { try tabulator.tabulate([RCTabBallot(["Nobody"])]) }
        #expect(throws: RCTabError.self) { try tabulator.tabulate([RCTabBallot(rankings: [[.undeclaredWriteIn]])]) }
    }
}
