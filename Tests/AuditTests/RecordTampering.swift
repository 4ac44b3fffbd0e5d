import Audit
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements

/// The fixture of ``RecordFixture`` with what the tamper tests need besides: optionally a second
/// round with a ballot in the same log (its receipt kept), and optionally a member who joined
/// after the round opened (outside its frozen electorate, but in the record's membership).
struct TamperFixture {
    let fixture: RecordFixture
    /// Ann's ballot in another round, cast while the fixture's round was open.
    let otherRoundBallot: Receipt?
    /// A member who joined after the open.
    let latecomer: SigningKey?

    var test: TestOrganization { fixture.test }
    var round: StatementID { fixture.round }
    var ann: SigningKey { fixture.members[0] }
    var bob: SigningKey { fixture.members[1] }
    var cid: SigningKey { fixture.members[2] }

    static func make(otherRound: Bool = false, latecomer: Bool = false) async throws -> TamperFixture {
        let test = try TestOrganization()
        let ann = try await test.join("Ann", weight: 2)
        let bob = try await test.join("Bob")
        let cid = try await test.join("Cid")
        let proposal = try await test.submit(
            ProposalCreate(header: test.header(bob), title: "Garden", text: "Plant trees."), by: bob
        ).statement
        let round = try await test.openRound(
            method: "instant-runoff", options: ["Oak", "Elm", "Ash"], proposal: proposal)
        try await test.vote(round, .ranking([["Oak"], ["Elm"]]), by: ann)
        try await test.vote(round, .ranking([["Elm"]]), by: bob)
        try await test.vote(round, .ranking([["Ash"], ["Oak"]]), by: bob, sequence: 2)
        try await test.vote(round, .ranking([["Elm"], ["Ash"]]), by: cid)
        try await test.vote(round, .ranking([["Ash"]]), by: test.steward)
        var otherRoundBallot: Receipt?
        if otherRound {
            let other = try await test.openRound(method: "plurality", options: ["Yes", "No"])
            otherRoundBallot = try await test.vote(other, .ranking([["Yes"]]), by: ann)
        }
        var late: SigningKey?
        if latecomer { late = try await test.join("Dan") }
        try await test.close(round)
        let lines = try await RecordFixture.export(test, round)
        return TamperFixture(
            fixture: RecordFixture(test: test, round: round, lines: lines, members: [ann, bob, cid]),
            otherRoundBallot: otherRoundBallot, latecomer: late)
    }

    /// The round's revision (what its ballots must name).
    func revision() throws -> StatementID? {
        try test.organization.read { state throws(ServiceError) in try state.round(round).parameters.revision }
    }

    /// A ballot for the fixture's round signed by `key` (never submitted).
    func ballot(
        by key: SigningKey, sequence: Int64 = 1, choice: BallotChoice = .ranking([["Oak"]])
    ) throws
        -> SignedStatement
    {
        test.sign(
            BallotCast(
                header: test.header(key), round: round, revision: try revision(), sequence: sequence, choice: choice),
            key)
    }

    /// The codes the verifier reports for `lines`.
    func codes(_ lines: [[UInt8]]) -> Set<String> {
        fixture.verify(lines).failureCodes
    }
}

/// How a statement is opened in these tests: the record's organization, no time window.
let recordContext = VerificationContext(organization: TestOrganization.id, now: 0, window: nil)

extension RecordLine {
    /// The parts of a statement line, or nil for another line.
    var statementParts: (leaf: UInt64, statement: SignedStatement, proof: [SHA256Digest])? {
        if case .statement(let leaf, let statement, let proof) = self { return (leaf, statement, proof) }
        return nil
    }

    /// The line's bytes without the newline, as the verifier reads them.
    var line: [UInt8] { Array(bytes.dropLast()) }
}

/// A record as parsed lines, edited line by line and written back.
struct EditableRecord {
    var lines: [RecordLine]

    init(_ bytes: [[UInt8]]) throws {
        lines = try bytes.map { bytes throws in try RecordLine(parsing: bytes) }
    }

    /// The record's lines, as the verifier reads them.
    var bytes: [[UInt8]] { lines.map(\.line) }

    var header: RecordHeader {
        get {
            guard case .header(let header) = lines[0] else { preconditionFailure("no header") }
            return header
        }
        set { lines[0] = .header(newValue) }
    }

    /// The index of the line holding the statement at `leaf`.
    func index(ofLeaf leaf: UInt64) -> Int? {
        lines.firstIndex { $0.statementParts?.leaf == leaf }
    }

    /// The indexes of the statement lines of `kind`, in record order.
    func indexes(of kind: StatementKind) -> [Int] {
        lines.indices.filter { lines[$0].statementParts?.statement.kind == kind }
    }

    /// The index of the ballot line by `key` with `sequence`.
    func ballotIndex(by key: SigningKey, sequence: Int64 = 1) -> Int? {
        indexes(of: BallotCast.kind).first { index in
            guard let statement = lines[index].statementParts?.statement,
                let ballot = try? statement.open(as: BallotCast.self, context: recordContext).payload
            else { return false }
            return ballot.header.author == key.publicKey && ballot.sequence == sequence
        }
    }

    /// The statement line at `index`.
    func statement(at index: Int) -> (leaf: UInt64, statement: SignedStatement, proof: [SHA256Digest]) {
        guard let parts = lines[index].statementParts else { preconditionFailure("line \(index) is no statement") }
        return parts
    }

    /// Replaces the statement at `index`, keeping its leaf and proof unless given.
    mutating func replace(
        at index: Int, statement: SignedStatement? = nil, leaf: UInt64? = nil, proof: [SHA256Digest]? = nil
    ) {
        let old = self.statement(at: index)
        lines[index] = .statement(
            leaf: leaf ?? old.leaf, statement: statement ?? old.statement, proof: proof ?? old.proof)
    }

    /// Inserts a statement line where its leaf belongs.
    mutating func insert(leaf: UInt64, statement: SignedStatement, proof: [SHA256Digest]) {
        let index =
            lines.indices.first { index in
                switch lines[index] {
                case .statement(let other, _, _): return other > leaf
                case .consistency, .end: return true
                case .header: return false
                }
            } ?? lines.count
        lines.insert(.statement(leaf: leaf, statement: statement, proof: proof), at: index)
    }

    /// Sets the end line to the number of statement lines.
    mutating func recount() {
        let count = lines.filter { $0.statementParts != nil }.count
        if let index = lines.firstIndex(where: { if case .end = $0 { true } else { false } }) {
            lines[index] = .end(statements: count)
        }
    }

    /// The index of the first consistency line.
    var consistencyIndex: Int? {
        lines.firstIndex { if case .consistency = $0 { true } else { false } }
    }
}

extension SignedStatement {
    /// The statement with its payload's first `marker` occurrence followed by `replacement` in
    /// place of the bytes after it, keeping the signature: what changing bytes on disk does.
    func replacingPayload(after marker: String, with replacement: String) -> SignedStatement {
        let marker = Array(marker.utf8)
        let replacement = Array(replacement.utf8)
        guard let start = payload.indices.first(where: { payload[$0...].starts(with: marker) }) else {
            preconditionFailure("no \(String(decoding: marker, as: UTF8.self)) in the payload")
        }
        var bytes = payload
        let from = start + marker.count
        precondition(Array(bytes[from..<(from + replacement.count)]) != replacement, "the bytes would not change")
        bytes.replaceSubrange(from..<(from + replacement.count), with: replacement)
        return SignedStatement(kind: kind, payload: bytes, signature: signature)
    }

    /// The statement with one byte of its signature changed.
    func flippingSignature(byte index: Int) throws -> SignedStatement {
        var bytes = signature.bytes
        bytes[index] ^= 0x01
        return SignedStatement(kind: kind, payload: payload, signature: try Signature(bytes: bytes))
    }
}

/// A record re-sealed the way only a holder of the log key could: the whole log, edited, the certificate re-issued on the edited log, a
/// new record checkpoint signed with the log key and every proof recomputed. What it reports is
/// what the verifier finds from the statements alone, with every inclusion and consistency
/// proof valid.
struct Forgery {
    let header: RecordHeader
    let logKey: SigningKey
    /// Every statement of the log, by leaf.
    var log: [SignedStatement]

    /// The fixture's log: the statements of its record, and any leaf the record skips (another
    /// round's) read from the service.
    init(_ fixture: TamperFixture) throws {
        let record = try EditableRecord(fixture.fixture.lines)
        header = record.header
        logKey = fixture.test.logKey
        var byLeaf: [UInt64: SignedStatement] = [:]
        for parts in record.lines.compactMap(\.statementParts) { byLeaf[parts.leaf] = parts.statement }
        let organization = fixture.test.organization
        let ids = try organization.read { state throws(ServiceError) in state.leaves }
        for (id, leaf) in ids where byLeaf[leaf] == nil && leaf < header.checkpoint.checkpoint.size {
            byLeaf[leaf] = try organization.statement(id).statement
        }
        log = try (0..<header.checkpoint.checkpoint.size).map { leaf throws in
            guard let statement = byLeaf[leaf] else { throw ForgeryError.missingLeaf(leaf) }
            return statement
        }
    }

    enum ForgeryError: Error { case missingLeaf(UInt64) }

    var closeLeaf: Int { log.firstIndex { $0.kind == RoundClose.kind }! }

    /// The re-sealed record. The certificate names the edited log right after the close, then
    /// `edit` changes it, and `signer` (the log key unless given) signs it as its author.
    func record(
        certificate edit: (inout RoundResult) -> Void = { _ in }, signer: SigningKey? = nil
    ) throws
        -> [[UInt8]]
    {
        var log = self.log
        let close = closeLeaf
        guard let resultLeaf = log.firstIndex(where: { $0.kind == RoundResult.kind }) else {
            preconditionFailure("no certificate")
        }
        let atClose = MerkleTree(leafHashes: log[0...close].map(\.leafHash))
        var result = try log[resultLeaf].open(as: RoundResult.self, context: recordContext).payload
        result.checkpoint = RoundResult.LogState(size: Int64(close + 1), root: atClose.root)
        edit(&result)
        let signer = signer ?? logKey
        result.header.author = signer.publicKey
        log[resultLeaf] = SignedStatement(signing: result.canonicalBytes, as: RoundResult.kind, with: signer)

        let tree = MerkleTree(leafHashes: log.map(\.leafHash))
        let size = tree.size
        let checkpoint = try Checkpoint(origin: header.origin, size: size, root: tree.root).signed(with: logKey)
        var lines: [RecordLine] = [
            .header(
                RecordHeader(
                    organization: header.organization, origin: header.origin, logKey: header.logKey,
                    round: header.round, checkpoint: checkpoint))
        ]
        for (leaf, statement) in log.enumerated() {
            lines.append(
                .statement(
                    leaf: UInt64(leaf), statement: statement,
                    proof: try tree.inclusionProof(index: UInt64(leaf), size: size).path))
        }
        lines.append(.consistency(try tree.consistencyProof(oldSize: UInt64(close + 1), newSize: size)))
        lines.append(.end(statements: log.count))
        return lines.map(\.line)
    }

    /// The leaf of the statement with id `id`.
    func leaf(of id: StatementID) -> Int? {
        log.firstIndex { StatementID($0.id) == id }
    }

    /// The leaf of the ballot by `key` with `sequence`.
    func ballotLeaf(by key: SigningKey, sequence: Int64 = 1) -> Int? {
        log.firstIndex { statement in
            guard let ballot = try? statement.open(as: BallotCast.self, context: recordContext).payload else {
                return false
            }
            return ballot.header.author == key.publicKey && ballot.sequence == sequence
        }
    }
}
