import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

/// Issue 7's end-to-end test: members vote between two distribution plans, the winning plan runs
/// on signed contributions, the pool's record verifies offline, and tampering with one
/// contribution fails verification.
@Suite("A distribution decided by a round, recorded and verified")
struct DistributionRecordTests {
    struct Fixture {
        let test: TestOrganization
        let pool: StatementID
        let round: StatementID
        let ann: SigningKey
        let bob: SigningKey
        let cid: SigningKey
    }

    /// 10.00 EUR; hours Ann 3, Bob 3, Cid 1; plans "By hours" (proportional) and "Peer points"
    /// (peer, budget 10); the members choose "By hours" by plurality, 3 votes to 1.
    static func distributed() async throws -> Fixture {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let cid = try await test.join("Cid")
        let pool = try await test.submit(
            PoolCreate(
                header: test.header(test.steward), name: "Spring surplus", amount: "10.00", currency: "EUR", decimals: 2
            ),
            by: test.steward
        ).statement
        try await test.submit(
            PlanCreate(header: test.header(test.steward), pool: pool, title: "By hours", method: "proportional"),
            by: test.steward)
        try await test.submit(
            PlanCreate(
                header: test.header(test.steward), pool: pool, title: "Peer points", method: "peer",
                parameters: ["budget": "10"]), by: test.steward)
        for (key, hours) in [(ann, "3"), (bob, "3"), (cid, "1")] {
            try await test.submit(
                ShareContribution(
                    header: test.header(key), pool: pool, member: MemberID(key.publicKey), amount: hours,
                    note: "spring hours"), by: key)
        }
        try await test.submit(
            ShareAllocation(
                header: test.header(ann), pool: pool, sequence: 1,
                gifts: [MemberID(bob.publicKey): 6, MemberID(cid.publicKey): 4]), by: ann)
        let round = try await test.openRound(method: "plurality", options: ["By hours", "Peer points"])
        for key in [ann, bob, cid] { try await test.vote(round, .ranking([["By hours"]]), by: key) }
        try await test.vote(round, .ranking([["Peer points"]]), by: test.steward)
        try await test.close(round)
        try await test.submit(
            DistributionRun(header: test.header(test.steward), pool: pool, round: round), by: test.steward)
        return Fixture(test: test, pool: pool, round: round, ann: ann, bob: bob, cid: cid)
    }

    static func record(_ fixture: Fixture) async throws -> [[UInt8]] {
        let steward = try fixture.test.organization.read { state throws(ServiceError) in
            try state.member(MemberID(fixture.test.steward.publicKey))
        }
        let export = try fixture.test.organization.record(ofPool: fixture.pool, for: steward)
        var bytes: [UInt8] = []
        try await export.write { bytes += $0 }
        return bytes.split(separator: 0x0A).map(Array.init)
    }

    @Test("the winning plan pays 4.29 / 4.28 / 1.43 by hours, and the record verifies offline")
    func winningPlanRunsAndVerifies() async throws {
        let fixture = try await Self.distributed()
        let pool = try fixture.test.organization.read { state throws(ServiceError) in try state.pool(fixture.pool) }
        let result = try #require(pool.result)
        #expect(
            result.shares[MemberID(fixture.ann.publicKey)].map { $0 + result.shares[MemberID(fixture.bob.publicKey)]! }
                == 857)
        #expect(
            Set([result.shares[MemberID(fixture.ann.publicKey)], result.shares[MemberID(fixture.bob.publicKey)]]) == [
                429, 428,
            ])
        #expect(result.shares[MemberID(fixture.cid.publicKey)] == 143)
        #expect(result.shares.values.reduce(0, +) == 1000)
        #expect(result.inputs == 3)

        let report = RecordVerifier(threads: 2).verify(try await Self.record(fixture)).report
        #expect(report.passed, "\(report.text)")
        #expect(report.checks.contains { $0.name == "distributions recomputed and matching" && $0.count == 1 })
    }

    @Test("a contribution changed in the record fails verification")
    func tamperedContributionFails() async throws {
        let fixture = try await Self.distributed()
        var lines = try await Self.record(fixture)
        let index = try #require(
            lines.firstIndex { line in
                guard case .statement(_, let statement, _)? = try? RecordLine(parsing: line) else { return false }
                return statement.kind == ShareContribution.kind
            })
        guard case .statement(let leaf, let statement, let proof) = try RecordLine(parsing: lines[index]) else {
            return
        }
        let text = String(decoding: statement.payload, as: UTF8.self).replacingOccurrences(
            of: "\"amount\":\"3\"", with: "\"amount\":\"9\"")
        #expect(text != String(decoding: statement.payload, as: UTF8.self))
        let forged = SignedStatement(kind: statement.kind, payload: Array(text.utf8), signature: statement.signature)
        lines[index] = Array(RecordLine.statement(leaf: leaf, statement: forged, proof: proof).bytes.dropLast())
        let report = RecordVerifier(threads: 2).verify(lines).report
        #expect(!report.passed)
        #expect(report.failureCodes.contains("bad_signature"))
        #expect(report.failureCodes.contains("bad_inclusion"))
    }

    @Test("a member may not record someone else's contribution, and plans must differ in title")
    func inputRules() async throws {
        let fixture = try await Self.distributed()
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let pool = try await test.submit(
            PoolCreate(header: test.header(test.steward), name: "P", amount: "1.00", currency: "EUR", decimals: 2),
            by: test.steward
        ).statement
        await #expect(throws: ServiceError.self) {
            try await test.submit(
                ShareContribution(header: test.header(ann), pool: pool, member: MemberID(bob.publicKey), amount: "1"),
                by: ann)
        }
        try await test.submit(
            PlanCreate(header: test.header(test.steward), pool: pool, title: "A", method: "proportional"),
            by: test.steward)
        await #expect(throws: ServiceError.self) {
            try await test.submit(
                PlanCreate(header: test.header(test.steward), pool: pool, title: "A", method: "peer"), by: test.steward)
        }
        // The distributed pool takes no more inputs.
        await #expect(throws: ServiceError.self) {
            try await fixture.test.submit(
                ShareContribution(
                    header: fixture.test.header(fixture.ann), pool: fixture.pool,
                    member: MemberID(fixture.ann.publicKey),
                    amount: "1"), by: fixture.ann)
        }
    }
}
