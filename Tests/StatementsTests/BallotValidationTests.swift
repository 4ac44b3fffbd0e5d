import Counting
import Statements
import Testing

/// Ballot choices checked against a round: the options, the shape, and the method's limits.
@Suite("Ballots: validation against a round")
struct BallotValidationTests {
    static let options = ["Ann", "Bob", "Cid"]

    static func validated(_ choice: BallotChoice) throws(BallotError) -> IndexedChoice {
        try choice.validated(options: options)
    }

    @Test("rankings: groups become sorted indexes; a name not offered or ranked twice is refused")
    func ranking() throws {
        #expect(try Self.validated(.ranking([["Cid"], ["Bob", "Ann"]])) == .ranking([[2], [0, 1]]))
        #expect(try Self.validated(.ranking([])) == .ranking([]))
        #expect(throws: BallotError.notOffered(option: "Dan")) { try Self.validated(.ranking([["Ann"], ["Dan"]])) }
        #expect(throws: BallotError.duplicateChoice(option: "Ann")) {
            try Self.validated(.ranking([["Ann"], ["Bob", "Ann"]]))
        }
        #expect(throws: BallotError.duplicateChoice(option: "Bob")) { try Self.validated(.ranking([["Bob", "Bob"]])) }
    }

    @Test("approvals: sorted indexes; a name not offered or approved twice is refused")
    func approval() throws {
        #expect(try Self.validated(.approve(["Cid", "Ann"])) == .approve([0, 2]))
        #expect(throws: BallotError.notOffered(option: "ann")) { try Self.validated(.approve(["ann"])) }
        #expect(throws: BallotError.duplicateChoice(option: "Cid")) { try Self.validated(.approve(["Cid", "Cid"])) }
    }

    @Test("scores: a dense row with blanks; beyond 32 bits or the blank marker is out of range")
    func scores() throws {
        #expect(try Self.validated(.scores(["Cid": 4, "Ann": -1])) == .scores([-1, nil, 4]))
        #expect(
            try Self.validated(.scores(["Ann": Int64(Int32.max), "Bob": Int64(Int32.min) + 1]))
                == .scores([.max, .min + 1, nil]))
        for bad in [Int64(Int32.min), Int64(Int32.max) + 1, Int64.min] {
            #expect(throws: BallotError.self) { try Self.validated(.scores(["Bob": bad])) }
            let error = try? #require(throws: BallotError.self) { try Self.validated(.scores(["Bob": bad])) }
            #expect(error?.code == "out_of_range")
        }
        #expect(throws: BallotError.notOffered(option: "Dan")) { try Self.validated(.scores(["Dan": 1])) }
    }

    @Test("stances: a dense row; a name not offered is refused")
    func stances() throws {
        #expect(try Self.validated(.stances(["Bob": .block, "Ann": .agree])) == .stances([.agree, .block, nil]))
        #expect(throws: BallotError.notOffered(option: "Eve")) { try Self.validated(.stances(["Eve": .object])) }
    }

    @Test("a round takes one shape: stances exactly for consent, else the method's own")
    func shapes() throws {
        let cases: [(String, BallotChoice.Shape)] = [
            ("plurality", .ranking), ("schulze", .ranking), ("scottish-stv", .ranking), ("approval", .approve),
            ("pav", .approve), ("pb-greedy", .approve), ("score", .scores), ("quadratic", .scores),
            ("cumulative", .scores), ("majority-judgment", .scores), ("consent", .stances),
        ]
        for (method, shape) in cases {
            #expect(RoundParameters(method: method, options: Self.options).choiceShape == shape, "\(method)")
        }
        let consent = RoundParameters(method: "consent", options: Self.options)
        #expect(throws: BallotError.wrongShape(expected: "stances", actual: "scores")) {
            try consent.check(ballot: .scores(["Ann": 0]))
        }
        let score = RoundParameters(method: "score", options: Self.options)
        #expect(throws: BallotError.wrongShape(expected: "scores", actual: "stances")) {
            try score.check(ballot: .stances(["Ann": .agree]))
        }
        let plurality = RoundParameters(method: "plurality", options: Self.options)
        #expect(throws: BallotError.wrongShape(expected: "ranking", actual: "approve")) {
            try plurality.check(ballot: .approve(["Ann"]))
        }
        #expect(try plurality.check(ballot: .ranking([["Bob"]])) == .ranking([[1]]))
        #expect(throws: BallotError.notOffered(option: "Dan")) { try plurality.check(ballot: .ranking([["Dan"]])) }
    }

    @Test("quadratic: credits over the budget are over the limit")
    func quadraticLimit() throws {
        let round = RoundParameters(method: "quadratic", options: Self.options, parameters: ["credits": "10"])
        #expect(try round.check(ballot: .scores(["Ann": 9, "Bob": 1])) == .scores([9, 1, nil]))
        let error = try #require(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": 9, "Bob": 2])) }
        #expect(error.code == "over_limit")
        #expect(error.message.contains("over the budget of 10"))
        let negative = try #require(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": -4])) }
        #expect(negative.code == "over_limit")
    }

    @Test("cumulative: points over the total or the cap per option are over the limit")
    func cumulativeLimit() throws {
        let round = RoundParameters(
            method: "cumulative", options: Self.options, parameters: ["points": "5", "max-per-option": "3"])
        #expect(try round.check(ballot: .scores(["Ann": 3, "Cid": 2])) == .scores([3, nil, 2]))
        #expect(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": 3, "Bob": 3])) }
        let total = try #require(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": 3, "Bob": 3])) }
        #expect(total.code == "over_limit")
        let cap = try #require(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": 4])) }
        #expect(cap.code == "over_limit")
    }

    @Test("score: a score outside the method's scale is over the limit")
    func scoreScale() throws {
        let round = RoundParameters(method: "score", options: Self.options, parameters: ["max": "10"])
        #expect(try round.check(ballot: .scores(["Ann": 10, "Bob": 0])) == .scores([10, 0, nil]))
        let error = try #require(throws: BallotError.self) { try round.check(ballot: .scores(["Ann": 11])) }
        #expect(error.code == "over_limit")
    }

    @Test("every error code is distinct and stable")
    func codes() {
        let errors: [BallotError] = [
            .notOffered(option: "a"), .duplicateChoice(option: "a"), .outOfRange(option: nil, reason: "r"),
            .overLimit(reason: "r"), .wrongShape(expected: "ranking", actual: "scores"),
        ]
        #expect(errors.map(\.code) == ["not_offered", "duplicate_choice", "out_of_range", "over_limit", "wrong_shape"])
        #expect(errors.allSatisfy { !$0.message.isEmpty && $0.description == $0.message })
    }

    @Test("support for a threshold: top group, approval, highest score, agree")
    func support() {
        let ranking = IndexedChoice.ranking([[1, 2], [0]])
        #expect(ranking.supports(1) && ranking.supports(2) && !ranking.supports(0))
        #expect(!IndexedChoice.ranking([]).supports(0))
        let approve = IndexedChoice.approve([0, 2])
        #expect(approve.supports(2) && !approve.supports(1))
        let scores = IndexedChoice.scores([3, nil, 5])
        #expect(scores.supports(2) && !scores.supports(0) && !scores.supports(1))
        #expect(IndexedChoice.scores([-2, nil, -2]).supports(0))
        let stances = IndexedChoice.stances([.agree, .object, nil])
        #expect(stances.supports(0) && !stances.supports(1) && !stances.supports(2))
    }
}
