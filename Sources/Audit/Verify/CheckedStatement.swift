import Foundation
import Ledger
import Sodium
import Statements

/// A statement line after the checks that need nothing but the line itself and the record
/// checkpoint: it parses, its inclusion proof leads to the checkpoint's root, its payload parses
/// strictly and its signature verifies. These run in parallel, on every core.
struct CheckedStatement: Sendable {
    let line: Int
    let leaf: UInt64
    let statement: SignedStatement?
    let id: StatementID?
    let payload: AnyStatementPayload?
    let failures: [AuditFailure]
    /// For a ballot of the record's round, once the round's parameters are known: its choice
    /// checked against them (computed here, in parallel, rather than in the sequential stage).
    let choice: Result<IndexedChoice, BallotError>?

    /// Checks one statement line.
    init(
        line: Int, bytes: [UInt8], header: RecordHeader, round: RoundParameters?, memo: inout InclusionMemo
    ) {
        self.line = line
        var failures: [AuditFailure] = []
        let parsed: (leaf: UInt64, statement: SignedStatement, proof: [String])
        do {
            parsed = try RecordLine.statementLine(parsing: bytes)
        } catch {
            self.leaf = 0
            self.statement = nil
            self.id = nil
            self.payload = nil
            self.choice = nil
            self.failures = [AuditFailure("bad_line", "the statement line does not parse: \(error)", line: line)]
            return
        }
        let (leaf, statement, proof) = parsed
        self.leaf = leaf
        self.statement = statement
        self.id = StatementID(statement.id)
        let size = header.checkpoint.checkpoint.size
        if leaf >= size {
            failures.append(
                AuditFailure(
                    "bad_inclusion", "the leaf is beyond the record checkpoint's \(size) entries", line: line,
                    leaf: leaf))
        } else {
            if !memo.verify(leaf: leaf, encodedPath: proof, leafHash: statement.leafHash) {
                failures.append(
                    AuditFailure(
                        "bad_inclusion", "the inclusion proof does not lead to the record checkpoint's root",
                        line: line, leaf: leaf))
            }
        }
        let context = VerificationContext(organization: header.organization, now: 0, window: nil)
        do {
            let payload = try AnyStatementPayload.open(statement, context: context)
            self.payload = payload
            if let round, case .ballotCast(let ballot) = payload, ballot.round == header.round {
                self.choice = Result { () throws(BallotError) in try round.check(ballot: ballot.choice) }
            } else {
                self.choice = nil
            }
        } catch {
            self.payload = nil
            self.choice = nil
            let code: String
            switch error {
            case .badSignature, .malformedSignature: code = "bad_signature"
            case .wrongOrganization: code = "wrong_organization"
            default: code = "bad_payload"
            }
            failures.append(AuditFailure(code, "the \(statement.kind) statement: \(error)", line: line, leaf: leaf))
        }
        self.failures = failures
    }

    /// Checks `lines` using up to `threads` threads; the results keep the lines' order.
    static func check(
        _ lines: [(line: Int, bytes: [UInt8])], header: RecordHeader, round: RoundParameters?, threads: Int
    ) -> [CheckedStatement] {
        var results = [CheckedStatement?](repeating: nil, count: lines.count)
        let workers = max(1, min(threads, lines.count))
        let checkpoint = header.checkpoint.checkpoint
        results.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeSendable(buffer)
            // Each worker takes a contiguous block, so its memo sees neighbouring leaves.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var memo = InclusionMemo(size: checkpoint.size, root: checkpoint.root)
                for index in (lines.count * worker / workers)..<(lines.count * (worker + 1) / workers) {
                    base.value[index] = CheckedStatement(
                        line: lines[index].line, bytes: lines[index].bytes, header: header, round: round, memo: &memo)
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer shared with worker threads that each write distinct indexes.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
