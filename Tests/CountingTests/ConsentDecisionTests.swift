import BigInt
import Counting
import Testing

/// Consent: stance counts, each pass rule alone and combined, and the trace of failed rules.
@Suite struct ConsentDecisionTests {
    // Stance codes: 0 agree, 1 abstain, 2 object, 3 block.
    /// Five members, three options: A 4 agree 1 abstain; B 3 agree 1 object 1 block; C 2 agree
    /// 2 abstain 1 object.
    let profile: RatingProfile
    let names = ["A", "B", "C"]
    let order = CardinalFixture.order(3)

    init() throws {
        profile = try CardinalFixture.ratings(
            3, [([0, 0, 0], 1), ([0, 0, 0], 1), ([0, 0, 1], 1), ([0, 2, 1], 1), ([1, 3, 2], 1)])
    }

    /// The details entry of `option` in the trace.
    func detail(_ outcome: Outcome, _ option: Int) -> [JSONMember] {
        guard case .array(let options)? = outcome.rounds[0].details.first(where: { $0.key == "options" })?.value,
            case .object(let members) = options[option]
        else { return [] }
        return members
    }

    @Test func noBlocksByDefault() throws {
        let outcome = try ConsentDecision().count(profile, names: names, tieBreak: order)
        #expect(outcome.winners == [0, 2])
        #expect(outcome.ranking == [[0], [2], [1]])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["4", "3", "2"])
        let b = detail(outcome, 1)
        #expect(b.contains(JSONMember("agree", .integer(3))))
        #expect(b.contains(JSONMember("abstain", .integer(0))))
        #expect(b.contains(JSONMember("object", .integer(1))))
        #expect(b.contains(JSONMember("block", .integer(1))))
        #expect(b.contains(JSONMember("agree_share", .string("3/5"))))
        #expect(b.contains(JSONMember("passes", .bool(false))))
        #expect(b.contains(JSONMember("failed_rules", .array([.string("no blocks")]))))
        #expect(outcome.rounds[0].events.contains { $0.kind == .defeated && $0.candidate == 1 })
    }

    @Test func atMostNObjectionsCountsBlocksAsObjections() throws {
        let none = try ConsentDecision(maximumObjections: 0).count(profile, names: names, tieBreak: order)
        #expect(none.winners == [0])
        let permissive = ConsentDecision(forbidsBlocks: false, maximumObjections: 1)
        // B has one objection and one block: two objections, one too many.
        #expect(try permissive.count(profile, names: names, tieBreak: order).winners == [0, 2])
        let twoAllowed = ConsentDecision(forbidsBlocks: false, maximumObjections: 2)
        #expect(try twoAllowed.count(profile, names: names, tieBreak: order).winners == [0, 1, 2])
    }

    /// C's agree share among the non-abstaining is exactly 2/3: it passes at 2/3 and fails at
    /// any larger share, however close (compared exactly).
    @Test func theAgreeShareIsComparedExactly() throws {
        let twoThirds = ConsentDecision(minimumAgreeShare: Rational(BigInt(2), BigInt(3)))
        #expect(try twoThirds.count(profile, names: names, tieBreak: order).winners == [0, 2])
        let justAbove = ConsentDecision(minimumAgreeShare: Rational(BigInt(666_667), BigInt(1_000_000)))
        let outcome = try justAbove.count(profile, names: names, tieBreak: order)
        #expect(outcome.winners == [0])
        #expect(detail(outcome, 2).contains(JSONMember("agree_share", .string("2/3"))))
        #expect(
            detail(outcome, 2).contains(
                JSONMember(
                    "failed_rules", .array([.string("agree share among non-abstaining at least 666667/1000000")]))))
    }

    @Test func everyFailedRuleIsListed() throws {
        let strict = ConsentDecision(maximumObjections: 0, minimumAgreeShare: Rational(BigInt(3), BigInt(4)))
        let outcome = try strict.count(profile, names: names, tieBreak: order)
        #expect(
            detail(outcome, 1).contains(
                JSONMember(
                    "failed_rules",
                    .array([
                        .string("no blocks"), .string("at most 0 objections"),
                        .string("agree share among non-abstaining at least 3/4"),
                    ]))))
        #expect(outcome.winners == [0])
    }

    @Test func anOptionEveryoneAbstainsOnFailsTheShareRule() throws {
        let silent = try CardinalFixture.ratings(2, [([1, 0], 2), ([nil, 0], 1)])
        #expect(
            try ConsentDecision().count(silent, names: ["X", "Y"], tieBreak: CardinalFixture.order(2)).winners == [
                1, 0,
            ])
        let share = ConsentDecision(minimumAgreeShare: Rational(BigInt(1), BigInt(2)))
        let outcome = try share.count(silent, names: ["X", "Y"], tieBreak: CardinalFixture.order(2))
        #expect(outcome.winners == [1])
        #expect(detail(outcome, 0).contains(JSONMember("agree_share", .null)))
        #expect(detail(outcome, 0).contains(JSONMember("abstain", .integer(3))))
    }

    @Test func passingOptionsWithEqualAgreementFollowTheTieBreakOrder() throws {
        let even = try CardinalFixture.ratings(3, [([0, 0, 2], 2), ([1, 1, 0], 1)])
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let outcome = try ConsentDecision().count(even, names: names, tieBreak: reversed)
        #expect(outcome.ranking == [[0, 1], [2]])
        #expect(outcome.winners == [1, 0, 2])
        #expect(
            outcome.ties == [
                TieResolution(round: 1, decision: "order", tied: [0, 1], chosen: [1, 0], rule: reversed.rule)
            ])
    }

    @Test func badCodesAndParametersAreRejected() throws {
        let bad = try CardinalFixture.ratings(2, [([0, 4], 1)])
        #expect(
            throws: CountingError.invalidBallot(
                "ballot 1 gives option 2 the stance code 4; the codes are 0 agree, 1 abstain, 2 object, 3 block")
        ) {
            try ConsentDecision().count(bad, names: ["X", "Y"], tieBreak: CardinalFixture.order(2))
        }
        #expect(throws: CountingError.self) {
            try ConsentDecision(minimumAgreeShare: Rational(BigInt(3), BigInt(2))).count(
                profile, names: names, tieBreak: order)
        }
        #expect(throws: CountingError.self) {
            try ConsentDecision(maximumObjections: -1).count(profile, names: names, tieBreak: order)
        }
    }
}

extension ConsentDecisionTests {
    @Test func theTraceSaysWhyAnOptionFailed() throws {
        let strict = ConsentDecision(maximumObjections: 0, minimumAgreeShare: Rational(BigInt(3), BigInt(4)))
        let outcome = try strict.count(profile, names: names, tieBreak: order)
        #expect(
            outcome.rounds[0].events[1]
                == TraceEvent(
                    .defeated, 1,
                    reason: "blocked by 1; 2 objections, blocks included, above 0; agree share 3/5 below 3/4"))
        #expect(outcome.rounds[0].events[0] == TraceEvent(.elected, 0, reason: "passes every rule"))
    }
}
