import Ledger
import Shares

/// `share.contribution`: a member records a contribution to a pool's work (hours, points, a
/// claim: any measure the pool's plans share by), for themselves; a steward may record one for
/// any member. Contributions of a member add up; `period` dates them for time-decayed plans.
///
/// Signed by the member, or by a steward.
public struct ShareContribution: StatementPayload, Hashable {
    public static let kind = try! StatementKind("share.contribution")

    public var header: StatementHeader
    public var pool: StatementID
    /// Whose contribution it is.
    public var member: MemberID
    /// The measure, an exact non-negative number: an integer, a decimal or a fraction (`7.5`, `1/3`).
    public var amount: String
    /// The period it belongs to, for time-decayed plans.
    public var period: Int64?
    /// What it was for (1 to 1000 characters).
    public var note: String?

    public init(
        header: StatementHeader, pool: StatementID, member: MemberID, amount: String, period: Int64? = nil,
        note: String? = nil
    ) {
        self.header = header
        self.pool = pool
        self.member = member
        self.amount = amount
        self.period = period
        self.note = note
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        pool = try reader.statementID("pool")
        member = try reader.memberID("member")
        amount = try reader.string("amount", scalars: 1...60)
        do {
            _ = try ExactNumber.nonNegative(amount, what: "amount")
        } catch {
            throw .invalidValue(field: "amount", reason: "\(error)")
        }
        period = try reader.optionalInteger("period", in: 0...Int64(1_000_000))
        note = try reader.optionalString("note", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        var members =
            header.members + [
                JSONMember("pool", .string(pool.hex)), JSONMember("member", .string(member.base64url)),
                JSONMember("amount", .string(amount)),
            ]
        if let period { members.append(JSONMember("period", .integer(period))) }
        if let note { members.append(JSONMember("note", .string(note))) }
        return members
    }
}
