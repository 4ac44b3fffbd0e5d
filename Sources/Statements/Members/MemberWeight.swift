import Ledger

/// `member.weight`: a steward sets a member's vote weight. Rounds already open keep the weight
/// frozen in their electorate.
///
/// Signed by a steward.
public struct MemberWeight: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.weight")
    /// The allowed weights.
    public static let range: ClosedRange<Int64> = 1...1_000_000

    public var header: StatementHeader
    /// The member whose weight changes.
    public var member: MemberID
    /// The new weight, 1 to 1,000,000.
    public var weight: Int64

    public init(header: StatementHeader, member: MemberID, weight: Int64) {
        self.header = header
        self.member = member
        self.weight = weight
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        member = try reader.memberID("member")
        weight = try reader.weight("weight")
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("member", .string(member.base64url)), JSONMember("weight", .integer(weight))]
    }
}
