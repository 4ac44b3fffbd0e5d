import Ledger
import Sodium
import Statements

/// A member as the rules see them: identity (their first key), name, roles, vote weight, whether
/// they are suspended, and their keys with each key's status.
public struct Member: Sendable, Equatable {
    /// Whether a member may act.
    public enum Status: String, Sendable {
        case active, suspended
    }

    public let id: MemberID
    public var name: String
    public var roles: Set<Role>
    public var weight: Int64
    public var status: Status
    /// The key the member signs with now; nil after it was revoked.
    public var currentKey: PublicKey?
    /// The leaf of the statement that made them a member.
    public let joinedLeaf: UInt64

    /// Whether the member holds `role`.
    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// One key ever registered, and what became of it. A key never returns once rotated or revoked.
public struct MemberKey: Sendable, Equatable {
    /// A key's standing.
    public enum Status: String, Sendable {
        case active, rotated, revoked
    }

    public let key: PublicKey
    public let member: MemberID
    public var status: Status
    public let addedLeaf: UInt64
    public var endedLeaf: UInt64?
}

/// An invitation a steward signed, waiting for the invitee to register a key.
public struct Invitation: Sendable, Equatable {
    /// SHA-256 of the secret the invitee will reveal.
    public let code: SHA256Digest
    public let name: String
    public let roles: Set<Role>
    public let weight: Int64
    public let expires: Int64
    public let invitedBy: MemberID
    public let leaf: UInt64
    public var redeemedBy: MemberID?
}
