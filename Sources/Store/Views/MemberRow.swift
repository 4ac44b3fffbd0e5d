import GRDB

/// A row of the `members` view: one member of the organization as of the latest statement.
public struct MemberRow: Hashable, Sendable {
    /// The member's id.
    public var memberID: String
    /// The member's display name.
    public var name: String
    /// The member's status (for example `active` or `left`), as the service names it.
    public var status: String
    /// The member's voting weight.
    public var weight: Int
    /// The member's roles, as the service encodes them (for example a JSON array).
    public var roles: String
    /// The leaf of the statement by which the member joined.
    public var joinedLeaf: Int

    /// Makes a row.
    public init(memberID: String, name: String, status: String, weight: Int, roles: String, joinedLeaf: Int) {
        self.memberID = memberID
        self.name = name
        self.status = status
        self.weight = weight
        self.roles = roles
        self.joinedLeaf = joinedLeaf
    }

    static let upsertSQL = """
        INSERT INTO members (member_id, name, status, weight, roles, joined_leaf) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (member_id) DO UPDATE SET
        name = excluded.name, status = excluded.status, weight = excluded.weight, roles = excluded.roles,
        joined_leaf = excluded.joined_leaf
        """

    var arguments: StatementArguments { [memberID, name, status, weight, roles, joinedLeaf] }
}
