import Counting
import Testing

/// Score voting on any integer scale, with both blank rules.
@Suite struct ScoreVotingTests {
    /// Wikipedia, "Score voting", section "Example" (Tennessee capital, scores 0 to 10):
    /// Nashville wins. Totals by hand: Memphis 420, Nashville 603, Chattanooga 457, Knoxville 312.
    @Test func tennesseeExampleElectsNashville() throws {
        let profile = try CardinalFixture.ratings(
            4, [([10, 4, 2, 0], 42), ([0, 10, 4, 2], 26), ([0, 6, 10, 6], 15), ([0, 5, 7, 10], 17)])
        let outcome = try ScoreVoting(maximumScore: 10).count(
            profile, names: ["Memphis", "Nashville", "Chattanooga", "Knoxville"], tieBreak: CardinalFixture.order(4))
        #expect(outcome.winnerNames == ["Nashville"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["420", "603", "457", "312"])
        #expect(outcome.ranking == [[1], [2], [0], [3]])
    }

    /// A is scored 5 by the two voters who score it and left blank by the third; B gets 4 from
    /// all three. Blank as the minimum: totals 10 and 12, B wins. Blank excluded: averages 5 and
    /// 4, A wins.
    @Test func theBlankRuleDecides() throws {
        let profile = try CardinalFixture.ratings(2, [([5, 4], 2), ([nil, 4], 1)])
        let names = ["A", "B"]
        let minimum = try ScoreVoting().count(profile, names: names, tieBreak: CardinalFixture.order(2))
        #expect(minimum.winners == [1])
        #expect(minimum.rounds[0].tallies.map(\.votes.text) == ["10", "12"])
        let excluded = try ScoreVoting(blank: .excluded).count(
            profile, names: names, tieBreak: CardinalFixture.order(2))
        #expect(excluded.winners == [0])
        #expect(excluded.rounds[0].tallies.map(\.votes.text) == ["5", "4"])
        #expect(excluded.parameters.contains(JSONMember("blank", .string("excluded"))))
    }

    @Test func averagesAreExactFractionsAndTheUnscoredRankLast() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 4, nil], 1), ([4, nil, nil], 1), ([nil, 4, nil], 1)])
        let outcome = try ScoreVoting(blank: .excluded).count(
            profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.rounds[0].tallies.map(\.candidate) == [0, 1])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["9/2", "4"])
        #expect(outcome.ranking == [[0], [1], [2]])
    }

    @Test func aNegativeScaleWorksAndScoresOutsideItAreRejected() throws {
        let scale = ScoreVoting(minimumScore: -2, maximumScore: 2)
        let profile = try CardinalFixture.ratings(3, [([2, -2, nil], 2), ([-1, 2, 0], 3)])
        let outcome = try scale.count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        // Blanks count -2: A 4 - 3 = 1, B -4 + 6 = 2, C -4 + 0 = -4.
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1", "2", "-4"])
        #expect(outcome.winners == [1])
        let bad = try CardinalFixture.ratings(2, [([1, 1], 1), ([3, 0], 1)])
        #expect(throws: CountingError.invalidBallot("ballot 2 gives candidate 1 the score 3, outside -2...2")) {
            try scale.count(bad, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(throws: CountingError.self) {
            try ScoreVoting(minimumScore: 3, maximumScore: 3).count(
                bad, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }

    @Test func equalTotalsTieAndSeatsTakeTheTop() throws {
        let profile = try CardinalFixture.ratings(4, [([5, 3, 3, 0], 2), ([4, 2, 2, 1], 1)])
        let names = CardinalFixture.names(4)
        let reversed = try TieBreakOrder(order: [3, 2, 1, 0], candidateCount: 4)
        let one = try ScoreVoting().count(profile, names: names, tieBreak: reversed)
        #expect(one.winners == [0])
        #expect(one.ranking == [[0], [1, 2], [3]])
        let two = try ScoreVoting(seats: 2).count(profile, names: names, tieBreak: reversed)
        #expect(two.winners == [0, 2])
        #expect(
            two.ties == [TieResolution(round: 1, decision: "elect", tied: [1, 2], chosen: [2], rule: reversed.rule)])
    }
}
