import Ledger
import Sodium
import Statements

/// One unit of work for the sequencer: a verified statement from a client, or a close that the
/// schedule asks the log key to sign.
enum Job: Sendable {
    case statement(SignedStatement, AnyStatementPayload, received: Int64, reply: Reply)
    case scheduledClose(StatementID, now: Int64, reply: Reply)

    /// Where the job's outcome goes once its batch is durable (or refused).
    typealias Reply = @Sendable (Result<Acceptance, ServiceError>) -> Void

    var reply: Reply {
        switch self {
        case .statement(_, _, _, let reply), .scheduledClose(_, _, let reply): return reply
        }
    }
}

/// A statement's answer: its receipt, and whether this submission appended it (false for a
/// statement already in the log, answered with its original receipt).
public struct Acceptance: Sendable, Equatable {
    public let receipt: Receipt
    public let appended: Bool
}
