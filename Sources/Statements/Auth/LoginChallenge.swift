import Ledger
import Sodium

/// `auth.login`: a member proves they hold their key by signing a challenge the server issued.
/// It is verified like every statement but never appended to the log.
///
/// Signed by a member's current key.
public struct LoginChallenge: StatementPayload, Hashable {
    public static let kind = try! StatementKind("auth.login")

    public var header: StatementHeader
    /// The server's challenge, 32 bytes (base64url in the payload).
    public var challenge: [UInt8]

    public init(header: StatementHeader, challenge: [UInt8]) {
        self.header = header
        self.challenge = challenge
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        challenge = try reader.bytes("challenge", length: 32)
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("challenge", .string(Base64URL.encode(challenge)))]
    }
}
