import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("Membership changes while a round is open")
struct MembershipDuringRoundTests {
    @Test("a key rotated after the open votes for its member; a member suspended and reinstated keeps one ballot")
    func rotationAndSuspensionAfterTheOpen() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.vote(round, .ranking([["No"]]), by: ann)
        try await test.vote(round, .ranking([["No"]]), by: bob)
        // Bob rotates his key after the open and votes again with the new one.
        let bobNext = try SigningKey.generate()
        try await test.submit(KeyRotate(header: test.header(bob), newKey: bobNext.publicKey), by: bob)
        try await test.vote(round, .ranking([["Yes"]]), by: bobNext, sequence: 2)
        // Ann is suspended and reinstated, then replaces her ballot.
        let annID = MemberID(ann.publicKey)
        try await test.submit(
            MemberSuspend(header: test.header(test.steward), member: annID, reason: "Checking"), by: test.steward)
        try await test.submit(MemberReinstate(header: test.header(test.steward), member: annID), by: test.steward)
        try await test.vote(round, .ranking([["Yes"]]), by: ann, sequence: 2)
        let result = try await test.close(round)
        #expect(result.ballots == 2)

        let lines = try await RecordFixture.export(test, round)
        let report = RecordVerifier(threads: 2, chunk: 3, block: 2).verify(lines).report
        #expect(report.passed, "\(report.text)")
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.count) })
        #expect(checks["ballots checked (round, revision, key, electorate, sequence, choice)"] == 4)
        #expect(checks["recounts matching the certificate's outcome"] == 1)

        // The premise: Bob's old key no longer speaks for him once rotated.
        let stale = test.sign(
            BallotCast(header: test.header(bob), round: round, revision: nil, sequence: 3, choice: .ranking([["No"]])),
            bob)
        await #expect(throws: ServiceError.self) { _ = try await test.organization.submit(stale) }
    }
}
