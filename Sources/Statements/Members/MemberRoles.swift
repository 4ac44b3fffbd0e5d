import Ledger

/// `member.roles`: a steward sets a member's roles; ``roles`` is the complete new set.
///
/// Signed by a steward.
public struct MemberRoles: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.roles")

    public var header: StatementHeader
    /// The member whose roles change.
    public var member: MemberID
    /// The new roles: non-empty, unique, `member` included.
    public var roles: [Role]

    public init(header: StatementHeader, member: MemberID, roles: [Role]) {
        self.header = header
        self.member = member
        self.roles = roles
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        member = try reader.memberID("member")
        roles = try reader.roles("roles")
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("member", .string(member.base64url)), JSONMember("roles", roles.json)]
    }
}
