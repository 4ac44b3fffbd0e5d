import Ledger

/// `member.reinstate`: a steward lifts a member's suspension.
///
/// Signed by a steward.
public struct MemberReinstate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.reinstate")

    public var header: StatementHeader
    /// The member reinstated.
    public var member: MemberID

    public init(header: StatementHeader, member: MemberID) {
        self.header = header
        self.member = member
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        member = try reader.memberID("member")
    }

    public var members: [JSONMember] { header.members + [JSONMember("member", .string(member.base64url))] }
}
