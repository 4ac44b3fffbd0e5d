import Ledger
import Sodium
import Statements

/// A statement line after the checks that need nothing but the line itself and the record
/// checkpoint: it parses, its inclusion proof leads to the checkpoint's root, its payload parses
/// strictly and its signature verifies. These run in parallel, on every core.
///
/// The checks run in two passes over a block of lines: first everything but the signature
/// (``init(line:bytes:header:memo:)``), then the signatures of the whole block in one tight loop
/// (``checkSignature(context:round:recordRound:)``), which keeps libsodium's code and tables hot
/// in the core's caches instead of alternating with the parser's.
struct CheckedStatement: Sendable {
    let line: Int
    let leaf: UInt64
    /// The statement's kind, if its line parsed.
    let kind: StatementKind?
    let id: StatementID?
    private(set) var payload: AnyStatementPayload?
    private(set) var failures: [AuditFailure]
    /// For a ballot of the record's round, once the round's parameters are known: its choice
    /// checked against them (computed here, in parallel, rather than in the sequential stage).
    private(set) var choice: Result<IndexedChoice, BallotError>?
    /// The header of a payload that parsed, until its signature is checked.
    private var unsigned: StatementHeader?
    /// The decoded log entry (signature, then signed bytes), until the signature is checked.
    private var entry: [UInt8]?
    /// The statement, until its signature is checked: dropped on the checking thread, so that
    /// the sequential stage neither keeps nor frees its bytes.
    private var statement: SignedStatement?

    /// Checks one statement line, all but its signature.
    init(line: Int, bytes: UnsafeBufferPointer<UInt8>, header: RecordHeader, memo: inout InclusionMemo) {
        // The canonical shape is scanned in place; anything else goes through the strict parser.
        let scan = StatementLineScan(bytes)
        let leaf: UInt64
        let statement: SignedStatement
        let id: StatementID
        let leafHash: SHA256Digest
        let proven: Bool
        let size = header.checkpoint.checkpoint.size
        if let scan {
            do {
                statement = try SignedStatement(logEntry: scan.entry)
            } catch {
                self = Self(
                    line: line, unparsed: "the statement line does not parse: entry is not a log entry: \(error)")
                return
            }
            leaf = scan.leaf
            // The id and the leaf hash straight from the decoded entry, without rebuilding it.
            (id, leafHash) = scan.entry.withUnsafeBytes { entry in
                (
                    StatementID(SHA256.hash(UnsafeRawBufferPointer(rebasing: entry[64...]))),
                    MerkleHash.leaf(entry)
                )
            }
            proven =
                leaf < size
                && memo.verify(leaf: leaf, count: scan.proof.count, leafHash: leafHash) { index in
                    Base64URL.decode(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[scan.proof[index]])))
                        .flatMap {
                            try? SHA256Digest(bytes: $0)
                        }
                }
        } else {
            let parsed: (leaf: UInt64, statement: SignedStatement, proof: [String])
            do {
                parsed = try RecordLine.statementLine(parsing: Array(bytes))
            } catch {
                self = Self(line: line, unparsed: "the statement line does not parse: \(error)")
                return
            }
            (leaf, statement) = (parsed.leaf, parsed.statement)
            id = StatementID(statement.id)
            leafHash = statement.leafHash
            proven = leaf < size && memo.verify(leaf: leaf, encodedPath: parsed.proof, leafHash: leafHash)
        }
        self.line = line
        self.leaf = leaf
        self.statement = statement
        self.kind = statement.kind
        self.id = id
        var failures: [AuditFailure] = []
        if leaf >= size {
            failures.append(
                AuditFailure(
                    "bad_inclusion", "the leaf is beyond the record checkpoint's \(size) entries", line: line,
                    leaf: leaf))
        } else if !proven {
            failures.append(
                AuditFailure(
                    "bad_inclusion", "the inclusion proof does not lead to the record checkpoint's root",
                    line: line, leaf: leaf))
        }
        self.choice = nil
        self.entry = scan?.entry
        do {
            let (payload, author) = try AnyStatementPayload.parse(statement, parser: StrictJSONParser())
            self.payload = payload
            self.unsigned = author
        } catch {
            self.payload = nil
            failures.append(Self.failure(error, statement: statement, line: line, leaf: leaf))
        }
        self.failures = failures
    }

    /// Checks the signature (then the organization) of a payload that parsed, and a ballot of
    /// the record's round against the round's parameters.
    mutating func checkSignature(context: VerificationContext, round: RoundParameters?, recordRound: StatementID) {
        // Taken out (not copied and then cleared), so nothing is reference counted twice.
        let entry = self.entry.take()
        let statement = self.statement.take()
        let unsigned = self.unsigned.take()
        guard let header = unsigned, let statement, let payload else { return }
        let opened: Result<Void, StatementError>
        if let entry {
            opened = entry.withUnsafeBytes { entry in
                Result { () throws(StatementError) in
                    try statement.finishOpening(
                        header, signedBytes: UnsafeRawBufferPointer(rebasing: entry[64...]), context: context)
                }
            }
        } else {
            opened = Result { () throws(StatementError) in try statement.finishOpening(header, context: context) }
        }
        if case .failure(let error) = opened {
            self.payload = nil
            failures.append(Self.failure(error, statement: statement, line: line, leaf: leaf))
            return
        }
        if let round, case .ballotCast(let ballot) = payload, ballot.round == recordRound {
            choice = Result { () throws(BallotError) in try round.check(ballot: ballot.choice) }
        }
    }

    private static func failure(
        _ error: StatementError, statement: SignedStatement, line: Int, leaf: UInt64
    ) -> AuditFailure {
        let code: String
        switch error {
        case .badSignature, .malformedSignature: code = "bad_signature"
        case .wrongOrganization: code = "wrong_organization"
        default: code = "bad_payload"
        }
        return AuditFailure(code, "the \(statement.kind) statement: \(error)", line: line, leaf: leaf)
    }

    /// A line that does not parse as a statement line.
    private init(line: Int, unparsed message: String) {
        self.line = line
        self.leaf = 0
        self.statement = nil
        self.kind = nil
        self.id = nil
        self.payload = nil
        self.choice = nil
        self.unsigned = nil
        self.entry = nil
        self.failures = [AuditFailure("bad_line", message, line: line)]
    }
}
