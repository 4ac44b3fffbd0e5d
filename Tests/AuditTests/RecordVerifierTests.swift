import Audit
import Ledger
import Statements
import Testing

@Suite("A record exported by the service verifies")
struct RecordVerifierTests {
    @Test("the record of a closed round passes every check, with the counts a person can follow")
    func validRecordPasses() async throws {
        let fixture = try await RecordFixture.make()
        let report = fixture.verify()
        #expect(report.passed, "\(report.text)")
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.count) })
        #expect(checks["ballots checked (round, revision, key, electorate, sequence, choice)"] == 5)
        #expect(checks["recounts matching the certificate's outcome"] == 1)
        // org.create + 3 × (invite, join)
        #expect(checks["membership statements replayed"] == 7)
    }

    @Test("a record taken while other rounds go on still verifies")
    func recordWithOtherActivity() async throws {
        let fixture = try await RecordFixture.make(extraRound: true)
        #expect(fixture.verify().passed)
    }
}
