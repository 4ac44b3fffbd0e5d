import Counting
import Testing

/// Quadratic voting: exact integer square roots per ballot, the credit budget, negative votes.
@Suite struct QuadraticVotingTests {
    /// Every credit amount from 0 to 10^6 against a reference that walks the squares upward.
    @Test func theIntegerSquareRootIsExactUpToAMillion() {
        var root: UInt64 = 0
        var mismatches = 0
        for n in UInt64(0)...1_000_000 {
            while (root + 1) * (root + 1) <= n { root += 1 }
            if QuadraticVoting.integerSquareRoot(n) != root { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func theIntegerSquareRootIsExactAtTheEdges() {
        let samples: [UInt64] = [
            (1 << 31) - 1, 1 << 31, 1 << 32, (1 << 32) - 1, 4_294_967_295 * 4_294_967_295,
            4_294_967_296 * 4_294_967_295, 1 << 62, (1 << 62) - 1, UInt64.max, UInt64.max - 1,
        ]
        for n in samples {
            let r = QuadraticVoting.integerSquareRoot(n)
            let square = r.multipliedFullWidth(by: r)
            let next = (r + 1).multipliedFullWidth(by: r + 1)
            #expect(square.high == 0 && square.low <= n, "\(n)")
            #expect(next.high > 0 || next.low > n, "\(n)")
        }
    }

    /// Three voters with 100 credits: votes are counted per ballot (81 credits buy 9 votes, 50
    /// buy 7, 100 buy 10), so A has 16 votes for its 131 credits and B 18 for its 134; B wins.
    @Test func votesAreSquareRootsPerBallot() throws {
        let profile = try CardinalFixture.ratings(3, [([81, 9, 0], 1), ([0, 100, nil], 1), ([50, 25, 25], 1)])
        let outcome = try QuadraticVoting().count(profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["16", "18", "5"])
        #expect(outcome.rounds[0].details.contains(JSONMember("credits", .array([131, 134, 25].map { .integer($0) }))))
        #expect(outcome.winners == [1])
        #expect(outcome.ranking == [[1], [0], [2]])
    }

    @Test func anOverBudgetBallotIsRejectedByName() throws {
        let profile = try CardinalFixture.ratings(2, [([50, 50], 1), ([64, 37], 2)])
        #expect(
            throws: CountingError.invalidBallot(
                "ballot 2 (cast by 2 voters) spends 101 credits, over the budget of 100: [64, 37]")
        ) {
            try QuadraticVoting().count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(
            try QuadraticVoting(creditBudget: 101).count(
                profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2)
            ).winners == [0])
    }

    @Test func negativeVotesOnlyWhenAllowed() throws {
        let profile = try CardinalFixture.ratings(2, [([-49, 0], 1), ([4, 1], 1)])
        #expect(throws: CountingError.self) {
            try QuadraticVoting().count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        let outcome = try QuadraticVoting(allowsNegativeVotes: true).count(
            profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["-5", "1"])
        #expect(outcome.winners == [1])
        let overBudget = try CardinalFixture.ratings(2, [([-100, 1], 1)])
        #expect(throws: CountingError.self) {
            try QuadraticVoting(allowsNegativeVotes: true).count(
                overBudget, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }

    @Test func equalVotesTieAndTheTieBreakOrderDecides() throws {
        let profile = try CardinalFixture.ratings(2, [([16, 0], 1), ([0, 17], 1)])
        let reversed = try TieBreakOrder(order: [1, 0], candidateCount: 2)
        let outcome = try QuadraticVoting().count(profile, names: ["A", "B"], tieBreak: reversed)
        #expect(outcome.ranking == [[0, 1]])
        #expect(outcome.winners == [1])
        #expect(outcome.ties.count == 1)
    }
}

extension QuadraticVotingTests {
    /// Amounts beyond the precomputed table of roots (2^16) are computed directly, and agree.
    @Test func largeBudgetsUseExactRootsToo() throws {
        let profile = try CardinalFixture.ratings(2, [([999_999, 1], 1), ([65_536, 65_537], 2)])
        let outcome = try QuadraticVoting(creditBudget: 1_000_000).count(
            profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        // 999 + 2 * 256 = 1511; 1 + 2 * 256 = 513.
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1511", "513"])
        let single = try CardinalFixture.ratings(2, [([150, 0], 1)])
        #expect(throws: CountingError.invalidBallot("ballot 1 spends 150 credits, over the budget of 100: [150, 0]")) {
            try QuadraticVoting().count(single, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }
}
