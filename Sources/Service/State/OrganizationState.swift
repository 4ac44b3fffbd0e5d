import Ledger
import Sodium
import Statements

/// Everything the rules need to decide whether the next statement is allowed: the organization,
/// its members and keys, invitations, proposals, threads and rounds, and which statements the log
/// already holds.
///
/// It is a plain value built only by applying accepted statements in log order
/// (``apply(_:statement:leaf:now:)``), so replaying the log rebuilds it exactly.
public struct OrganizationState: Sendable {
    /// The organization's identifier (the `org` of every statement).
    public let organization: String
    public internal(set) var name = ""
    public internal(set) var origin = ""
    public internal(set) var logKey: PublicKey?
    public internal(set) var members: [MemberID: Member] = [:]
    public internal(set) var keys: [PublicKey: MemberKey] = [:]
    public internal(set) var invitations: [SHA256Digest: Invitation] = [:]
    public internal(set) var proposals: [StatementID: Proposal] = [:]
    /// Proposal ids in creation order.
    public internal(set) var proposalOrder: [StatementID] = []
    /// Which proposal each revision belongs to.
    public internal(set) var revisionOwner: [StatementID: StatementID] = [:]
    public internal(set) var comments: [StatementID: Comment] = [:]
    /// Comment ids of each proposal's thread, in posting order.
    public internal(set) var threads: [StatementID: [StatementID]] = [:]
    public internal(set) var rounds: [StatementID: Round] = [:]
    /// The leaves of every statement that changed who may act (org.create, invitations, joins,
    /// suspensions, roles, weights, key changes): what an audit record replays.
    public internal(set) var membershipLeaves: [UInt64] = []
    /// The round of every ballot statement.
    public internal(set) var ballotRounds: [StatementID: StatementID] = [:]
    /// Round ids in opening order.
    public internal(set) var roundOrder: [StatementID] = []
    public internal(set) var pools: [StatementID: Pool] = [:]
    /// Pool ids in creation order.
    public internal(set) var poolOrder: [StatementID] = []
    /// The leaf of every statement in the log, by statement id (replays are answered from here).
    public internal(set) var leaves: [StatementID: UInt64] = [:]
    /// The author (a member id, or nil for the log key) and kind of every statement, by leaf.
    public internal(set) var authors: [MemberID?] = []

    public init(organization: String) {
        self.organization = organization
    }

    /// The number of statements applied.
    public var size: UInt64 { UInt64(authors.count) }

    /// Members in the order they joined.
    public var membersInOrder: [Member] { members.values.sorted { $0.joinedLeaf < $1.joinedLeaf } }
}

/// What a statement changed, so the store can rewrite exactly those view rows.
public enum StateChange: Sendable, Hashable {
    case member(MemberID)
    case key(PublicKey)
    case invitation(SHA256Digest)
    case proposal(StatementID)
    case revision(StatementID)
    case comment(StatementID)
    case round(StatementID)
    case ballot(
        round: StatementID, statement: StatementID, voter: MemberID, sequence: Int64, leaf: UInt64,
        replacedLeaf: UInt64?)
    case outcome(StatementID)
}
