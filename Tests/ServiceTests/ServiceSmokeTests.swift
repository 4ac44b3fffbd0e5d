import GRDB
import Ledger
import PlenumTestSupport
import Service
import Statements
import Testing

@Suite("A round from open to certificate")
struct ServiceSmokeTests {
    @Test("three voters, plurality: the certificate names the winner and passes")
    func pluralityRound() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        let bobFirst = try await test.vote(round, .ranking([["No"]]), by: bob)
        let bobSecond = try await test.vote(round, .ranking([["Yes"]]), by: bob, sequence: 2)
        try await test.vote(round, .ranking([["No"]]), by: test.steward)
        let result = try await test.close(round)
        // The ballots view: Bob's first ballot is marked superseded by his second, found by leaf.
        let rows = try test.database.read { db in
            try Row.fetchAll(db, sql: "SELECT leaf, voter, sequence, superseded FROM ballots ORDER BY leaf")
        }
        #expect(rows.count == 4)
        let bobRows = rows.filter { $0["voter"] == bob.publicKey.base64url }
        #expect(bobRows.map { $0["leaf"] as Int64 } == [Int64(bobFirst.leaf), Int64(bobSecond.leaf)])
        #expect(bobRows.map { $0["superseded"] as Int64 } == [1, 0])
        #expect(rows.filter { $0["superseded"] == 1 as Int64 }.count == 1)
        #expect(result.ballots == 3)
        #expect(result.weight == 3)
        #expect(result.passed)
        guard case .object(let outcome) = result.outcome,
            case .array(let winners)? = outcome.first(where: { $0.key == "winners" })?.value
        else {
            Issue.record("the outcome has no winners")
            return
        }
        #expect(winners == [.string("Yes")] || winners == [.integer(0)])
    }
}
