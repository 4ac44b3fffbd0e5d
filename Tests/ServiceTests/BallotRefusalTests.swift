import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("Refused ballots change nothing")
struct BallotRefusalTests {
    @Test("a ballot for a round that does not exist is unknown_round (404)")
    func unknownRound() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        _ = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            test.ballot(unknownID(), .ranking([["Yes"]]), by: ann), by: ann, code: "unknown_round", .notFound)
    }

    @Test("a ballot sent before its round opens is unknown_round (404), and counts once sent after")
    func ballotBeforeRoundExists() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let open = test.sign(try test.roundOpen(), test.steward)
        let round = StatementID(open.id)
        let early = test.sign(test.ballot(round, .ranking([["Yes"]]), by: ann), ann)
        try await test.expectRefusal(early, code: "unknown_round", .notFound)
        let opened = try await test.organization.submit(open)
        #expect(opened.statement == StatementID(open.id))
        let receipt = try await test.organization.submit(early)
        #expect(receipt.statement == StatementID(early.id))
        let counted = try test.round(round).ballots.count
        #expect(counted == 1)
    }

    @Test("a ballot naming another revision than the round's is wrong_revision (409)")
    func wrongRevision() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let proposal = try await test.propose()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"], proposal: proposal)
        // A random revision, the question-round null, and the proposal's later revision.
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: ann, revision: unknownID()), by: ann, code: "wrong_revision",
            .conflict)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: ann, revision: nil), by: ann, code: "wrong_revision",
            .conflict)
        // A question round takes null, not a revision.
        let question = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            test.ballot(question, .ranking([["Yes"]]), by: ann, revision: proposal), by: ann,
            code: "wrong_revision", .conflict)
        // The round's own revision is accepted.
        try await test.submit(test.ballot(round, .ranking([["Yes"]]), by: ann, revision: proposal), by: ann)
    }

    @Test("a ballot after the round closed is round_closed (409)")
    func ballotAfterClose() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        try await test.close(round)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["No"]]), by: ann, sequence: 2), by: ann, code: "round_closed", .conflict)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["No"]]), by: test.steward), by: test.steward, code: "round_closed",
            .conflict)
    }

    @Test("a ballot after the scheduled close time is round_closed (409), before and after the server closes it")
    func ballotAfterScheduledClose() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"], closes: test.now + 60_000)
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        test.advance(milliseconds: 60_000)
        // Due but not yet closed by the schedule: the rules refuse it by the clock.
        try await test.expectRefusal(
            test.ballot(round, .ranking([["No"]]), by: test.steward), by: test.steward, code: "round_closed",
            .conflict)
        #expect(await test.organization.closeDueRounds() == 1)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["No"]]), by: ann, sequence: 2), by: ann, code: "round_closed", .conflict)
        let result = try test.round(round).result
        #expect(result?.ballots == 1)
    }

    @Test("a ballot from a member who joined after the round opened is not_in_electorate (403)")
    func outsideFrozenElectorate() async throws {
        let test = try TestOrganization()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let late = try await test.join("Late")
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: late), by: late, code: "not_in_electorate", .forbidden)
    }

    @Test("a ballot whose sequence is not above the counted one is stale_sequence (409)")
    func staleSequence() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.vote(round, .ranking([["Yes"]]), by: ann, sequence: 5)
        for sequence: Int64 in [5, 4, 1] {
            try await test.expectRefusal(
                test.ballot(round, .ranking([["No"]]), by: ann, sequence: sequence), by: ann,
                code: "stale_sequence", .conflict)
        }
        let counted = try test.round(round).ballots[MemberID(ann.publicKey)]
        #expect(counted?.sequence == 5)
        #expect(counted?.choice == .ranking([[0]]))
        try await test.vote(round, .ranking([["No"]]), by: ann, sequence: 6)
    }

    @Test("a sequence of 0 is invalid_value (400)")
    func zeroSequence() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: ann, sequence: 0), by: ann, code: "invalid_value",
            .malformed)
    }
}

@Suite("Refused choices are 422 and change nothing")
struct ChoiceRefusalTests {
    @Test("an option the round does not offer is not_offered (422)")
    func notOffered() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Maybe"]]), by: ann), by: ann, code: "not_offered", .invalidChoice)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["yes"]]), by: ann), by: ann, code: "not_offered", .invalidChoice)
        let approval = try await test.openRound(method: "approval", options: ["A", "B"])
        try await test.expectRefusal(
            test.ballot(approval, .approve(["A", "C"]), by: ann), by: ann, code: "not_offered", .invalidChoice)
    }

    @Test("an option chosen twice is duplicate_choice (422)")
    func duplicated() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "instant-runoff", options: ["A", "B", "C"])
        try await test.expectRefusal(
            test.ballot(round, .ranking([["A"], ["B"], ["A"]]), by: ann), by: ann, code: "duplicate_choice",
            .invalidChoice)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["A", "A"]]), by: ann), by: ann, code: "duplicate_choice", .invalidChoice)
        let approval = try await test.openRound(method: "approval", options: ["A", "B"])
        try await test.expectRefusal(
            test.ballot(approval, .approve(["A", "B", "A"]), by: ann), by: ann, code: "duplicate_choice",
            .invalidChoice)
    }

    @Test("a score beyond 32 bits (or the blank marker) is out_of_range (422)")
    func outOfRange() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "score", options: ["A", "B"])
        for score in [Int64(Int32.max) + 1, Int64(Int32.min), Int64.max] {
            try await test.expectRefusal(
                test.ballot(round, .scores(["A": score]), by: ann), by: ann, code: "out_of_range", .invalidChoice)
        }
    }

    @Test("more quadratic credits than the budget is over_limit (422); exactly the budget is accepted")
    func quadraticOverLimit() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "quadratic", options: ["A", "B"], parameters: ["credits": "10"])
        try await test.expectRefusal(
            test.ballot(round, .scores(["A": 9, "B": 2]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        try await test.expectRefusal(
            test.ballot(round, .scores(["A": 11]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        // Negative credits are refused unless the round allows votes against.
        try await test.expectRefusal(
            test.ballot(round, .scores(["A": -4]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        try await test.vote(round, .scores(["A": 9, "B": 1]), by: ann)
    }

    @Test("more cumulative points than allowed, or over the per-option cap, is over_limit (422)")
    func cumulativeOverLimit() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(
            method: "cumulative", options: ["A", "B", "C"], parameters: ["points": "5"])
        try await test.expectRefusal(
            test.ballot(round, .scores(["A": 3, "B": 3]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        try await test.expectRefusal(
            test.ballot(round, .scores(["A": -1, "B": 3]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        let dots = try await test.openRound(
            method: "cumulative", options: ["A", "B", "C"], parameters: ["points": "5", "max-per-option": "2"])
        try await test.expectRefusal(
            test.ballot(dots, .scores(["A": 3, "B": 2]), by: ann), by: ann, code: "over_limit", .invalidChoice)
        try await test.vote(round, .scores(["A": 3, "B": 2]), by: ann)
        try await test.vote(dots, .scores(["A": 2, "B": 2, "C": 1]), by: ann)
    }

    @Test("a choice of another shape than the round takes is wrong_shape (422)")
    func wrongShape() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let plurality = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            test.ballot(plurality, .approve(["Yes"]), by: ann), by: ann, code: "wrong_shape", .invalidChoice)
        try await test.expectRefusal(
            test.ballot(plurality, .scores(["Yes": 1]), by: ann), by: ann, code: "wrong_shape", .invalidChoice)
        let consent = try await test.openRound(method: "consent", options: ["Plan"])
        try await test.expectRefusal(
            test.ballot(consent, .ranking([["Plan"]]), by: ann), by: ann, code: "wrong_shape", .invalidChoice)
        let approval = try await test.openRound(method: "approval", options: ["A", "B"])
        try await test.expectRefusal(
            test.ballot(approval, .stances(["A": .agree]), by: ann), by: ann, code: "wrong_shape", .invalidChoice)
    }

    @Test("a refused replacement leaves the earlier ballot counted")
    func refusedReplacementKeepsBallot() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let first = try await test.vote(round, .ranking([["Yes"]]), by: ann)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Maybe"]]), by: ann, sequence: 2), by: ann, code: "not_offered",
            .invalidChoice)
        let counted = try test.round(round).ballots[MemberID(ann.publicKey)]
        #expect(counted?.statement == first.statement)
        // Sequence 2 was not used up by the refusal.
        try await test.vote(round, .ranking([["No"]]), by: ann, sequence: 2)
    }
}
