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
    private var failures: [AuditFailure]
    /// A ballot in canonical form, read straight from its log entry (most of a record): no
    /// ``SignedStatement`` and no copy of its payload are made for it, and it is reduced here
    /// (``CheckedBallot``), so that its option names are freed as soon as they are read. Its
    /// header (author, organization) and ``signature`` are what the signature pass checks.
    private var ballot: (header: StatementHeader, checked: CheckedBallot)?
    private var signature: Signature?
    /// Any other statement that parsed, with its payload and header if they parsed. A few in a
    /// record of ballots, so each is kept out of line.
    private var other: Other?
    /// Where the line's log entry is among the block's entries, when the line was read in place.
    private var entry: Range<Int>?

    /// A statement other than a canonical ballot, as the signature pass takes it.
    private final class Other: Sendable {
        let statement: SignedStatement
        let payload: (AnyStatementPayload, StatementHeader)?

        init(statement: SignedStatement, payload: (AnyStatementPayload, StatementHeader)?) {
            self.statement = statement
            self.payload = payload
        }
    }

    /// Checks one statement line, all but its signature, and reduces a canonical ballot,
    /// checking its choice against `round` if that is known and the ballot's. A line read in
    /// place has its log entry decoded onto the end of `entries`, the worker's buffer for the
    /// block's entries, which ``checked(context:round:recordRound:entries:)`` is then given.
    init(
        line: Int, bytes: UnsafeBufferPointer<UInt8>, header: RecordHeader, round: BallotCheck?,
        memo: inout InclusionMemo, entries: inout [UInt8]
    ) {
        // The canonical shape is scanned in place; anything else goes through the strict parser.
        let scan = StatementLineScan(bytes, entries: &entries)
        let leaf: UInt64
        let id: StatementID
        let leafHash: SHA256Digest
        let proven: Bool
        let size = header.checkpoint.checkpoint.size
        var ballot: (BallotCast, Signature)?
        var statement: SignedStatement?
        if let scan {
            leaf = scan.leaf
            let read = entries.withUnsafeBytes { entries -> Result<(SHA256Digest, SHA256Digest), StatementError> in
                let entry = UnsafeRawBufferPointer(rebasing: entries[scan.entry])
                // A log entry is a signature and at least a byte signed (or the parser says why not).
                guard entry.count > 64 else { return .failure(.malformedEntry("shorter than a signature")) }
                let signed = UnsafeRawBufferPointer(rebasing: entry[64...])
                if let cast = BallotCast(canonicalSignedBytes: signed, parser: StrictJSONParser()) {
                    ballot = (cast, try! Signature(raw: UnsafeRawBufferPointer(rebasing: entry[0..<64])))
                } else {
                    switch Result(catching: { () throws(StatementError) in try SignedStatement(logEntry: entry) }) {
                    case .success(let read): statement = read
                    case .failure(let error): return .failure(error)
                    }
                }
                // The id and the leaf hash straight from the decoded entry, without rebuilding it.
                return .success((SHA256.hash(signed), MerkleHash.leaf(entry)))
            }
            switch read {
            case .failure(let error):
                self = Self(
                    line: line, unparsed: "the statement line does not parse: entry is not a log entry: \(error)")
                return
            case .success(let (digest, hash)):
                (id, leafHash) = (StatementID(digest), hash)
            }
            proven = leaf < size && memo.verify(leaf: leaf, proof: scan.proof(in: bytes), leafHash: leafHash)
        } else {
            let parsed: (leaf: UInt64, statement: SignedStatement, proof: [String])
            do {
                parsed = try RecordLine.statementLine(parsing: Array(bytes))
            } catch {
                self = Self(line: line, unparsed: "the statement line does not parse: \(error)")
                return
            }
            (leaf, statement) = (parsed.leaf, parsed.statement)
            id = StatementID(parsed.statement.id)
            leafHash = parsed.statement.leafHash
            proven = leaf < size && memo.verify(leaf: leaf, encodedPath: parsed.proof, leafHash: leafHash)
        }
        self.line = line
        self.leaf = leaf
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
        if let (cast, signature) = ballot {
            self.kind = BallotCast.kind
            self.ballot = (cast.header, CheckedBallot(cast, round: round, recordRound: header.round))
            self.signature = signature
            self.other = nil
        } else if let statement {
            self.kind = statement.kind
            var payload: (AnyStatementPayload, StatementHeader)?
            do {
                payload = try AnyStatementPayload.parse(statement, parser: StrictJSONParser())
            } catch {
                failures.append(Self.failure(error, kind: statement.kind, line: line, leaf: leaf))
            }
            self.ballot = nil
            self.signature = nil
            self.other = Other(statement: statement, payload: payload)
        } else {
            preconditionFailure("a parsed line is a ballot or a statement")
        }
        self.failures = failures
    }

    /// Checks the signature (then the organization) of a payload that parsed, and reduces a
    /// ballot read by the strict parser (``CheckedBallot``), checking its choice against `round`
    /// if that is known and the ballot's; what is left of the statement is freed here, on the
    /// checking thread. `entries` is the buffer the block's log entries were decoded into.
    consuming func checked(
        context: VerificationContext, round: BallotCheck?, recordRound: StatementID, entries: UnsafeRawBufferPointer
    ) -> CheckedStatement {
        var result = CheckedStatement(line: line, leaf: leaf, kind: kind, id: id, failures: failures)
        let signedBytes = entry.map { UnsafeRawBufferPointer(rebasing: entries[($0.lowerBound + 64)..<$0.upperBound]) }
        // The parts are taken out (not copied and then cleared), so nothing is reference counted
        // twice.
        if let (header, ballot) = ballot.take() {
            // A ballot is read from its entry only when its line was read in place.
            guard let signature, let signedBytes else { preconditionFailure("a canonical ballot has its entry") }
            do {
                try SignedStatement.finishOpening(
                    header, signature: signature, signedBytes: signedBytes, context: context)
            } catch {
                result.failures.append(Self.failure(error, kind: BallotCast.kind, line: line, leaf: leaf))
                return result
            }
            result.content = .ballot(ballot)
            return result
        }
        guard let other = other.take(), let (payload, header) = other.payload else { return result }
        do {
            if let signedBytes {
                try other.statement.finishOpening(header, signedBytes: signedBytes, context: context)
            } else {
                try other.statement.finishOpening(header, context: context)
            }
        } catch {
            result.failures.append(Self.failure(error, kind: other.statement.kind, line: line, leaf: leaf))
            return result
        }
        if case .ballotCast(let ballot) = payload {
            result.content = .ballot(CheckedBallot(ballot, round: round, recordRound: recordRound))
        } else {
            result.content = .statement(payload)
        }
        return result
    }

    private static func failure(_ error: StatementError, kind: StatementKind, line: Int, leaf: UInt64) -> AuditFailure {
        let code: String
        switch error {
        case .badSignature, .malformedSignature: code = "bad_signature"
        case .wrongOrganization: code = "wrong_organization"
        default: code = "bad_payload"
        }
        return AuditFailure(code, "the \(kind) statement: \(error)", line: line, leaf: leaf)
    }

    /// A line that does not parse as a statement line.
    private init(line: Int, unparsed message: String) {
        self.line = line
        self.leaf = 0
        self.kind = nil
        self.id = nil
        self.ballot = nil
        self.signature = nil
        self.other = nil
        self.entry = nil
        self.failures = [AuditFailure("bad_line", message, line: line)]
    }
}
