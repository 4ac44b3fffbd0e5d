import Counting
import Testing

/// Cumulative and dot voting: points within a budget, an optional cap per option, seats.
@Suite struct CumulativeVotingTests {
    /// Three voters give A all 5 points; four split 3 and 2 between B and C; two give 1, 1, 3:
    /// A 17, B 14, C 14.
    let profile: RatingProfile

    init() throws {
        profile = try CardinalFixture.ratings(3, [([5, 0, 0], 3), ([0, 3, 2], 4), ([1, 1, 3], 2)])
    }

    @Test func theMostPointsWin() throws {
        let outcome = try CumulativeVoting().count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["17", "14", "14"])
        #expect(outcome.winners == [0])
        #expect(outcome.ranking == [[0], [1, 2]])
        #expect(outcome.ties.isEmpty)
    }

    @Test func aTieAcrossTheLastSeatIsSettledAndRecorded() throws {
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let outcome = try CumulativeVoting(seats: 2).count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(outcome.winners == [0, 2])
        #expect(
            outcome.ties == [
                TieResolution(round: 1, decision: "elect", tied: [1, 2], chosen: [2], rule: reversed.rule)
            ])
    }

    @Test func pointsMayBeLeftUnspentButNotOverspent() throws {
        let under = try CardinalFixture.ratings(2, [([1, nil], 1), ([0, 2], 1)])
        #expect(
            try CumulativeVoting().count(under, names: ["A", "B"], tieBreak: CardinalFixture.order(2)).winners == [1])
        let over = try CardinalFixture.ratings(2, [([1, 1], 1), ([4, 2], 1)])
        #expect(throws: CountingError.invalidBallot("ballot 2 gives 6 points, over the 5 each voter has: [4, 2]")) {
            try CumulativeVoting().count(over, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(
            try CumulativeVoting(points: 6).count(over, names: ["A", "B"], tieBreak: CardinalFixture.order(2)).winners
                == [0])
        let negative = try CardinalFixture.ratings(2, [([-1, 2], 1)])
        #expect(throws: CountingError.self) {
            try CumulativeVoting().count(negative, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }

    @Test func dotVotingCapsTheDotsPerOption() throws {
        let capped = CumulativeVoting(points: 5, maximumPerOption: 2)
        #expect(
            throws: CountingError.invalidBallot(
                "ballot 1 (cast by 3 voters) gives option 1 5 points; the cap per option is 2")
        ) {
            try capped.count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        }
        let dots = try CardinalFixture.ratings(3, [([2, 2, 1], 2), ([0, 2, 2], 1)])
        let outcome = try capped.count(dots, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["4", "6", "4"])
        #expect(outcome.parameters.contains(JSONMember("maximum_per_option", .integer(2))))
    }
}
