import GRDB
import Sodium

/// Why the store refused or failed an operation: a stable `code`, a message for people, and the
/// underlying cause (usually a GRDB `DatabaseError`) when there is one.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, each with a stable code that callers may match and log.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// SQLite or the file system failed, or the stored data could not be read back.
        case storageFailed = "storage_failed"
        /// Something tried to change or remove a stored statement or checkpoint.
        case appendOnly = "append_only"
        /// A statement with the same id is already in the log (or twice in one batch).
        case duplicateStatement = "duplicate_statement"
        /// A batch that does not continue the log: leaves out of order or with gaps, a tree
        /// size that does not match, or an update of a view row that does not exist.
        case invalidBatch = "invalid_batch"
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// A sentence for people; not stable, do not match on it.
    public let message: String
    /// The error that caused this one, if any (for example a GRDB `DatabaseError`).
    public let underlying: (any Error)?

    /// Makes an error of `kind`, with `message` and an optional underlying cause.
    public init(_ kind: Kind, _ message: String, underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.underlying = underlying
    }

    /// The stable code: `storage_failed`, `append_only`, `duplicate_statement` or `invalid_batch`.
    public var code: String { kind.rawValue }

    public var description: String {
        if let underlying { return "\(code): \(message) (\(underlying))" }
        return "\(code): \(message)"
    }

    /// A duplicate statement id.
    static func duplicateStatement(_ id: SHA256Digest, underlying: (any Error)? = nil) -> StoreError {
        StoreError(.duplicateStatement, "statement \(id.hex) is already in the log", underlying: underlying)
    }

    /// Maps any error thrown inside a database access to a `StoreError`: store errors pass through,
    /// the append-only triggers become `append_only`, everything else is `storage_failed`.
    static func wrapping(_ error: any Error, while doing: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let sqliteMessage = error.message ?? "\(error.resultCode)"
            if error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER, sqliteMessage.contains("append-only") {
                return StoreError(.appendOnly, sqliteMessage, underlying: error)
            }
            if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE, sqliteMessage.contains("statements.id") {
                return StoreError(.duplicateStatement, "a statement is already in the log", underlying: error)
            }
            return StoreError(.storageFailed, "\(doing): \(sqliteMessage)", underlying: error)
        }
        return StoreError(.storageFailed, "\(doing): \(error)", underlying: error)
    }
}
