import Counting
import Testing

/// Approval voting: the most approvals win; `seats` takes the top of the ranking.
@Suite struct ApprovalVotingTests {
    /// Rogness, University of Minnesota Math 1001 notes on approval voting (as used in the elsim
    /// test suite): 20 voters approve Gore; 35 Gore and McCain; 25 McCain and Bush; 20 Bush.
    /// McCain wins with 60 approvals to Gore's 55 and Bush's 45.
    @Test func theMostApprovedWins() throws {
        let profile = try ApprovalProfile(
            candidateCount: 3, ballots: [([0], 20), ([0, 1], 35), ([1, 2], 25), ([2], 20), ([], 4)])
        let outcome = try ApprovalVoting().count(
            profile, names: ["Gore", "McCain", "Bush"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.winnerNames == ["McCain"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["55", "60", "45"])
        #expect(outcome.rounds[0].exhausted?.text == "4")
        #expect(outcome.ranking == [[1], [0], [2]])
        #expect(outcome.ties.isEmpty)
        #expect(outcome.parameters.first == JSONMember("seats", .integer(1)))
    }

    @Test func aTieForFirstIsLeftInTheRankingAndSettledForTheWinner() throws {
        let profile = try ApprovalProfile(candidateCount: 3, ballots: [([0, 1], 2), ([2], 1)])
        let seeded = TieBreakOrder(seed: 99, candidateCount: 3)
        let outcome = try ApprovalVoting().count(profile, names: ["A", "B", "C"], tieBreak: seeded)
        #expect(outcome.ranking == [[0, 1], [2]])
        #expect(outcome.winners == [seeded.favoured([0, 1])])
        #expect(
            outcome.ties == [
                TieResolution(round: 1, decision: "winner", tied: [0, 1], chosen: outcome.winners, rule: seeded.rule)
            ])
    }

    /// Two seats with B and C tied for the second: the tie-break order picks one, recorded as an
    /// "elect" tie; a different order picks the other.
    @Test func severalSeatsTakeTheTopOfTheRanking() throws {
        let profile = try ApprovalProfile(
            candidateCount: 4, ballots: [([0, 1, 2], 3), ([0], 2), ([3], 1)])
        let names = ["A", "B", "C", "D"]
        let listed = try ApprovalVoting(seats: 2).count(profile, names: names, tieBreak: CardinalFixture.order(4))
        #expect(listed.winners == [0, 1])
        #expect(listed.ranking == [[0], [1, 2], [3]])
        #expect(
            listed.ties == [
                TieResolution(
                    round: 1, decision: "elect", tied: [1, 2], chosen: [1], rule: CardinalFixture.order(4).rule)
            ])
        let reversed = try TieBreakOrder(order: [3, 2, 1, 0], candidateCount: 4)
        #expect(try ApprovalVoting(seats: 2).count(profile, names: names, tieBreak: reversed).winners == [0, 2])
        let three = try ApprovalVoting(seats: 3).count(profile, names: names, tieBreak: reversed)
        #expect(three.winners == [0, 2, 1])
        #expect(three.ties.isEmpty)
    }

    @Test func badParametersAreRejected() throws {
        let profile = try ApprovalProfile(candidateCount: 2, ballots: [([0], 1)])
        #expect(throws: CountingError.self) {
            try ApprovalVoting(seats: 3).count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(throws: CountingError.self) {
            try ApprovalVoting(seats: 0).count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(throws: CountingError.self) {
            try ApprovalVoting().count(profile, names: ["A"], tieBreak: CardinalFixture.order(2))
        }
    }
}
