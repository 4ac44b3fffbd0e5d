import Ledger
import Sodium
import Statements

/// A statement line parsed and proven, before its signature is checked: the first of the two
/// passes ``ParallelChecks`` makes over a block of lines (``CheckedStatement`` is the second).
///
/// Everything here needs nothing but the line itself and the record checkpoint: the line
/// parses, its inclusion proof leads to the checkpoint's root, and its payload parses strictly.
/// The signatures of a whole block are then checked in one tight loop, which keeps libsodium's
/// code and tables hot in the core's caches instead of alternating with the parser's.
struct ParsedStatement: Sendable {
    let line: Int
    let leaf: UInt64
    /// The statement's kind, if its line parsed.
    let kind: StatementKind?
    let id: StatementID?
    /// The payload, if it parsed.
    private var payload: AnyStatementPayload?
    private var failures: [AuditFailure]
    /// The header of a payload that parsed.
    private var unsigned: StatementHeader?
    /// The decoded log entry (signature, then signed bytes), when the line was read in place.
    private var entry: [UInt8]?
    /// The statement, if its line parsed.
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
                && memo.verify(leaf: leaf, proof: scan.proof(in: bytes), leafHash: leafHash)
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

    /// Checks the signature (then the organization) of a payload that parsed, and reduces a
    /// ballot (``CheckedBallot``), checking its choice against `round` if that is known and the
    /// ballot's; what is left of the statement is freed here, on the checking thread.
    consuming func checked(
        context: VerificationContext, round: BallotCheck?, recordRound: StatementID
    ) -> CheckedStatement {
        // Taken out (not copied and then cleared), so nothing is reference counted twice.
        let entry = self.entry.take()
        let statement = self.statement.take()
        let unsigned = self.unsigned.take()
        var result = CheckedStatement(line: line, leaf: leaf, kind: kind, id: id, failures: failures)
        guard let header = unsigned, let statement, let payload = payload.take() else { return result }
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
            result.failures.append(Self.failure(error, statement: statement, line: line, leaf: leaf))
            return result
        }
        if case .ballotCast(let ballot) = payload {
            result.content = .ballot(CheckedBallot(ballot, round: round, recordRound: recordRound))
        } else {
            result.content = .statement(payload)
        }
        return result
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
        self.unsigned = nil
        self.entry = nil
        self.failures = [AuditFailure("bad_line", message, line: line)]
    }
}
