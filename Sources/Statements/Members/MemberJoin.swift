import Ledger
import Sodium

/// `member.join`: a person redeems an invitation by presenting its secret; SHA-256 of the secret
/// must be the code of an open invitation. The author's key becomes the member's first key and
/// their ``MemberID``. Name, roles and weight come from the invitation; only the name may be
/// changed here, and a `weight` or `roles` field is refused as unknown.
///
/// Signed by the new member's key.
public struct MemberJoin: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.join")

    public var header: StatementHeader
    /// The invitation secret, 32 bytes (base64url in the payload).
    public var secret: [UInt8]
    /// The member's display name.
    public var name: String

    public init(header: StatementHeader, secret: [UInt8], name: String) {
        self.header = header
        self.secret = secret
        self.name = name
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        secret = try reader.bytes("secret", length: 32)
        name = try reader.string("name", scalars: TextLimit.name)
    }

    /// The invitation code this secret redeems: SHA-256 of the secret.
    public var code: SHA256Digest { SHA256.hash(secret) }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("secret", .string(Base64URL.encode(secret))),
            JSONMember("name", .string(name)),
        ]
    }
}
