import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements

/// A closed round's record for the audit tests: an organization with a few members (one with
/// weight 2, one who rotated their key), a proposal revision, a ranked round with a replaced
/// ballot, closed with its certificate; exported as record lines through the service.
struct RecordFixture {
    let test: TestOrganization
    let round: StatementID
    let lines: [[UInt8]]
    let members: [SigningKey]

    static func make(method: String = "instant-runoff", extraRound: Bool = false) async throws -> RecordFixture {
        let test = try TestOrganization()
        let ann = try await test.join("Ann", weight: 2)
        let bob = try await test.join("Bob")
        let cid = try await test.join("Cid")
        let proposal = try await test.submit(
            ProposalCreate(header: test.header(bob), title: "Garden", text: "Plant trees."), by: bob
        ).statement
        let round = try await test.openRound(method: method, options: ["Oak", "Elm", "Ash"], proposal: proposal)
        try await test.vote(round, .ranking([["Oak"], ["Elm"]]), by: ann)
        try await test.vote(round, .ranking([["Elm"]]), by: bob)
        try await test.vote(round, .ranking([["Ash"], ["Oak"]]), by: bob, sequence: 2)
        try await test.vote(round, .ranking([["Elm"], ["Ash"]]), by: cid)
        try await test.vote(round, .ranking([["Ash"]]), by: test.steward)
        if extraRound {
            let other = try await test.openRound(method: "plurality", options: ["Yes", "No"])
            try await test.vote(other, .ranking([["Yes"]]), by: ann)
        }
        try await test.close(round)
        return RecordFixture(test: test, round: round, lines: try await export(test, round), members: [ann, bob, cid])
    }

    /// The round's record as lines (without newlines), exported by the steward.
    static func export(_ test: TestOrganization, _ round: StatementID, since: UInt64? = nil) async throws -> [[UInt8]] {
        let steward = try test.organization.read { state throws(ServiceError) in
            try state.member(MemberID(test.steward.publicKey))
        }
        let export = try test.organization.record(of: round, for: steward, since: since)
        var bytes: [UInt8] = []
        try await export.write { bytes += $0 }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    func verify(_ lines: [[UInt8]]? = nil) -> AuditReport {
        RecordVerifier(threads: 2, chunk: 5, block: 2).verify(lines ?? self.lines).report
    }
}
