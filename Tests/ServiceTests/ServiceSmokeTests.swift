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
        try await test.vote(round, .ranking([["No"]]), by: bob)
        try await test.vote(round, .ranking([["Yes"]]), by: bob, sequence: 2)
        try await test.vote(round, .ranking([["No"]]), by: test.steward)
        let result = try await test.close(round)
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
