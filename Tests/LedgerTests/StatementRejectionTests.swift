import Sodium
import Testing

@testable import Ledger

@Suite("Signed statements: every refusal")
struct StatementRejectionTests {
    typealias F = StatementFixture

    static let invalidNonce = PayloadError.invalidValue(
        field: "nonce", reason: "must be 16 bytes in unpadded base64url")
    static let invalidOrg = PayloadError.invalidValue(field: "org", reason: "must be 1 to 64 of a-z, 0-9 and -")

    // MARK: - Payload shape

    @Test("a member adding a weight field is refused as an unknown field")
    func unknownField() {
        let signed = F.sign(F.notePayload(set: ["weight": .integer(100)]))
        #expect(throws: StatementError.payload(.unknownField("weight"))) { try F.openNote(signed) }
    }

    @Test("with several unknown fields, the first in payload order is named")
    func firstUnknownField() {
        let canonical = F.sign(F.notePayload(set: ["weight": .integer(1), "role": .string("chair")]))
        #expect(throws: StatementError.payload(.unknownField("role"))) { try F.openNote(canonical) }
        let body = F.note().canonicalBytes.dropLast()
        let handWritten = F.sign(Array(body) + Array(#","weight":1,"role":"chair"}"#.utf8))
        #expect(throws: StatementError.payload(.unknownField("weight"))) { try F.openNote(handWritten) }
    }

    @Test(
        "a missing header or body field is refused by name", arguments: ["org", "author", "created", "nonce", "text"])
    func missingField(_ name: String) {
        let signed = F.sign(F.notePayload(remove: [name]))
        #expect(throws: StatementError.payload(.missingField(name))) { try F.openNote(signed) }
    }

    static let wrongTypes: [(String, JSONValue, String, String)] = [
        ("org", .integer(1), "a string", "integer"),
        ("author", .null, "a string", "null"),
        ("created", .string("1700000000000"), "an integer", "string"),
        ("nonce", .array([]), "a string", "array"),
        ("text", .bool(true), "a string", "boolean"),
    ]

    @Test("a field of the wrong JSON type is refused", arguments: wrongTypes)
    func wrongType(field: String, value: JSONValue, expected: String, actual: String) {
        let signed = F.sign(F.notePayload(set: [field: value]))
        #expect(throws: StatementError.payload(.wrongType(field: field, expected: expected, actual: actual))) {
            try F.openNote(signed)
        }
    }

    @Test("a signed payload that is not strict JSON is refused before the signature is checked")
    func strictParsing() {
        let canonical = F.note().canonicalBytes
        let duplicate = Array(canonical.dropLast()) + Array(#","text":"again"}"#.utf8)
        #expect(throws: StatementError.payload(.duplicateKey("text", offset: canonical.count))) {
            try F.openNote(F.sign(duplicate))
        }
        #expect(throws: StatementError.payload(.notAnObject)) { try F.openNote(F.sign(Array("[]".utf8))) }
        #expect(throws: StatementError.payload(.trailingData(offset: canonical.count))) {
            try F.openNote(F.sign(canonical + Array("x".utf8)))
        }
        // A payload error wins over a signature that would not verify anyway.
        let unsigned = F.altered(F.sign(duplicate), signature: [UInt8](repeating: 0, count: 64))
        #expect(throws: StatementError.payload(.duplicateKey("text", offset: canonical.count))) {
            try F.openNote(unsigned)
        }
    }

    @Test("the context's parser limits apply")
    func parserLimits() {
        var context = F.context()
        context.parser = StrictJSONParser(maximumBytes: 64)
        #expect(throws: StatementError.payload(.tooLarge(limit: 64))) {
            try F.openNote(F.sign(F.note().canonicalBytes), context)
        }
    }

    // MARK: - Header values

    @Test("a statement for another organization is refused")
    func wrongOrganization() {
        let signed = F.sign(F.notePayload(set: ["org": .string("other-org")]))
        #expect(throws: StatementError.wrongOrganization(expected: "acme-coop", actual: "other-org")) {
            try F.openNote(signed)
        }
    }

    static let badOrgs = ["Acme-coop", "ACME", "acme_coop", "acme coop", "acmé", "", String(repeating: "a", count: 65)]

    @Test("a malformed organization id is a payload error on org", arguments: badOrgs)
    func malformedOrganization(_ org: String) {
        let signed = F.sign(F.notePayload(set: ["org": .string(org)]))
        #expect(throws: StatementError.payload(Self.invalidOrg)) { try F.openNote(signed) }
    }

    @Test("a 64-character organization id is well-formed")
    func longestOrganization() throws {
        let org = String(repeating: "a1-", count: 21) + "z"
        var context = F.context()
        context.organization = org
        let signed = F.sign(F.notePayload(set: ["org": .string(org)]))
        #expect(try F.openNote(signed, context).payload.header.organization == org)
    }

    static let windowOffsets: [(Int64, Bool)] = [
        (-300_001, false), (-300_000, true), (-1, true), (0, true), (1, true), (300_000, true), (300_001, false),
        (-86_400_000, false), (86_400_000, false),
    ]

    @Test("created must be within the window either way; the window's edge is inside", arguments: windowOffsets)
    func timeWindow(offset: Int64, accepted: Bool) throws {
        let created = F.now + offset
        let signed = F.sign(F.note(created: created).canonicalBytes)
        if accepted {
            #expect(try F.openNote(signed).payload.header.created == created)
        } else {
            let error = StatementError.outsideTimeWindow(created: created, now: F.now, windowMilliseconds: F.window)
            #expect(throws: error) { try F.openNote(signed) }
        }
    }

    @Test("the default window is five minutes")
    func defaultWindow() {
        #expect(VerificationContext(organization: "x", now: 0).window == 300_000)
    }

    @Test("a zero window accepts only the exact time")
    func zeroWindow() throws {
        let context = F.context(window: 0)
        _ = try F.openNote(F.sign(F.note().canonicalBytes), context)
        #expect(throws: StatementError.outsideTimeWindow(created: F.now + 1, now: F.now, windowMilliseconds: 0)) {
            try F.openNote(F.sign(F.note(created: F.now + 1).canonicalBytes), context)
        }
    }

    @Test("a nil window accepts any creation time", arguments: [Int64(0), 1, 253_402_300_799_999])
    func noWindow(created: Int64) throws {
        let signed = F.sign(F.note(created: created).canonicalBytes)
        #expect(try F.openNote(signed, F.context(window: nil)).payload.header.created == created)
    }

    @Test("created outside year 0-9999 milliseconds is a payload error", arguments: [Int64(-1), 253_402_300_800_000])
    func createdOutOfRange(created: Int64) {
        let signed = F.sign(F.notePayload(set: ["created": .integer(created)]))
        let error = PayloadError.invalidValue(field: "created", reason: "must be between 0 and 253402300799999")
        #expect(throws: StatementError.payload(error)) { try F.openNote(signed, F.context(window: nil)) }
    }

    @Test(
        "a nonce of the wrong length or encoding is refused",
        arguments: [
            Base64URL.encode([UInt8](repeating: 1, count: 15)), Base64URL.encode([UInt8](repeating: 1, count: 17)),
            "", Base64URL.encode(Array(0..<16)) + "==", "AAECAwQFBgcICQoLDA0OD+",
        ])
    func badNonce(_ nonce: String) {
        let signed = F.sign(F.notePayload(set: ["nonce": .string(nonce)]))
        #expect(throws: StatementError.payload(Self.invalidNonce)) { try F.openNote(signed) }
    }

    @Test("an all-zero author key is a payload error on author, before any signature check")
    func zeroAuthor() {
        let zero = Base64URL.encode([UInt8](repeating: 0, count: 32))
        let signed = F.sign(F.notePayload(set: ["author": .string(zero)]))
        let reason = "is not a valid Ed25519 public key (\(SodiumError.invalidPublicKey))"
        #expect(throws: StatementError.payload(.invalidValue(field: "author", reason: reason))) {
            try F.openNote(signed)
        }
    }

    // MARK: - Signatures

    @Test("an author key swapped for another valid key does not verify")
    func swappedAuthor() throws {
        // Signed by `author`, naming `other` as its author.
        let claimed = F.sign(F.notePayload(set: ["author": .string(F.other.publicKey.base64url)]))
        #expect(throws: StatementError.badSignature) { try F.openNote(claimed) }
        // Signed by `author` as itself, then the payload's author replaced.
        let signed = F.sign(F.note().canonicalBytes)
        let swapped = F.altered(signed, payload: F.notePayload(set: ["author": .string(F.other.publicKey.base64url)]))
        #expect(throws: StatementError.badSignature) { try F.openNote(swapped) }
    }

    @Test("flipping one payload byte after signing breaks the signature")
    func flippedPayloadByte() throws {
        let signed = F.sign(F.note().canonicalBytes)
        let payload = signed.payload
        let textStart = try #require(payload.indices.first { payload[$0...].starts(with: Array("hello".utf8)) })
        for offset in 0..<5 {
            var flipped = payload
            flipped[textStart + offset] ^= 0x01
            #expect(throws: StatementError.badSignature) { try F.openNote(F.altered(signed, payload: flipped)) }
        }
    }

    @Test("flipping one signature byte breaks the signature", arguments: [0, 1, 31, 32, 62, 63])
    func flippedSignatureByte(_ index: Int) {
        let signed = F.sign(F.note().canonicalBytes)
        for bit in [0x01, 0x80] as [UInt8] {
            var bytes = signed.signature.bytes
            bytes[index] ^= bit
            let tampered = F.altered(signed, signature: bytes)
            #expect(throws: StatementError.badSignature) { try F.openNote(tampered) }
            #expect(throws: StatementError.badSignature) { try tampered.verify(by: F.author.publicKey) }
        }
    }

    @Test("a bad signature is reported before organization and time are looked at")
    func signatureBeforeContext() {
        let payload = F.edited(F.note(created: 0).members, set: ["org": .string("other-org")])
        let signed = F.sign(payload, with: F.other)
        #expect(throws: StatementError.badSignature) { try F.openNote(signed) }
    }

    // MARK: - The signature covers exact bytes

    static func respellings(of payload: [UInt8]) -> [(String, [UInt8])] {
        let text = String(decoding: payload, as: UTF8.self)
        let members = try! StrictJSONParser().parseObject(payload)
        var spelled: [(String, [UInt8])] = [
            ("a leading space", [0x20] + payload),
            ("a trailing newline", payload + [0x0A]),
            ("a space after the first brace", [payload[0], 0x20] + payload.dropFirst()),
            ("spaces after separators", Array(text.split(separator: ",").joined(separator: ", ").utf8)),
            ("members in reverse order", reverseEncode(members)),
        ]
        let escaped = text.split(separator: "hello", omittingEmptySubsequences: false).joined(separator: #"h\u0065llo"#)
        spelled.append(("an escaped letter", Array(escaped.utf8)))
        return spelled
    }

    static func reverseEncode(_ members: [JSONMember]) -> [UInt8] {
        let parts = members.reversed().map { CanonicalJSON.encode([$0]).dropFirst().dropLast() }
        return Array("{".utf8) + Array(parts.joined(separator: Array(",".utf8))) + Array("}".utf8)
    }

    @Test("the same payload re-serialized with other whitespace, order or escapes no longer verifies")
    func respelledPayload() throws {
        let signed = F.sign(F.note().canonicalBytes)
        let meaning = try StrictJSONParser().parse(signed.payload)
        for (label, bytes) in Self.respellings(of: signed.payload) {
            #expect(bytes != signed.payload, "\(label)")
            let parsed = try StrictJSONParser().parse(bytes)
            #expect(CanonicalJSON.encode(parsed) == CanonicalJSON.encode(meaning), "\(label) means the same")
            let respelled = F.altered(signed, payload: bytes)
            #expect(throws: StatementError.badSignature, "\(label)") { try F.openNote(respelled) }
        }
    }

    @Test("non-canonical bytes that were signed as they are do verify, and the id is of those bytes")
    func nonCanonicalSigned() throws {
        let canonical = F.sign(F.note().canonicalBytes)
        for (label, bytes) in Self.respellings(of: canonical.payload) {
            let signed = F.sign(bytes)
            let verified = try F.openNote(signed)
            #expect(verified.payload == F.note(), "\(label)")
            #expect(verified.statement.payload == bytes, "\(label): the bytes are kept as received")
            #expect(signed.id == SHA256.hash(Array("plenum/v1/test.note\0".utf8) + bytes), "\(label)")
            #expect(signed.id != canonical.id, "\(label)")
        }
    }
}
