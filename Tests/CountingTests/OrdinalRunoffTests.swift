import Counting
import Testing

/// Instant-runoff: ties for elimination, equal ranks, exhausted ballots, the majority rule and
/// the trace (hand-checked cases).
@Suite struct OrdinalRunoffTests {
    let names = ["A", "B", "C", "D"]

    // 7 A, 4 B, 5 C, 1 D > B. Round 1: D (1) goes, its ballot to B. Round 2: B and C tie at 5;
    // in round 1 B had 4 and C 5, so B goes (the tie-break order alone would have taken C).
    // Round 3: A 7 of 12 continuing votes, elected; B's four ballots and D's are exhausted.
    @Test func aTieForFewestIsSettledByEarlierRounds() throws {
        let profile = try OrdinalFixture.profile(4, [(7, [0]), (4, [1]), (5, [2]), (1, [3, 1])])
        let order = TieBreakOrder(candidateCount: 4)
        let outcome = try InstantRunoff().count(profile, names: names, tieBreak: order)
        #expect(outcome.winners == [0])
        #expect(
            outcome.rounds.map { $0.tallies.map(\.votes.text) }.prefix(3) == [
                ["7", "4", "5", "1"], ["7", "5", "5"], ["7", "5"],
            ])
        #expect(outcome.rounds[2].exhausted?.text == "5")
        #expect(outcome.rounds[2].threshold?.text == "6")
        #expect(outcome.rounds[1].events.map(\.candidate) == [1])
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties[0].round == 2 && outcome.ties[0].decision == "eliminate")
        #expect(outcome.ties[0].tied == [1, 2] && outcome.ties[0].chosen == [1])
        #expect(outcome.ties[0].rule.hasPrefix("backward"))
        #expect(outcome.ranking == [[0], [2], [1], [3]])
        #expect(outcome.rounds[2].transfers == [Transfer(from: 1, to: nil, votes: TraceNumber(5))])
    }

    // 3 A, 2 B, 2 C: B and C tie in the first round, with no earlier round: the tie-break order
    // decides, eliminating its least favoured.
    @Test func aTieInTheFirstRoundFallsToTheTieBreakOrder() throws {
        let profile = try OrdinalFixture.profile(3, [(3, [0]), (2, [1, 0]), (2, [2])])
        let listed = try InstantRunoff().count(
            profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(listed.ties.map(\.chosen) == [[2]])
        #expect(listed.ties[0].rule == TieBreakOrder(candidateCount: 3).rule)
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let other = try InstantRunoff().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(other.ties.map(\.chosen) == [[1]])
        // Either way A wins: 3 + 2 of 7 after B goes, or 3 of 5 continuing after C goes.
        #expect(listed.winners == [0] && other.winners == [0])
        #expect(other.rounds[1].tallies.map(\.votes.text) == ["5", "2"])
    }

    @Test func equalRanksSplitTheBallotOrAreSkipped() throws {
        // 2 ballots A=B > C, 3 ballots C. Split: A 1, B 1, C 3 (C has a majority of 5).
        let profile = try RankedProfile(candidateCount: 3, ballots: [([[0, 1], [2]], 2), ([[2]], 3)])
        let split = try InstantRunoff().count(
            profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(split.rounds[0].tallies.map(\.votes.text) == ["1", "1", "3"])
        #expect(split.winners == [2])
        // Skipped (Condorcet PHP): the A=B rank is passed over, the ballots count for C.
        let skip = try InstantRunoff(equalRanks: .skipGroup).count(
            profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(skip.rounds[0].tallies.map(\.votes.text) == ["0", "0", "5"])
        // Thirds: A=B=C on one ballot.
        let thirds = try RankedProfile(candidateCount: 3, ballots: [([[0, 1, 2]], 1), ([[0]], 1)])
        let outcome = try InstantRunoff().count(
            thirds, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["4/3", "1/3", "1/3"])
        #expect(outcome.winners == [0])
    }

    // 4 A, 3 B > C, 2 C, 3 blank. Round 1: A 4, B 3, C 2 of 9 continuing votes (blank ballots
    // never count); C goes, its ballots are exhausted. Round 2: A has 4 of 7 continuing votes, a
    // majority. Against half of all 12 ballots (Condorcet PHP's rule) 4 is not enough: B goes too
    // and A wins as the last one standing.
    @Test func theMajorityIsOfContinuingVotesUnlessAllBallotsAreAsked() throws {
        let profile = try RankedProfile(
            candidateCount: 3, ballots: [([[0]], 4), ([[1], [2]], 3), ([[2]], 2), ([], 3)])
        let order = TieBreakOrder(candidateCount: 3)
        let continuing = try InstantRunoff().count(profile, names: ["A", "B", "C"], tieBreak: order)
        #expect(continuing.rounds[0].threshold?.text == "9/2")
        #expect(continuing.rounds[0].exhausted?.text == "3")
        #expect(continuing.rounds[1].tallies.map(\.votes.text) == ["4", "3"])
        #expect(continuing.rounds[1].threshold?.text == "7/2")
        #expect(
            continuing.rounds[1].events == [TraceEvent(.elected, 0, reason: "more than half of the continuing votes")])
        #expect(continuing.winners == [0])
        // Against half of all 12 ballots, no one reaches 6: B is eliminated and A is the last
        // one standing.
        let all = try InstantRunoff(majority: .allBallots).count(profile, names: ["A", "B", "C"], tieBreak: order)
        #expect(all.rounds[1].threshold?.text == "6")
        #expect(all.rounds[1].events == [TraceEvent(.eliminated, 1, reason: "fewest votes")])
        #expect(all.winners == [0])
        #expect(all.rounds[2].label == nil && all.rounds[2].events.first?.kind == .elected)
    }

    // With Condorcet PHP's tie rule, candidates it cannot separate are eliminated together and
    // share a place. 2 A, 1 B, 1 C, no other preferences: B and C tie, neither beats the other
    // and their pairwise records are equal, so both go at once.
    @Test func pairwiseThenTogetherEliminatesInseparableCandidatesTogether() throws {
        let profile = try OrdinalFixture.profile(3, [(2, [0]), (1, [1]), (1, [2])])
        let rules = InstantRunoff(eliminationTie: .pairwiseThenTogether)
        let outcome = try rules.count(profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.ranking == [[0], [1, 2]])
        #expect(outcome.ties.map(\.chosen) == [[1, 2]])
        #expect(outcome.rounds[0].events.map(\.kind) == [.eliminated, .eliminated])
        // When one of them beats the other pairwise, only the other goes.
        let beaten = try OrdinalFixture.profile(3, [(2, [0]), (1, [1, 2]), (1, [2])])
        let separated = try rules.count(beaten, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(separated.ties.map(\.chosen) == [[2]])
        // Two left and inseparable: they share first place, the tie-break order names the winner.
        let even = try OrdinalFixture.profile(2, [(1, [0]), (1, [1])])
        let shared = try rules.count(
            even, names: ["A", "B"], tieBreak: try TieBreakOrder(order: [1, 0], candidateCount: 2))
        #expect(shared.ranking == [[0, 1]])
        #expect(shared.winners == [1])
        #expect(shared.ties.last?.decision == "winner")
    }

    @Test func blankAndEmptyElectionsAreCountedWithoutTrouble() throws {
        let blank = try RankedProfile(candidateCount: 2, ballots: [([], 3)])
        let outcome = try InstantRunoff().count(blank, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 2))
        #expect(outcome.winners == [0])
        #expect(outcome.rounds[0].exhausted?.text == "3")
        #expect(outcome.ties.first?.tied == [0, 1])
        let none = try InstantRunoff().count(
            try RankedProfile(candidateCount: 0, rankings: []), names: [], tieBreak: TieBreakOrder(candidateCount: 0))
        #expect(none.winners.isEmpty && none.ranking.isEmpty && none.rounds.isEmpty)
        #expect(InstantRunoff().parameters.map(\.key) == ["majority_of", "elimination_tie", "equal_ranks"])
    }
}
