import Ledger
import Statements

/// A statement line after every check that runs in parallel (``ParsedStatement`` and its
/// signature): what the sequential stage applies in log order.
struct CheckedStatement: Sendable {
    let line: Int
    let leaf: UInt64
    /// The statement's kind, if its line parsed.
    let kind: StatementKind?
    let id: StatementID?
    /// What the statement says, if it parsed and its signature verified.
    var content: Content?
    /// What failed in the parallel checks.
    var failures: [AuditFailure]

    /// What a statement whose signature verified says.
    enum Content: Sendable {
        /// A ballot, reduced on the checking thread.
        case ballot(CheckedBallot)
        /// Any other statement (membership, the round's open, close and certificate, a pool's
        /// statements): a few in a record of ballots, so each is kept whole, out of line.
        indirect case statement(AnyStatementPayload)
    }

    init(line: Int, leaf: UInt64, kind: StatementKind?, id: StatementID?, failures: [AuditFailure]) {
        self.line = line
        self.leaf = leaf
        self.kind = kind
        self.id = id
        self.content = nil
        self.failures = failures
    }
}
