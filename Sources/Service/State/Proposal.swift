import Ledger
import Sodium
import Statements

/// A proposal: its author, current state and every revision (the first is the create statement).
public struct Proposal: Sendable, Equatable {
    public let id: StatementID
    public let author: MemberID
    public var state: ProposalState
    public var revisions: [Revision]
    public let leaf: UInt64
    /// The ids of the rounds opened on this proposal, in order.
    public var rounds: [StatementID] = []

    /// The newest revision.
    public var current: Revision { revisions[revisions.count - 1] }
}

/// One signed version of a proposal's text; ballots bind to its id (the revision hash).
public struct Revision: Sendable, Equatable {
    public let id: StatementID
    public let parent: StatementID?
    public let author: MemberID
    public let title: String
    public let text: String
    public let summary: String?
    public let created: Int64
    public let leaf: UInt64
}

/// A comment in a proposal's thread, with every version its author wrote.
public struct Comment: Sendable, Equatable {
    /// One version of a comment (the post, then each edit).
    public struct Version: Sendable, Equatable {
        public let statement: StatementID
        public let stance: Stance
        public let text: String
        public let created: Int64
        public let leaf: UInt64
    }

    public let id: StatementID
    public let proposal: StatementID
    public let replyTo: StatementID?
    public let author: MemberID
    public var versions: [Version]
    /// Why a steward hid it (the original stays in the log), or nil.
    public var hiddenReason: String?
    public var hiddenBy: MemberID?
    public let leaf: UInt64

    public var current: Version { versions[versions.count - 1] }
}
