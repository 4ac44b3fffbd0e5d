import Ledger
import Sodium

/// `member.invite`: a steward invites a person. The invitation holds only the SHA-256 of a
/// secret handed to the person out of band; whoever presents the secret in a ``MemberJoin``
/// before ``expires`` becomes a member with the name, roles and weight set here.
///
/// Signed by a steward.
public struct MemberInvite: StatementPayload, Hashable {
    public static let kind = try! StatementKind("member.invite")

    public var header: StatementHeader
    /// SHA-256 of the invitation secret (base64url in the payload).
    public var code: SHA256Digest
    /// The invited person's display name.
    public var name: String
    /// The roles the member will hold: non-empty, unique, `member` included.
    public var roles: [Role]
    /// The member's vote weight, 1 to 1,000,000.
    public var weight: Int64
    /// When the invitation lapses, Unix milliseconds.
    public var expires: Int64

    public init(
        header: StatementHeader, code: SHA256Digest, name: String, roles: [Role], weight: Int64, expires: Int64
    ) {
        self.header = header
        self.code = code
        self.name = name
        self.roles = roles
        self.weight = weight
        self.expires = expires
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        let code = try reader.bytes("code", length: 32)
        self.code = try! SHA256Digest(bytes: code)
        name = try reader.string("name", scalars: TextLimit.name)
        roles = try reader.roles("roles")
        weight = try reader.weight("weight")
        expires = try reader.timestamp("expires")
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("code", .string(Base64URL.encode(code.bytes))),
            JSONMember("name", .string(name)),
            JSONMember("roles", roles.json),
            JSONMember("weight", .integer(weight)),
            JSONMember("expires", .integer(expires)),
        ]
    }
}
