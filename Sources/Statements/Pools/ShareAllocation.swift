import Ledger

/// `share.allocation`: a member gives points to other members for a pool's peer-allocation
/// plans. A later allocation with a higher sequence replaces the earlier; a member never gives
/// to themselves; the budget is a plan parameter, checked when a plan is computed.
///
/// Signed by the giving member.
public struct ShareAllocation: StatementPayload, Hashable {
    public static let kind = try! StatementKind("share.allocation")

    public var header: StatementHeader
    public var pool: StatementID
    /// Replaces the giver's allocations with lower sequences.
    public var sequence: Int64
    /// Points given, by member id (whole numbers, at least 1).
    public var gifts: [MemberID: Int64]

    public init(header: StatementHeader, pool: StatementID, sequence: Int64, gifts: [MemberID: Int64]) {
        self.header = header
        self.pool = pool
        self.sequence = sequence
        self.gifts = gifts
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        pool = try reader.statementID("pool")
        sequence = try reader.integer("sequence", in: 1...(1 << 53))
        var giftsReader = try reader.object("gifts")
        var gifts: [MemberID: Int64] = [:]
        for key in giftsReader.keys {
            guard let member = try? MemberID(base64url: key) else {
                throw .invalidValue(field: "gifts.\(key)", reason: "is not a member id")
            }
            guard member != MemberID(header.author) else {
                throw .invalidValue(field: "gifts.\(key)", reason: "a member never gives to themselves")
            }
            gifts[member] = try giftsReader.integer(key, in: 1...1_000_000_000)
        }
        try giftsReader.finish()
        guard !gifts.isEmpty, gifts.count <= 10_000 else {
            throw .invalidValue(field: "gifts", reason: "must give to 1 to 10,000 members")
        }
        self.gifts = gifts
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("pool", .string(pool.hex)), JSONMember("sequence", .integer(sequence)),
            JSONMember(
                "gifts", .object(gifts.keys.sorted().map { JSONMember($0.base64url, .integer(gifts[$0]!)) })),
        ]
    }
}
