import GRDB

/// A row of the `member_keys` view: one signing key a member holds or held.
public struct MemberKeyRow: Hashable, Sendable {
    /// Where a key stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// The key may sign for its member.
        case active
        /// The member replaced the key with another.
        case rotated
        /// The key was revoked.
        case revoked
    }

    /// The public key, as the service encodes it (base64url).
    public var key: String
    /// The member who holds the key.
    public var memberID: String
    /// Whether the key is active, rotated or revoked.
    public var status: Status
    /// The leaf of the statement that added the key.
    public var addedLeaf: Int
    /// The leaf of the statement that rotated or revoked the key, if any.
    public var endedLeaf: Int?

    /// Makes a row.
    public init(key: String, memberID: String, status: Status, addedLeaf: Int, endedLeaf: Int? = nil) {
        self.key = key
        self.memberID = memberID
        self.status = status
        self.addedLeaf = addedLeaf
        self.endedLeaf = endedLeaf
    }

    static let upsertSQL = """
        INSERT INTO member_keys (key, member_id, status, added_leaf, ended_leaf) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET
        member_id = excluded.member_id, status = excluded.status, added_leaf = excluded.added_leaf,
        ended_leaf = excluded.ended_leaf
        """

    var arguments: StatementArguments { [key, memberID, status.rawValue, addedLeaf, endedLeaf] }
}
