import Ledger
import Sodium

/// `org.create`: the first statement of an organization's log. It names the organization, the
/// checkpoint origin, the log key (which signs this statement, checkpoints, scheduled closes and
/// result certificates) and the founding member, who holds every role.
///
/// Signed by the log key: the author must be ``logKey``.
public struct OrganizationCreate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("org.create")

    public var header: StatementHeader
    /// The organization's display name (1 to 100 characters).
    public var name: String
    /// The checkpoint origin: 1 to 200 printable ASCII characters without spaces.
    public var origin: String
    /// The log key.
    public var logKey: PublicKey
    /// The founding member's key (their member id).
    public var founder: PublicKey
    /// The founding member's display name.
    public var founderName: String

    public init(
        header: StatementHeader, name: String, origin: String, logKey: PublicKey, founder: PublicKey,
        founderName: String
    ) {
        self.header = header
        self.name = name
        self.origin = origin
        self.logKey = logKey
        self.founder = founder
        self.founderName = founderName
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        name = try reader.string("name", scalars: TextLimit.name)
        origin = try reader.string("origin")
        guard TextLimit.origin.contains(origin.utf8.count), origin.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw .invalidValue(field: "origin", reason: "must be 1 to 200 printable ASCII characters without spaces")
        }
        logKey = try reader.publicKey("logKey")
        guard logKey == header.author else {
            throw .invalidValue(field: "logKey", reason: "must be the author's key (the log key signs org.create)")
        }
        founder = try reader.publicKey("founder")
        guard founder != logKey else {
            throw .invalidValue(field: "founder", reason: "must not be the log key")
        }
        founderName = try reader.string("founderName", scalars: TextLimit.name)
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("name", .string(name)),
            JSONMember("origin", .string(origin)),
            JSONMember("logKey", .string(logKey.base64url)),
            JSONMember("founder", .string(founder.base64url)),
            JSONMember("founderName", .string(founderName)),
        ]
    }
}
