import Sodium

/// A member's identity: the first key the member joined with, written as its unpadded base64url
/// text. It stays the member's id after the key is rotated or revoked.
///
/// Member ids order by their text's UTF-8 bytes, the order of canonical JSON keys and of SQLite's
/// binary collation (not the order of the key bytes: base64url's alphabet is not in ASCII order).
public struct MemberID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The member's first key.
    public let key: PublicKey

    /// The member whose first key is `key`.
    public init(_ key: PublicKey) {
        self.key = key
    }

    /// Reads a member id from its base64url text; the key must pass the point check.
    public init(base64url text: String) throws(SodiumError) {
        self.key = try PublicKey(base64url: text)
    }

    /// The id's text: the key in unpadded base64url.
    public var base64url: String { key.base64url }

    public var description: String { base64url }

    /// The order of the ids' texts, found from the key bytes without encoding them (an
    /// electorate of 100,000 members is sorted at every round's open).
    public static func < (lhs: MemberID, rhs: MemberID) -> Bool {
        lhs.key.withUnsafeBytes { left in rhs.key.withUnsafeBytes { right in Base64URL.precedes(left, right) } }
    }
}
