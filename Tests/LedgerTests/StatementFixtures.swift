import Sodium

@testable import Ledger

/// A test kind: the common header and one string field.
struct TestNote: StatementPayload, Equatable {
    static let kind = try! StatementKind("test.note")

    var header: StatementHeader
    var text: String

    init(header: StatementHeader, text: String) {
        self.header = header
        self.text = text
    }

    init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        text = try reader.string("text")
    }

    var members: [JSONMember] { header.members + [JSONMember("text", .string(text))] }
}

/// A second test kind: the common header and one integer field.
struct TestVote: StatementPayload, Equatable {
    static let kind = try! StatementKind("test.vote")

    var header: StatementHeader
    var choice: Int64

    init(header: StatementHeader, choice: Int64) {
        self.header = header
        self.choice = choice
    }

    init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        choice = try reader.integer("choice")
    }

    var members: [JSONMember] { header.members + [JSONMember("choice", .integer(choice))] }
}

/// Fixed keys, clock and payload builders shared by the statement tests.
enum StatementFixture {
    static let author = try! SigningKey(seed: [UInt8](repeating: 0x11, count: 32))
    static let other = try! SigningKey(seed: [UInt8](repeating: 0x22, count: 32))
    static let organization = "acme-coop"
    static let now: Int64 = 1_700_000_000_000
    static let window: Int64 = 300_000
    static let nonce: [UInt8] = Array(0..<16)

    static func header(created: Int64 = now, author key: PublicKey = author.publicKey) -> StatementHeader {
        StatementHeader(organization: organization, author: key, created: created, nonce: nonce)
    }

    static func note(_ text: String = "hello", created: Int64 = now) -> TestNote {
        TestNote(header: header(created: created), text: text)
    }

    static func context(now: Int64 = now, window: Int64? = window) -> VerificationContext {
        VerificationContext(organization: organization, now: now, window: window)
    }

    /// The canonical bytes of `members` with fields replaced or added (`set`) and removed (`remove`).
    static func edited(
        _ members: [JSONMember], set: KeyValuePairs<String, JSONValue> = [:], remove: Set<String> = []
    ) -> [UInt8] {
        var result = members.filter { !remove.contains($0.key) }
        for (key, value) in set {
            if let index = result.firstIndex(where: { $0.key == key }) {
                result[index].value = value
            } else {
                result.append(JSONMember(key, value))
            }
        }
        return CanonicalJSON.encode(result)
    }

    /// A note payload (header + "text": "hello") with edits, canonically encoded.
    static func notePayload(set: KeyValuePairs<String, JSONValue> = [:], remove: Set<String> = []) -> [UInt8] {
        edited(note().members, set: set, remove: remove)
    }

    static func sign(
        _ payload: [UInt8], as kind: StatementKind = TestNote.kind, with key: SigningKey = author
    ) -> SignedStatement {
        SignedStatement(signing: payload, as: kind, with: key)
    }

    /// Opens `statement` as a note in the fixture's context (or `context`).
    static func openNote(
        _ statement: SignedStatement, _ context: VerificationContext = context()
    ) throws(StatementError) -> VerifiedStatement<TestNote> {
        try statement.open(as: TestNote.self, context: context)
    }

    /// `statement` with its kind, payload or signature replaced, everything else kept.
    static func altered(
        _ statement: SignedStatement, kind: StatementKind? = nil, payload: [UInt8]? = nil,
        signature: [UInt8]? = nil
    ) -> SignedStatement {
        SignedStatement(
            kind: kind ?? statement.kind, payload: payload ?? statement.payload,
            signature: try! Signature(bytes: signature ?? statement.signature.bytes))
    }
}
