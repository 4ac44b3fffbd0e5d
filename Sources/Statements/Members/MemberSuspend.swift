import Ledger

/// `member.suspend`: a steward suspends a member, who can then sign nothing until reinstated.
///
/// Signed by a steward.
public struct MemberSuspend: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.suspend")

    public var header: StatementHeader
    /// The member suspended.
    public var member: MemberID
    /// Why (1 to 1000 characters).
    public var reason: String

    public init(header: StatementHeader, member: MemberID, reason: String) {
        self.header = header
        self.member = member
        self.reason = reason
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        member = try reader.memberID("member")
        reason = try reader.string("reason", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("member", .string(member.base64url)), JSONMember("reason", .string(reason))]
    }
}
