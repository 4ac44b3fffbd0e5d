import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

/// `plenum audit verify NEWER --against OLDER`: two records of the same round, exported before
/// and after the log grew, compare clean; a rewritten statement or a missing proof does not.
@Suite("Two records of the same round, compared")
struct RecordComparisonTests {
    /// The fixture's record, then the log grown by a few statements, then a newer record of the
    /// same round (with a proof from the older record's size when `since`).
    struct TwoRecords {
        let fixture: TamperFixture
        let older: [[UInt8]]
        let newer: [[UInt8]]
        let olderSize: UInt64

        static func make(since: Bool = true) async throws -> TwoRecords {
            let fixture = try await TamperFixture.make()
            let older = fixture.fixture.lines
            let olderSize = try EditableRecord(older).header.checkpoint.checkpoint.size
            let test = fixture.test
            let eve = try await test.join("Eve")
            try await test.submit(
                ProposalCreate(header: test.header(eve), title: "Pond", text: "Dig a pond."), by: eve)
            let other = try await test.openRound(method: "plurality", options: ["Yes", "No"])
            try await test.vote(other, .ranking([["Yes"]]), by: eve)
            let newer = try await RecordFixture.export(test, fixture.round, since: since ? olderSize : nil)
            return TwoRecords(fixture: fixture, older: older, newer: newer, olderSize: olderSize)
        }

        func compare(newer: [[UInt8]]? = nil, older: [[UInt8]]? = nil) -> AuditReport {
            let verifier = RecordVerifier(threads: 2, chunk: 3)
            let newer = newer ?? self.newer
            let older = older ?? self.older
            return RecordComparison.compare(
                newer: verifier.verify(newer), newerLines: newer, older: verifier.verify(older), olderLines: older)
        }
    }

    @Test("records exported before and after the log grew compare clean")
    func sameRoundCompares() async throws {
        let records = try await TwoRecords.make()
        #expect(records.fixture.fixture.verify(records.older).passed)
        let newerReport = records.fixture.fixture.verify(records.newer)
        #expect(newerReport.passed, "\(newerReport.text)")
        let newSize = try EditableRecord(records.newer).header.checkpoint.checkpoint.size
        #expect(newSize > records.olderSize)
        let report = records.compare()
        #expect(report.passed, "\(report.text)")
        #expect(report.checks.contains { $0.name.hasPrefix("consistency proofs") && $0.count == 1 })
        let statements = try EditableRecord(records.older).lines.compactMap(\.statementParts).count
        #expect(report.checks.first { $0.name == "statements identical in both records" }?.count == statements)
    }

    @Test("a statement rewritten in the older record: rewritten_statement", arguments: [false, true])
    func rewrittenStatement(ballot: Bool) async throws {
        let records = try await TwoRecords.make()
        var older = try EditableRecord(records.older)
        let index =
            ballot
            ? try #require(older.ballotIndex(by: records.fixture.cid))
            : try #require(older.indexes(of: RoundResult.kind).first)
        let leaf = older.statement(at: index).leaf
        // Re-signed by its own author's key where the test holds it, so it is a well-signed rewrite.
        let statement = older.statement(at: index).statement
        if ballot {
            older.replace(
                at: index, statement: try records.fixture.ballot(by: records.fixture.cid, choice: .ranking([["Oak"]])))
        } else {
            var result = try statement.open(as: RoundResult.self, context: recordContext).payload
            result.outcome = otherWinner(result.outcome)
            older.replace(at: index, statement: records.fixture.test.sign(result, records.fixture.test.logKey))
        }
        let report = records.compare(older: older.bytes)
        #expect(report.failureCodes == ["rewritten_statement"], "\(report.text)")
        #expect(report.failures.first?.leaf == leaf)
    }

    @Test("a newer record without a proof from the older size: no_consistency_proof")
    func noConsistencyProof() async throws {
        let records = try await TwoRecords.make(since: false)
        #expect(records.fixture.fixture.verify(records.newer).passed)
        let report = records.compare()
        #expect(report.failureCodes == ["no_consistency_proof"], "\(report.text)")
    }

    @Test("a newer record's proof from the older size tampered: not_a_prefix")
    func tamperedSinceProof() async throws {
        let records = try await TwoRecords.make()
        var newer = try EditableRecord(records.newer)
        let index = try #require(
            newer.lines.lastIndex { line in
                if case .consistency(let proof) = line { proof.oldSize == records.olderSize } else { false }
            })
        guard case .consistency(var proof) = newer.lines[index] else { throw CancellationError() }
        try #require(!proof.path.isEmpty)
        var bytes = proof.path[0].bytes
        bytes[0] ^= 0x01
        proof.path[0] = try SHA256Digest(bytes: bytes)
        newer.lines[index] = .consistency(proof)
        let report = records.compare(newer: newer.bytes)
        #expect(report.failureCodes == ["not_a_prefix"], "\(report.text)")
    }

    @Test("a ballot dropped from a log re-sealed with the log key passes alone, not against an older record")
    func resealedLogAgainstOlder() async throws {
        let fixture = try await TamperFixture.make()
        var forgery = try Forgery(fixture)
        forgery.log.remove(at: try #require(forgery.ballotLeaf(by: fixture.bob)))
        let forged = try forgery.record { $0.cast -= 1 }
        #expect(fixture.fixture.verify(forged).passed)
        let verifier = RecordVerifier(threads: 2, chunk: 3)
        let report = RecordComparison.compare(
            newer: verifier.verify(forged), newerLines: forged, older: verifier.verify(fixture.fixture.lines),
            olderLines: fixture.fixture.lines)
        #expect(report.failureCodes == ["not_a_prefix", "rewritten_statement", "missing_statement"], "\(report.text)")
    }
}
