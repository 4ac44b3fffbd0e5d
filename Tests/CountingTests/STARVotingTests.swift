import Counting
import Testing

/// STAR voting: published examples and each step of the official tie protocol.
@Suite struct STARVotingTests {
    let order4 = CardinalFixture.order(4)

    /// Wikipedia, "STAR voting", section "Example" (the Tennessee capital election; the same
    /// ballots as electowiki's example): Nashville and Chattanooga are the finalists and
    /// Nashville wins the runoff 68 to 32.
    @Test func tennesseeExampleElectsNashville() throws {
        let profile = try CardinalFixture.ratings(
            4, [([5, 2, 1, 0], 42), ([0, 5, 2, 1], 26), ([0, 3, 5, 3], 15), ([0, 2, 4, 5], 17)])
        let outcome = try STARVoting().count(
            profile, names: ["Memphis", "Nashville", "Chattanooga", "Knoxville"], tieBreak: order4)
        #expect(outcome.winnerNames == ["Nashville"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["210", "293", "237", "156"])
        #expect(outcome.rounds[1].tallies.map(\.candidate) == [1, 2])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["68", "32"])
        #expect(outcome.rounds[1].exhausted?.text == "0")
        #expect(outcome.ranking == [[1], [2], [0], [3]])
        #expect(outcome.ties.isEmpty)
    }

    /// rangevoting.org, "STAR voting" page: "51% vote A5, B0, C4, while 49% vote A0, B5, C4": C
    /// and A are the finalists and A wins that runoff; with a fourth candidate D (51% D4, 49% D3)
    /// the finalists are C and D, "whereupon C wins".
    @Test func rangevotingExamples() throws {
        let three = try CardinalFixture.ratings(3, [([5, 0, 4], 51), ([0, 5, 4], 49)])
        let first = try STARVoting().count(three, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(first.winners == [0])
        #expect(first.rounds[1].tallies.map(\.votes.text) == ["49", "51"])
        let four = try CardinalFixture.ratings(4, [([5, 0, 4, 4], 51), ([0, 5, 4, 3], 49)])
        let second = try STARVoting().count(four, names: ["A", "B", "C", "D"], tieBreak: order4)
        #expect(second.winners == [2])
        #expect(second.rounds[1].tallies.map(\.votes.text) == ["49", "0"])
        #expect(second.rounds[1].exhausted?.text == "51")
    }

    /// The Equal Vote Coalition's explainer video example (five voters; as transcribed in the
    /// elsim test suite): Carmen and DeAndre are the finalists and DeAndre wins 3 to 1.
    @Test func equalVoteVideoExample() throws {
        let profile = try CardinalFixture.ratings(
            4, [([3, 4, 0, 5], 1), ([1, 0, 5, 1], 1), ([0, 2, 5, 5], 1), ([5, 0, 2, 3], 1), ([1, 0, 4, 5], 1)])
        let outcome = try STARVoting().count(
            profile, names: ["Abby", "Ben", "Carmen", "DeAndre"], tieBreak: order4)
        #expect(outcome.winnerNames == ["DeAndre"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["10", "6", "16", "19"])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["3", "1"])
        #expect(outcome.rounds[1].exhausted?.text == "1")
    }

    @Test func aBlankCountsAsZeroStars() throws {
        let blanks = try CardinalFixture.ratings(3, [([5, nil, 1], 2), ([nil, 4, 2], 1)])
        let zeros = try CardinalFixture.ratings(3, [([5, 0, 1], 2), ([0, 4, 2], 1)])
        let names = CardinalFixture.names(3)
        let a = try STARVoting().count(blanks, names: names, tieBreak: CardinalFixture.order(3))
        let b = try STARVoting().count(zeros, names: names, tieBreak: CardinalFixture.order(3))
        #expect(a.rounds == b.rounds)
        #expect(a.winners == [0])
    }

    /// Scoring round, two-way tie for second: broken by head-to-head preference, not by the
    /// tie-break order (which would favour B).
    @Test func aScoringTieGoesToTheHeadToHeadWinner() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 4, 1], 1), ([5, 1, 3], 1), ([5, 1, 2], 1)])
        let outcome = try STARVoting().count(
            profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["15", "6", "6"])
        #expect(outcome.rounds[1].tallies.map(\.candidate) == [0, 2])
        #expect(outcome.winners == [0])
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties[0].decision == "finalist")
        #expect(outcome.ties[0].tied == [1, 2])
        #expect(outcome.ties[0].chosen == [2])
        #expect(outcome.ties[0].rule.contains("head-to-head"))
        #expect(!outcome.ties[0].rule.contains("tie-break order"))
        #expect(
            outcome.rounds[0].events.contains(
                TraceEvent(.eliminated, 1, reason: "lost the scoring-round tie for a finalist place")))
    }

    /// Scoring round, head-to-head tied too: the most five-star ratings advance.
    @Test func thenTheMostFiveStarRatings() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 5, 1], 1), ([5, 0, 4], 1), ([5, 1, 1], 1)])
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let outcome = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(outcome.rounds[1].tallies.map(\.candidate) == [0, 1])
        #expect(outcome.ties[0].chosen == [1])
        #expect(outcome.ties[0].rule.contains("five-star"))
        #expect(outcome.winners == [0])
    }

    /// Scoring round, nothing separates the tied: the tie-break order decides, and says so.
    @Test func finallyTheTieBreakOrder() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 2, 2], 2)])
        let listed = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(listed.rounds[1].tallies.map(\.candidate) == [0, 1])
        #expect(listed.ties[0].rule.contains("tie-break order"))
        // C lost its place to the order alone, so the ranking keeps it with B.
        #expect(listed.ranking == [[0], [1, 2]])
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let other = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(other.rounds[1].tallies.map(\.candidate) == [0, 2])
        #expect(other.ties[0].chosen == [2])
    }

    /// A three-way tie for both finalist places: the two with the most head-to-head wins among
    /// the tied advance (A, whom the tie-break order favours, lost its match-up with B and drew
    /// with C); C then beats B in the runoff.
    @Test func aThreeWayTieIsSettledByHeadToHeadWins() throws {
        let profile = try CardinalFixture.ratings(
            4, [([3, 3, 5, 1], 1), ([3, 4, 0, 0], 1), ([2, 0, 0, 2], 1), ([1, 2, 4, 2], 1)])
        let outcome = try STARVoting().count(profile, names: ["A", "B", "C", "D"], tieBreak: order4)
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["9", "9", "9", "5"])
        #expect(Set(outcome.rounds[1].tallies.map(\.candidate)) == [1, 2])
        #expect(outcome.ties[0].tied == [0, 1, 2])
        #expect(Set(outcome.ties[0].chosen) == [1, 2])
        #expect(outcome.winners == [2])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["1", "2"])
    }

    /// A three-way tie where one candidate wins both match-ups and the other two draw: the
    /// remaining place is settled among those two by five-star ratings (A 1, B 0), even with a
    /// tie-break order that favours B.
    @Test func theProtocolRepeatsAmongThoseStillTied() throws {
        let profile = try CardinalFixture.ratings(4, [([5, 4, 0, 4], 1), ([2, 3, 5, 5], 1), ([3, 3, 5, 0], 1)])
        let reversed = try TieBreakOrder(order: [3, 2, 1, 0], candidateCount: 4)
        let outcome = try STARVoting().count(profile, names: ["A", "B", "C", "D"], tieBreak: reversed)
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["10", "10", "10", "9"])
        #expect(Set(outcome.ties[0].chosen) == [0, 2])
        #expect(outcome.ties[0].rule.contains("head-to-head wins among the tied, then most five-star ratings"))
        #expect(outcome.winners == [2])
    }

    /// Runoff tie: the finalist with the higher score wins.
    @Test func aRunoffTieGoesToTheHigherScore() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 0, 0], 1), ([0, 4, 0], 1)])
        let reversed = try TieBreakOrder(order: [1, 0, 2], candidateCount: 3)
        let outcome = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(outcome.winners == [0])
        #expect(
            outcome.ties == [
                TieResolution(
                    round: 2, decision: "winner", tied: [0, 1], chosen: [0], rule: "runoff tie: the higher score")
            ])
        #expect(outcome.ranking == [[0], [1], [2]])
    }

    /// Runoff tie with equal scores: the finalist with more five-star ratings wins (the shape of
    /// the starvote package's "breakable tie in automatic runoff round" test election).
    @Test func thenMoreFiveStarRatings() throws {
        let profile = try CardinalFixture.ratings(3, [([1, 5, 3], 1), ([1, 2, 4], 1), ([1, 5, 5], 1)])
        let reversed = try TieBreakOrder(order: [2, 0, 1], candidateCount: 3)
        let outcome = try STARVoting().count(profile, names: ["Amy", "Brian", "Chuck"], tieBreak: reversed)
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["3", "12", "12"])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["1", "1"])
        #expect(outcome.rounds[1].exhausted?.text == "1")
        #expect(outcome.winnerNames == ["Brian"])
        #expect(outcome.ties.last?.rule == "runoff tie, equal scores: more five-star ratings")
        #expect(
            outcome.rounds[0].details.contains(JSONMember("five_star_ratings", .array([0, 2, 1].map { .integer($0) }))))
    }

    /// Runoff tie that nothing separates: the tie-break order decides, and the ranking keeps the
    /// finalists together.
    @Test func aCompleteRunoffTieUsesTheTieBreakOrder() throws {
        let profile = try CardinalFixture.ratings(3, [([5, 4, 0], 1), ([4, 5, 0], 1)])
        let listed = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(listed.winners == [0])
        #expect(listed.ranking == [[0, 1], [2]])
        #expect(listed.ties.last?.rule == CardinalFixture.order(3).rule)
        let reversed = try TieBreakOrder(order: [1, 0, 2], candidateCount: 3)
        let other = try STARVoting().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(other.winners == [1])
    }

    @Test func aSingleCandidateIsElectedWithoutARunoff() throws {
        let profile = try CardinalFixture.ratings(1, [([3], 2)])
        let outcome = try STARVoting().count(profile, names: ["A"], tieBreak: CardinalFixture.order(1))
        #expect(outcome.winners == [0])
        #expect(outcome.rounds.count == 1)
    }

    @Test func scoresOutsideTheScaleAreRejected() throws {
        let profile = try CardinalFixture.ratings(2, [([5, 1], 1), ([6, 0], 3)])
        #expect(
            throws: CountingError.invalidBallot("ballot 2 (cast by 3 voters) gives candidate 1 6 stars, outside 0...5")
        ) {
            try STARVoting().count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        let wider = try STARVoting(maximumScore: 10).count(
            profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        #expect(wider.winners == [0])
        #expect(throws: CountingError.self) {
            try STARVoting(maximumScore: 0).count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }
}
