import Counting
import Statements
import Testing

/// Ballot boxes count to winners checked by hand.
@Suite("Ballots: the ballot box")
struct BallotBoxTests {
    static let options = ["Ann", "Bob", "Cid"]

    static func outcome(
        _ method: String, _ choices: [(BallotChoice, Int64)], parameters: [String: String] = [:]
    )
        throws -> Outcome
    {
        let round = RoundParameters(method: method, options: options, parameters: parameters)
        var box = BallotBox(for: round)
        for (choice, weight) in choices { try box.add(try round.check(ballot: choice), weight: weight) }
        #expect(box.count == choices.count)
        #expect(box.totalWeight == choices.reduce(0) { $0 + $1.1 })
        return try round.count(try box.ballots())
    }

    @Test("plurality: first preferences by weight; Bob 4, Ann 3, Cid 2")
    func plurality() throws {
        let outcome = try Self.outcome(
            "plurality",
            [
                (.ranking([["Ann"], ["Bob"]]), 3), (.ranking([["Bob"]]), 1), (.ranking([["Bob"], ["Cid"]]), 3),
                (.ranking([["Cid"], ["Ann"]]), 2),
            ])
        #expect(outcome.winnerNames == ["Bob"])
    }

    @Test("identical ballots merge into one weighted ballot")
    func merging() throws {
        let round = RoundParameters(method: "plurality", options: Self.options)
        var box = BallotBox(for: round)
        try box.add(.ranking([["Cid", "Ann"], ["Bob"]]), weight: 2)
        try box.add(.ranking([["Ann", "Cid"], ["Bob"]]), weight: 5)
        guard case .ranked(let profile) = try box.ballots() else {
            Issue.record("not ranked")
            return
        }
        #expect(profile.ballotCount == 1)
        #expect(profile.weights == [7])
        #expect(profile.groups(of: 0) == [[0, 2], [1]])
    }

    @Test("approval: Cid approved by weight 5 beats Ann 4 and Bob 3")
    func approval() throws {
        let outcome = try Self.outcome(
            "approval", [(.approve(["Ann", "Cid"]), 2), (.approve(["Bob", "Cid"]), 3), (.approve(["Ann"]), 2)])
        #expect(outcome.winnerNames == ["Cid"])
        #expect(outcome.rankingNames == [["Cid"], ["Ann"], ["Bob"]])
    }

    @Test("score: totals Ann 2*5+1*0 = 10, Bob 2*3+1*5 = 11, Cid blank (minimum 0) + 1*4 = 4")
    func score() throws {
        let outcome = try Self.outcome(
            "score", [(.scores(["Ann": 5, "Bob": 3]), 2), (.scores(["Ann": 0, "Bob": 5, "Cid": 4]), 1)])
        #expect(outcome.winnerNames == ["Bob"])
        #expect(outcome.rankingNames == [["Bob"], ["Ann"], ["Cid"]])
    }

    @Test("consent: a block fails Ann; Bob (2 agree) and Cid (1 agree) pass, Bob first")
    func consent() throws {
        let outcome = try Self.outcome(
            "consent",
            [
                (.stances(["Ann": .agree, "Bob": .agree, "Cid": .agree]), 1),
                (.stances(["Ann": .block, "Bob": .agree, "Cid": .object]), 1),
                (.stances(["Ann": .agree, "Cid": .abstain]), 1),
            ])
        #expect(outcome.winnerNames == ["Bob", "Cid"])
    }

    @Test("stances are stored as ConsentDecision's codes, blank for an option not given")
    func stanceCodes() throws {
        let round = RoundParameters(method: "consent", options: Self.options)
        var box = BallotBox(for: round)
        try box.add(.stances(["Ann": .agree, "Bob": .abstain, "Cid": .object]), weight: 1)
        try box.add(.stances(["Cid": .block]), weight: 2)
        guard case .ratings(let profile) = try box.ballots() else {
            Issue.record("not ratings")
            return
        }
        #expect(profile.ratings == [0, 1, 2, RatingProfile.blank, RatingProfile.blank, 3])
        #expect(profile.weights == [1, 2])
    }

    @Test("a box refuses another shape and a weight below 1")
    func refusals() {
        var box = BallotBox(for: RoundParameters(method: "approval", options: Self.options))
        #expect(throws: BallotError.wrongShape(expected: "approve", actual: "ranking")) {
            try box.add(IndexedChoice.ranking([[0]]), weight: 1)
        }
        let error = try? #require(throws: BallotError.self) { try box.add(.approve(["Ann"]), weight: 0) }
        #expect(error?.code == "out_of_range")
        #expect(box.count == 0)
    }

    @Test("an empty box counts: every option ties")
    func empty() throws {
        let round = RoundParameters(method: "approval", options: Self.options)
        let outcome = try round.count(try BallotBox(for: round).ballots())
        #expect(outcome.rankingNames == [["Ann", "Bob", "Cid"]])
        #expect(outcome.winnerNames == ["Ann"])
    }
}
