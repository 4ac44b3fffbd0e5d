import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("Closing rounds and the result certificate")
struct CloseAndCertificateTests {
    /// Steward (weight 1), Ann (2), Bob (3), Cid (4): eligible weight 10.
    private func weightedOrganization() async throws -> (
        TestOrganization, ann: SigningKey, bob: SigningKey, cid: SigningKey
    ) {
        let test = try TestOrganization()
        let ann = try await test.join("Ann", weight: 2)
        let bob = try await test.join("Bob", weight: 3)
        let cid = try await test.join("Cid", weight: 4)
        return (test, ann, bob, cid)
    }

    private func winners(_ result: RoundResult) -> [JSONValue]? {
        guard case .object(let outcome) = result.outcome,
            case .array(let winners)? = outcome.first(where: { $0.key == "winners" })?.value
        else { return nil }
        return winners
    }

    private func isYes(_ winners: [JSONValue]?) -> Bool {
        winners == [.string("Yes")] || winners == [.integer(0)]
    }

    @Test("closing a closed round is round_closed (409); closing an unknown round is unknown_round (404)")
    func closeTwice() async throws {
        let test = try TestOrganization()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.close(round)
        try await test.expectRefusal(
            RoundClose(header: test.header(test.steward), round: round), by: test.steward, code: "round_closed",
            .conflict)
        try await test.expectRefusal(
            RoundClose(header: test.header(test.steward), round: unknownID()), by: test.steward,
            code: "unknown_round", .notFound)
    }

    @Test("a round closed on schedule cannot be closed again by a steward (409)")
    func closeAfterScheduledClose() async throws {
        let test = try TestOrganization()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"], closes: test.now + 1_000)
        test.advance(milliseconds: 1_000)
        #expect(await test.organization.closeDueRounds() == 1)
        #expect(await test.organization.closeDueRounds() == 0)
        #expect(try test.round(round).closedBy == "schedule")
        try await test.expectRefusal(
            RoundClose(header: test.header(test.steward), round: round), by: test.steward, code: "round_closed",
            .conflict)
    }

    @Test("nobody may submit a certificate: a member's round.result is log_only (403)")
    func forgedCertificate() async throws {
        let test = try TestOrganization()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let forged = RoundResult(
            header: test.header(test.steward), round: round, electorate: try test.round(round).electorate.commitment,
            checkpoint: RoundResult.LogState(size: 1, root: SHA256.hash([])), method: "plurality", ballots: 0,
            weight: 0, eligibleWeight: 1, quorumMet: true, passed: true, outcome: .object([]),
            counted: RoundResult.countedDigest(of: []), cast: 0)
        try await test.expectRefusal(forged, by: test.steward, code: "log_only", .forbidden)
    }

    @Test(
        "hand-checked: Ann 2 + Bob 3 for Yes, Cid 4 for No; quorum 1/2 met (9 of 10), threshold 2/3 missed (5 of 9)")
    func thresholdMissed() async throws {
        let (test, ann, bob, cid) = try await weightedOrganization()
        let round = try await test.openRound(
            method: "plurality", options: ["Yes", "No"], quorum: Fraction(num: 1, den: 2),
            threshold: Fraction(num: 2, den: 3))
        let opened = try test.round(round)
        #expect(opened.eligibleWeight == 10)
        try await test.vote(round, .ranking([["No"]]), by: ann, sequence: 1)
        let annBallot = try await test.vote(round, .ranking([["Yes"]]), by: ann, sequence: 2)
        let bobBallot = try await test.vote(round, .ranking([["Yes"]]), by: bob)
        let cidBallot = try await test.vote(round, .ranking([["No"]]), by: cid)
        let result = try await test.close(round)
        #expect(result.ballots == 3)
        #expect(result.weight == 9)
        #expect(result.eligibleWeight == 10)
        #expect(result.quorumMet)
        #expect(!result.passed)
        #expect(isYes(winners(result)))
        #expect(result.method == "plurality")
        #expect(result.round == round)
        #expect(result.electorate == opened.electorate.commitment)
        let counted = [annBallot.statement, bobBallot.statement, cidBallot.statement].sorted()
        #expect(result.counted == RoundResult.countedDigest(of: counted))
        // The certificate's checkpoint is the log right after the close: close leaf + 1.
        let closed = try test.round(round)
        let closedLeaf = try #require(closed.closedLeaf)
        #expect(result.checkpoint.size == Int64(closedLeaf) + 1)
        #expect(closed.resultStatement != nil)
        #expect(result.header.author == test.organization.logKey)
    }

    @Test("hand-checked: Ann 2 + Bob 3 for Yes only; quorum exactly met (5 of 10), threshold met (5 of 5): passed")
    func passes() async throws {
        let (test, ann, bob, _) = try await weightedOrganization()
        let round = try await test.openRound(
            method: "plurality", options: ["Yes", "No"], quorum: Fraction(num: 1, den: 2),
            threshold: Fraction(num: 2, den: 3))
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        try await test.vote(round, .ranking([["Yes"]]), by: bob)
        let result = try await test.close(round)
        #expect(result.ballots == 2)
        #expect(result.weight == 5)
        #expect(result.eligibleWeight == 10)
        #expect(result.quorumMet)
        #expect(result.passed)
        #expect(isYes(winners(result)))
    }

    @Test("hand-checked: Cid 4 alone; quorum 1/2 missed (4 of 10): not passed although No wins")
    func quorumMissed() async throws {
        let (test, _, _, cid) = try await weightedOrganization()
        let round = try await test.openRound(
            method: "plurality", options: ["Yes", "No"], quorum: Fraction(num: 1, den: 2))
        try await test.vote(round, .ranking([["No"]]), by: cid)
        let result = try await test.close(round)
        #expect(result.ballots == 1)
        #expect(result.weight == 4)
        #expect(!result.quorumMet)
        #expect(!result.passed)
        let winners = winners(result)
        #expect(winners == [.string("No")] || winners == [.integer(1)])
    }

    @Test("ballots refused after the close are not in the certificate; weights are the frozen ones")
    func frozenWeights() async throws {
        let (test, ann, bob, _) = try await weightedOrganization()
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        // Raising Ann's weight after the open does not change this round.
        try await test.submit(
            MemberWeight(header: test.header(test.steward), member: MemberID(ann.publicKey), weight: 50),
            by: test.steward)
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        try await test.vote(round, .ranking([["No"]]), by: bob)
        let result = try await test.close(round)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: test.steward), by: test.steward, code: "round_closed",
            .conflict)
        #expect(result.ballots == 2)
        #expect(result.weight == 5)
        #expect(result.eligibleWeight == 10)
        let winners = winners(result)
        #expect(winners == [.string("No")] || winners == [.integer(1)])
    }
}
