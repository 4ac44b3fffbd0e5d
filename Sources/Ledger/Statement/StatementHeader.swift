import Sodium

/// The fields every statement payload carries: which organization it is for, who wrote it,
/// when, and a nonce that makes two otherwise equal statements distinct.
///
/// In the payload they are `org`, `author`, `created` (Unix time in milliseconds) and `nonce`
/// (16 random bytes, unpadded base64url).
public struct StatementHeader: Hashable, Sendable {
    /// The organization's identifier.
    public var organization: String
    /// The author's public key; the statement's signature must verify with it.
    public var author: PublicKey
    /// Creation time in milliseconds since 1970-01-01T00:00:00Z, as the author's clock said.
    public var created: Int64
    /// 16 random bytes.
    public var nonce: [UInt8]

    /// The number of nonce bytes.
    public static let nonceLength = 16

    /// The times a header may name: from 1970 to the last millisecond of the year 9999.
    public static let createdRange: ClosedRange<Int64> = 0...253_402_300_799_999

    public init(organization: String, author: PublicKey, created: Int64, nonce: [UInt8]) {
        self.organization = organization
        self.author = author
        self.created = created
        self.nonce = nonce
    }

    /// A header with a fresh random nonce.
    public init(organization: String, author: PublicKey, created: Int64) {
        self.init(
            organization: organization, author: author, created: created,
            nonce: SecureRandom.bytes(count: StatementHeader.nonceLength))
    }

    /// Reads the four header fields from a payload object.
    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        let organization = try reader.string("org")
        guard OrganizationID.isWellFormed(organization) else {
            throw .invalidValue(field: "org", reason: "must be 1 to 64 of a-z, 0-9 and -")
        }
        self.organization = organization
        self.author = try reader.publicKey("author")
        self.created = try reader.integer("created", in: StatementHeader.createdRange)
        self.nonce = try reader.bytes("nonce", length: StatementHeader.nonceLength)
    }

    /// The header's members, for writing a payload.
    public var members: [JSONMember] {
        [
            JSONMember("org", .string(organization)),
            JSONMember("author", .string(author.base64url)),
            JSONMember("created", .integer(created)),
            JSONMember("nonce", .string(Base64URL.encode(nonce))),
        ]
    }
}

/// The rule for organization identifiers: 1 to 64 of lower-case letters, digits and `-`.
public enum OrganizationID {
    /// Whether `text` is a well-formed organization identifier.
    public static func isWellFormed(_ text: String) -> Bool {
        // Read from the string's UTF-8 view: a check run on every statement allocates nothing.
        let bytes = text.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
