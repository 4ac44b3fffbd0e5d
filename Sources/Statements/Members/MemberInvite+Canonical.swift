import Ledger
import Sodium

extension MemberInvite {
    /// Reads an invitation written as Plenum writes one (canonical JSON: keys in order, no
    /// whitespace, a name of printable ASCII without escapes) straight from its bytes; nil for
    /// any other payload, which is left to the strict parser.
    ///
    /// A record registers each of its members with an invitation: this reads a subset of what
    /// the strict parser accepts, to the same invitation (a test compares the two on valid and
    /// mutated payloads), and checks what ``init(reading:)`` checks.
    init?(canonical payload: UnsafeBufferPointer<UInt8>) {
        // Keys in canonical (UTF-8) order: author, code, created, expires, name, nonce, org,
        // roles, weight.
        var cursor = CanonicalCursor(payload)
        guard cursor.expect(#"{"author":"#), let author = cursor.key(),
            cursor.expect(#","code":"#), let code = cursor.base64URL(), code.count == 32,
            cursor.expect(#","created":"#), let created = cursor.integer(in: StatementHeader.createdRange),
            cursor.expect(#","expires":"#), let expires = cursor.integer(in: PayloadReader.timestampRange),
            cursor.expect(#","name":"#), let name = cursor.string(scalars: TextLimit.name),
            cursor.expect(#","nonce":"#), let nonce = cursor.nonce(),
            cursor.expect(#","org":"#), let organization = cursor.organization(),
            cursor.expect(#","roles":["#), let roles = cursor.roles(),
            cursor.expect(#","weight":"#), let weight = cursor.integer(in: MemberWeight.range),
            cursor.expect("}"), cursor.isAtEnd
        else { return nil }
        self.init(
            header: StatementHeader(organization: organization, author: author, created: created, nonce: nonce),
            code: try! SHA256Digest(bytes: code), name: name, roles: roles, weight: weight, expires: expires)
    }
}

extension CanonicalCursor {
    /// Roles up to and including the closing `]` of an array whose `[` was read: each a
    /// ``Role`` at most once, `member` among them (as ``PayloadReader/roles(_:)`` requires).
    mutating func roles() -> [Role]? {
        var roles: [Role] = []
        repeat {
            guard let name = plainString(), let role = Role(rawValue: text(name)), !roles.contains(role) else {
                return nil
            }
            roles.append(role)
        } while expect(",")
        return expect("]") && roles.contains(.member) ? roles : nil
    }
}
