import Ledger
import Sodium

/// `key.rotate`: a member replaces their current key with a new one. The member id stays the
/// first key; the old key signs nothing more.
///
/// Signed by the member's current key (the author); ``newKey`` must differ from it.
public struct KeyRotate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("key.rotate")

    public var header: StatementHeader
    /// The member's new key.
    public var newKey: PublicKey

    public init(header: StatementHeader, newKey: PublicKey) {
        self.header = header
        self.newKey = newKey
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        newKey = try reader.publicKey("newKey")
        guard newKey != header.author else {
            throw .invalidValue(field: "newKey", reason: "must differ from the author's key")
        }
    }

    public var members: [JSONMember] { header.members + [JSONMember("newKey", .string(newKey.base64url))] }
}
