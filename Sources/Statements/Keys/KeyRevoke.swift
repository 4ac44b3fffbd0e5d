import Ledger
import Sodium

/// `key.revoke`: a key of a member is declared compromised or lost and signs nothing more; the
/// member has no active key until the service lets them add one (see the service's rules).
///
/// Signed by the member or by a steward.
public struct KeyRevoke: StatementPayload, Hashable {
    public static let kind = try! StatementKind("key.revoke")

    public var header: StatementHeader
    /// The member whose key is revoked.
    public var member: MemberID
    /// The key revoked.
    public var key: PublicKey
    /// Why (1 to 1000 characters).
    public var reason: String

    public init(header: StatementHeader, member: MemberID, key: PublicKey, reason: String) {
        self.header = header
        self.member = member
        self.key = key
        self.reason = reason
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        member = try reader.memberID("member")
        key = try reader.publicKey("key")
        reason = try reader.string("reason", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("member", .string(member.base64url)),
            JSONMember("key", .string(key.base64url)),
            JSONMember("reason", .string(reason)),
        ]
    }
}
