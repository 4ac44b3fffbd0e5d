import GRDB

/// A row of the `invitations` view: an invitation to join, and whether it was redeemed.
public struct InvitationRow: Hashable, Sendable {
    /// The invitation code.
    public var code: String
    /// The invitee's name.
    public var name: String
    /// The roles the invitee will have, as the service encodes them.
    public var roles: String
    /// The voting weight the invitee will have.
    public var weight: Int
    /// When the invitation expires, in milliseconds since 1970.
    public var expires: Int64
    /// The leaf of the statement that created the invitation.
    public var createdLeaf: Int
    /// The leaf of the statement that redeemed it, if any.
    public var redeemedLeaf: Int?

    /// Makes a row.
    public init(
        code: String, name: String, roles: String, weight: Int, expires: Int64, createdLeaf: Int,
        redeemedLeaf: Int? = nil
    ) {
        self.code = code
        self.name = name
        self.roles = roles
        self.weight = weight
        self.expires = expires
        self.createdLeaf = createdLeaf
        self.redeemedLeaf = redeemedLeaf
    }

    static let upsertSQL = """
        INSERT INTO invitations (code, name, roles, weight, expires, created_leaf, redeemed_leaf)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET
        name = excluded.name, roles = excluded.roles, weight = excluded.weight, expires = excluded.expires,
        created_leaf = excluded.created_leaf, redeemed_leaf = excluded.redeemed_leaf
        """

    var arguments: StatementArguments { [code, name, roles, weight, expires, createdLeaf, redeemedLeaf] }
}
