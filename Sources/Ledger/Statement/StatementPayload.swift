/// A kind of statement's payload: how it is read strictly from JSON and written back.
///
/// Conforming types read every field they define from the reader (the header's included);
/// ``SignedStatement/open(as:context:)`` then refuses any field left unread.
public protocol StatementPayload: Sendable {
    /// The kind this payload is signed as.
    static var kind: StatementKind { get }
    /// The common header (organization, author, time, nonce).
    var header: StatementHeader { get }
    /// Reads the payload's fields; unknown fields are refused by the caller afterwards.
    init(reading reader: inout PayloadReader) throws(PayloadError)
    /// The payload's members (header included), for writing canonical payload bytes.
    var members: [JSONMember] { get }
}

extension StatementPayload {
    /// The canonical payload bytes of this value.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(members) }
}
