import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

/// Issue 6, "How it is judged": from a valid record, every tampering fails verification with
/// the code docs/audit-record.md gives it. Each test first checks the untouched record passes.
///
/// Two kinds of tampering: editing the exported lines (what anyone can do to a file: the
/// inclusion proofs then give it away too), and a ``Forgery``, where a holder of the log key
/// re-seals the edited log (new certificate log state, new record checkpoint, every proof
/// recomputed), so only the statements themselves can give it away.
@Suite("Tampered records fail with their own code")
struct RecordTamperTests {
    // MARK: - The untouched record

    @Test("the untouched record, re-encoded line by line or re-sealed unchanged, passes")
    func untouchedPasses() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed, "\(fixture.fixture.verify().text)")
        let record = try EditableRecord(fixture.fixture.lines)
        #expect(record.bytes == fixture.fixture.lines)
        let resealed = try Forgery(fixture).record()
        #expect(fixture.fixture.verify(resealed).passed, "\(fixture.fixture.verify(resealed).text)")
    }

    // MARK: - Ballot bytes

    enum PayloadByte: String, CaseIterable, Sendable {
        case nonce, created, sequence, choice
        var edit: (marker: String, replacement: String) {
            switch self {
            case .nonce: return (#""nonce":""#, "_")
            case .created: return (#""created":"#, "2")
            case .sequence: return (#""sequence":"#, "7")
            case .choice: return (#""ranking":[""#, "Oak")
            }
        }
    }

    @Test("a byte changed in a ballot's payload: bad_signature and bad_inclusion", arguments: PayloadByte.allCases)
    func ballotPayloadByte(_ byte: PayloadByte) async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        // Bob's first ballot (replaced by his second), so the count stays the same.
        let index = try #require(record.ballotIndex(by: fixture.bob))
        let edit = byte.edit
        record.replace(
            at: index,
            statement: record.statement(at: index).statement.replacingPayload(
                after: edit.marker, with: edit.replacement))
        #expect(fixture.codes(record.bytes) == ["bad_signature", "bad_inclusion"])

        // Re-sealed by the log key, the inclusion holds and the signature alone gives it away.
        var forgery = try Forgery(fixture)
        let leaf = try #require(forgery.ballotLeaf(by: fixture.bob))
        forgery.log[leaf] = forgery.log[leaf].replacingPayload(after: edit.marker, with: edit.replacement)
        #expect(fixture.codes(try forgery.record()) == ["bad_signature"])
    }

    @Test("a byte changed in a ballot's signature: bad_signature and bad_inclusion", arguments: [0, 31, 32, 63])
    func ballotSignatureByte(_ byte: Int) async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.ballotIndex(by: fixture.bob))
        record.replace(at: index, statement: try record.statement(at: index).statement.flippingSignature(byte: byte))
        #expect(fixture.codes(record.bytes) == ["bad_signature", "bad_inclusion"])

        var forgery = try Forgery(fixture)
        let leaf = try #require(forgery.ballotLeaf(by: fixture.bob))
        forgery.log[leaf] = try forgery.log[leaf].flippingSignature(byte: byte)
        #expect(fixture.codes(try forgery.record()) == ["bad_signature"])
    }

    // MARK: - Ballots dropped, swapped, duplicated

    @Test("a replaced ballot dropped: cast_mismatch")
    func replacedBallotDropped() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        record.lines.remove(at: try #require(record.ballotIndex(by: fixture.bob)))
        record.recount()
        #expect(fixture.codes(record.bytes) == ["cast_mismatch"])
    }

    @Test("a counted ballot dropped: cast_mismatch and counted_mismatch")
    func countedBallotDropped() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        record.lines.remove(at: try #require(record.ballotIndex(by: fixture.cid)))
        record.recount()
        let codes = fixture.codes(record.bytes)
        #expect(codes.isSuperset(of: ["cast_mismatch", "counted_mismatch"]), "\(codes)")
        #expect(codes.isSubset(of: ["cast_mismatch", "counted_mismatch", "recount_mismatch", "certificate_mismatch"]))
    }

    @Test("two ballot lines swapped: out_of_order")
    func ballotLinesSwapped() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let first = try #require(record.ballotIndex(by: fixture.ann))
        let second = try #require(record.ballotIndex(by: fixture.cid))
        record.lines.swapAt(first, second)
        let codes = fixture.codes(record.bytes)
        #expect(codes.contains("out_of_order"), "\(codes)")
        #expect(!codes.contains("bad_inclusion"), "the lines keep their own leaves and proofs")
        // The line out of order is skipped, so the count misses Cid's ballot.
        #expect(
            codes == ["out_of_order", "cast_mismatch", "counted_mismatch", "recount_mismatch", "certificate_mismatch"])
    }

    @Test("one hash of a ballot's inclusion proof changed, at any height: bad_inclusion")
    func proofHashChanged() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        let original = try EditableRecord(fixture.fixture.lines)
        // The last ballot's line: the lines before it have proven the nodes its proof passes, so
        // a proof through known nodes must still have every hash checked, the highest included.
        let index = try #require(original.ballotIndex(by: fixture.cid))
        let (leaf, _, proof) = original.statement(at: index)
        #expect(proof.count >= 3)
        for position in proof.indices {
            var record = original
            var changed = proof
            changed[position] = SHA256.hash("not the node at \(position)")
            record.replace(at: index, proof: changed)
            // Split across two threads in blocks of two lines, and on one thread that sees every
            // line before it (so its path surely meets nodes already proven).
            for verifier in [nil, RecordVerifier(threads: 1, chunk: 64, block: 64)] {
                let failures =
                    verifier.map { $0.verify(record.bytes).report.failures }
                    ?? fixture.fixture.verify(record.bytes).failures
                #expect(failures.map(\.code) == ["bad_inclusion"], "position \(position)")
                #expect(failures.map(\.leaf) == [leaf], "position \(position)")
            }
        }
    }

    @Test("two ballots' entries swapped, leaves kept: bad_inclusion")
    func ballotEntriesSwapped() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let first = try #require(record.ballotIndex(by: fixture.ann))
        let second = try #require(record.ballotIndex(by: fixture.cid))
        let (a, b) = (record.statement(at: first).statement, record.statement(at: second).statement)
        record.replace(at: first, statement: b)
        record.replace(at: second, statement: a)
        let failures = fixture.fixture.verify(record.bytes).failures
        #expect(Set(failures.map(\.code)) == ["bad_inclusion"])
        #expect(
            Set(failures.compactMap(\.leaf)) == [record.statement(at: first).leaf, record.statement(at: second).leaf])
    }

    @Test("a voter's two ballots swapped in a re-sealed log: stale_sequence")
    func sequenceSwappedInForgery() async throws {
        let fixture = try await TamperFixture.make()
        var forgery = try Forgery(fixture)
        let first = try #require(forgery.ballotLeaf(by: fixture.bob, sequence: 1))
        let second = try #require(forgery.ballotLeaf(by: fixture.bob, sequence: 2))
        forgery.log.swapAt(first, second)
        #expect(fixture.codes(try forgery.record()) == ["stale_sequence"])
    }

    @Test("a ballot duplicated: duplicate_statement", arguments: [false, true])
    func ballotDuplicated(endCountFixed: Bool) async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.ballotIndex(by: fixture.cid))
        record.lines.insert(record.lines[index], at: index + 1)
        if endCountFixed { record.recount() }
        #expect(
            fixture.codes(record.bytes)
                == (endCountFixed ? ["duplicate_statement"] : ["duplicate_statement", "end_count"]))
    }

    @Test("the same ballot at a second leaf of a re-sealed log: duplicate_statement")
    func ballotReplayedInForgery() async throws {
        let fixture = try await TamperFixture.make()
        var forgery = try Forgery(fixture)
        let leaf = try #require(forgery.ballotLeaf(by: fixture.cid))
        forgery.log.insert(forgery.log[leaf], at: leaf + 1)
        #expect(fixture.codes(try forgery.record { $0.cast += 1 }) == ["duplicate_statement", "cast_mismatch"])
    }

    /// The same signed statement replayed at a second leaf (which the service refuses) is caught
    /// by its id even when a holder of the log key re-seals the log with it.
    @Test(
        "the same membership or proposal statement at a second leaf of a re-sealed log: duplicate_statement",
        arguments: ["member.invite", "proposal.create"])
    func statementReplayedInForgery(kind: String) async throws {
        let fixture = try await TamperFixture.make()
        var forgery = try Forgery(fixture)
        let leaf = try #require(forgery.log.lastIndex { $0.kind.name == kind })
        forgery.log.insert(forgery.log[leaf], at: leaf + 1)
        let codes = fixture.codes(try forgery.record())
        #expect(codes.contains("duplicate_statement"), "\(codes)")
    }

    // MARK: - Ballots that do not belong

    @Test("a ballot of another round, with its real inclusion proof: ballot_other_round")
    func ballotOfAnotherRound() async throws {
        let fixture = try await TamperFixture.make(otherRound: true)
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let receipt = try #require(fixture.otherRoundBallot)
        let size = record.header.checkpoint.checkpoint.size
        let statement = try fixture.test.organization.statement(receipt.statement).statement
        let proof = try fixture.test.organization.inclusionProof(leaf: receipt.leaf, size: size)
        record.insert(leaf: receipt.leaf, statement: statement, proof: proof.path)
        record.recount()
        let codes = fixture.codes(record.bytes)
        #expect(codes.contains("ballot_other_round"), "\(codes)")
        #expect(!codes.contains("bad_inclusion"), "the proof is the log's own, against the same checkpoint")
        // It is not counted among the round's ballot statements, so `cast` still matches.
        #expect(codes == ["ballot_other_round"], "\(codes)")
    }

    @Test("a ballot by a fresh key, in another statement's leaf: bad_inclusion and invalid_key")
    func ballotByFreshKey() async throws {
        let fixture = try await TamperFixture.make(otherRound: true)
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        // The only leaves below the close not in the record are the other round's; take the
        // ballot's leaf and its real proof.
        let receipt = try #require(fixture.otherRoundBallot)
        let size = record.header.checkpoint.checkpoint.size
        let proof = try fixture.test.organization.inclusionProof(leaf: receipt.leaf, size: size)
        let stranger = try SigningKey.generate()
        record.insert(leaf: receipt.leaf, statement: try fixture.ballot(by: stranger), proof: proof.path)
        record.recount()
        let codes = fixture.codes(record.bytes)
        #expect(codes.isSuperset(of: ["bad_inclusion", "invalid_key"]), "\(codes)")
        #expect(codes.isSubset(of: ["bad_inclusion", "invalid_key", "cast_mismatch"]), "\(codes)")

        // Re-sealed (and the certificate's cast raised to match), only the key gives it away.
        // (A fixture without the other round, whose statements a re-sealed record would hold.)
        let plain = try await TamperFixture.make()
        var forgery = try Forgery(plain)
        forgery.log.insert(try plain.ballot(by: stranger), at: forgery.closeLeaf)
        #expect(plain.codes(try forgery.record { $0.cast += 1 }) == ["invalid_key"])
    }

    @Test("a ballot by a member who joined after the open: outside_electorate")
    func ballotByLatecomer() async throws {
        let fixture = try await TamperFixture.make(latecomer: true)
        #expect(fixture.fixture.verify().passed)
        let dan = try #require(fixture.latecomer)
        var forgery = try Forgery(fixture)
        forgery.log.insert(try fixture.ballot(by: dan), at: forgery.closeLeaf)
        #expect(fixture.codes(try forgery.record { $0.cast += 1 }) == ["outside_electorate"])
    }

    @Test("a ballot after the close: the service refuses it, and a crafted line is ballot_after_close")
    func ballotAfterClose() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        await #expect(throws: ServiceError.self) {
            try await fixture.test.vote(fixture.round, .ranking([["Oak"]]), by: fixture.cid, sequence: 2)
        }

        // A ballot line moved after the certificate, its leaf renumbered past the close.
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.ballotIndex(by: fixture.bob))
        let moved = record.statement(at: index)
        record.lines.remove(at: index)
        let size = record.header.checkpoint.checkpoint.size
        record.insert(leaf: size, statement: moved.statement, proof: moved.proof)
        let codes = fixture.codes(record.bytes)
        #expect(codes.isSuperset(of: ["ballot_after_close", "bad_inclusion"]), "\(codes)")

        // A new ballot appended to a re-sealed log after the certificate.
        var forgery = try Forgery(fixture)
        forgery.log.append(try fixture.ballot(by: fixture.cid, sequence: 2))
        #expect(fixture.codes(try forgery.record { $0.cast += 1 }) == ["ballot_after_close"])
    }

    // MARK: - Checkpoints

    @Test("the record checkpoint signed by another key: checkpoint_signature")
    func forgedCheckpoint() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let other = try SigningKey.generate()
        record.header = record.header.with(checkpoint: record.header.checkpoint.checkpoint.signed(with: other))
        #expect(fixture.codes(record.bytes) == ["checkpoint_signature"])
    }

    @Test("the record checkpoint of another origin, signed by the log key: checkpoint_origin")
    func otherOriginCheckpoint() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        var checkpoint = record.header.checkpoint.checkpoint
        checkpoint.origin = "plenum.test/other-org"
        record.header = record.header.with(checkpoint: checkpoint.signed(with: fixture.test.logKey))
        #expect(fixture.codes(record.bytes) == ["checkpoint_origin"])
    }

    enum ConsistencyEdit: String, CaseIterable, Sendable {
        case pathByte, pathShorter, pathLonger, fromLower, fromHigher, toLower
    }

    @Test("the consistency line tampered: inconsistent_checkpoints", arguments: ConsistencyEdit.allCases)
    func inconsistentCheckpoints(_ edit: ConsistencyEdit) async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.consistencyIndex)
        guard case .consistency(var proof) = record.lines[index] else { throw CancellationError() }
        try #require(!proof.path.isEmpty)
        switch edit {
        case .pathByte:
            var bytes = proof.path[0].bytes
            bytes[0] ^= 0x01
            proof.path[0] = try SHA256Digest(bytes: bytes)
        case .pathShorter: proof.path.removeLast()
        case .pathLonger: proof.path.append(proof.path[0])
        case .fromLower: proof.oldSize -= 1
        case .fromHigher: proof.oldSize += 1
        case .toLower: proof.newSize -= 1
        }
        record.lines[index] = .consistency(proof)
        #expect(fixture.codes(record.bytes) == ["inconsistent_checkpoints"])
    }

    @Test("the consistency line removed: missing_consistency")
    func consistencyRemoved() async throws {
        let fixture = try await TamperFixture.make()
        var record = try EditableRecord(fixture.fixture.lines)
        record.lines.remove(at: try #require(record.consistencyIndex))
        #expect(fixture.codes(record.bytes) == ["missing_consistency"])
    }

    // MARK: - The certificate

    @Test("a certificate with another outcome, re-signed with the log key: recount_mismatch")
    func certificateOtherOutcome() async throws {
        let fixture = try await TamperFixture.make()
        #expect(fixture.fixture.verify().passed)
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.indexes(of: RoundResult.kind).first)
        var result = try record.statement(at: index).statement.open(as: RoundResult.self, context: recordContext)
            .payload
        result.outcome = otherWinner(result.outcome)
        record.replace(at: index, statement: fixture.test.sign(result, fixture.test.logKey))
        #expect(fixture.codes(record.bytes) == ["bad_inclusion", "recount_mismatch"])

        let forged = try Forgery(fixture).record { $0.outcome = otherWinner($0.outcome) }
        #expect(fixture.codes(forged) == ["recount_mismatch"])
    }

    @Test("a certificate with another outcome, not re-signed: bad_signature")
    func certificateNotResigned() async throws {
        let fixture = try await TamperFixture.make()
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.indexes(of: RoundResult.kind).first)
        let statement = record.statement(at: index).statement
        var result = try statement.open(as: RoundResult.self, context: recordContext).payload
        result.outcome = otherWinner(result.outcome)
        record.replace(
            at: index,
            statement: SignedStatement(
                kind: statement.kind, payload: result.canonicalBytes, signature: statement.signature))
        let codes = fixture.codes(record.bytes)
        #expect(codes.contains("bad_signature"), "\(codes)")
        // Without a certificate that opens, the record has none to recount against.
        #expect(codes == ["bad_signature", "bad_inclusion", "missing_certificate"], "\(codes)")
    }

    @Test("a certificate signed by a steward's or a member's key: certificate_signer", arguments: [true, false])
    func certificateSignedByOther(steward: Bool) async throws {
        let fixture = try await TamperFixture.make()
        let signer = steward ? fixture.test.steward : fixture.ann
        var record = try EditableRecord(fixture.fixture.lines)
        let index = try #require(record.indexes(of: RoundResult.kind).first)
        var result = try record.statement(at: index).statement.open(as: RoundResult.self, context: recordContext)
            .payload
        result.header.author = signer.publicKey
        record.replace(at: index, statement: fixture.test.sign(result, signer))
        let codes = fixture.codes(record.bytes)
        #expect(codes.contains("certificate_signer"), "\(codes)")
        #expect(codes == ["bad_inclusion", "certificate_signer", "missing_certificate"], "\(codes)")

        let forged = try Forgery(fixture).record(signer: signer)
        #expect(fixture.codes(forged) == ["certificate_signer", "missing_certificate"])
    }

    @Test("a certificate for another round, re-sealed: certificate_round and missing_certificate")
    func certificateOtherRound() async throws {
        let fixture = try await TamperFixture.make()
        let forged = try Forgery(fixture).record { $0.round = StatementID(SHA256.hash(Array("other".utf8))) }
        #expect(fixture.codes(forged) == ["certificate_round", "missing_certificate"])
    }

    @Test("a certificate naming another electorate, re-sealed: certificate_electorate")
    func certificateOtherElectorate() async throws {
        let fixture = try await TamperFixture.make()
        let forged = try Forgery(fixture).record { $0.electorate = SHA256.hash(Array("other".utf8)) }
        #expect(fixture.codes(forged) == ["certificate_electorate"])
    }

    @Test("a certificate naming another log size, re-sealed: certificate_checkpoint")
    func certificateOtherSize() async throws {
        let fixture = try await TamperFixture.make()
        let forged = try Forgery(fixture).record { $0.checkpoint.size -= 1 }
        #expect(fixture.codes(forged) == ["certificate_checkpoint", "inconsistent_checkpoints"])
    }

    // MARK: - Truncation

    @Test("a record cut before its end line: missing_end", arguments: [1, 2, 3])
    func truncated(dropped: Int) async throws {
        let fixture = try await TamperFixture.make()
        let lines = Array(fixture.fixture.lines.dropLast(dropped))
        let codes = fixture.codes(lines)
        #expect(codes.contains("missing_end"), "\(codes)")
        switch dropped {
        case 1: #expect(codes == ["missing_end"])
        case 2: #expect(codes == ["missing_end", "missing_consistency"])
        default: #expect(codes.contains("missing_certificate"))
        }
    }

    @Test("a record cut in the middle of a line: missing_end")
    func truncatedMidLine() async throws {
        let fixture = try await TamperFixture.make()
        var lines = fixture.fixture.lines
        let statements = lines.count - 2
        lines = Array(lines.prefix(statements))
        lines[statements - 1] = Array(lines[statements - 1].prefix(40))
        let codes = fixture.codes(lines)
        #expect(codes.isSuperset(of: ["missing_end", "bad_line"]), "\(codes)")
    }

    @Test("an end line with another count: end_count", arguments: [-1, 1])
    func endCount(delta: Int) async throws {
        let fixture = try await TamperFixture.make()
        var record = try EditableRecord(fixture.fixture.lines)
        guard case .end(let count) = record.lines[record.lines.count - 1] else { throw CancellationError() }
        record.lines[record.lines.count - 1] = .end(statements: count + delta)
        #expect(fixture.codes(record.bytes) == ["end_count"])
    }
}

extension RecordHeader {
    /// The header with another record checkpoint.
    func with(checkpoint: SignedCheckpoint) -> RecordHeader {
        RecordHeader(organization: organization, origin: origin, logKey: logKey, round: round, checkpoint: checkpoint)
    }
}

/// The outcome with another winner (winners are option indexes).
func otherWinner(_ outcome: JSONValue) -> JSONValue {
    guard case .object(var members) = outcome, let index = members.firstIndex(where: { $0.key == "winners" }) else {
        preconditionFailure("an outcome without winners")
    }
    let winner: Int64 = members[index].value == .array([.integer(0)]) ? 1 : 0
    members[index].value = .array([.integer(winner)])
    return .object(members)
}
