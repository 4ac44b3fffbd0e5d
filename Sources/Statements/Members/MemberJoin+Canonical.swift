import Ledger
import Sodium

extension MemberJoin {
    /// Reads a join written as Plenum writes one (canonical JSON: keys in order, no whitespace,
    /// a name of printable ASCII without escapes) straight from its bytes; nil for any other
    /// payload, which is left to the strict parser.
    ///
    /// Every member of a record joins once: this reads a subset of what the strict parser
    /// accepts, to the same join (a test compares the two on valid and mutated payloads), and
    /// checks what ``init(reading:)`` checks.
    init?(canonical payload: UnsafeBufferPointer<UInt8>) {
        // Keys in canonical (UTF-8) order: author, created, name, nonce, org, secret.
        var cursor = CanonicalCursor(payload)
        guard cursor.expect(#"{"author":"#), let author = cursor.key(),
            cursor.expect(#","created":"#), let created = cursor.integer(in: StatementHeader.createdRange),
            cursor.expect(#","name":"#), let name = cursor.string(scalars: TextLimit.name),
            cursor.expect(#","nonce":"#), let nonce = cursor.nonce(),
            cursor.expect(#","org":"#), let organization = cursor.organization(),
            cursor.expect(#","secret":"#), let secret = cursor.base64URL(), secret.count == 32,
            cursor.expect("}"), cursor.isAtEnd
        else { return nil }
        self.init(
            header: StatementHeader(organization: organization, author: author, created: created, nonce: nonce),
            secret: secret, name: name)
    }
}
