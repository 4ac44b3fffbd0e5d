import Sodium
import Testing

@testable import Ledger

@Suite("Signed statements: round trip, kinds, error codes")
struct StatementTests {
    typealias F = StatementFixture

    // MARK: - Round trip

    @Test("a signed note opens to the same payload; its id is SHA-256 of the signed bytes")
    func roundTrip() throws {
        let note = F.note()
        let signed = SignedStatement(signing: note.canonicalBytes, as: TestNote.kind, with: F.author)
        let verified = try signed.open(as: TestNote.self, context: F.context())
        #expect(verified.payload == note)
        #expect(verified.statement == signed)
        #expect(verified.payload.header.author == F.author.publicKey)

        let prefix = Array("plenum/v1/test.note".utf8) + [0]
        #expect(Array(signed.signedBytes.prefix(prefix.count)) == prefix)
        #expect(signed.signedBytes == prefix + note.canonicalBytes)
        #expect(signed.signedBytes == SignedStatement.signedBytes(kind: TestNote.kind, payload: signed.payload))
        #expect(signed.id == SHA256.hash(signed.signedBytes))
        #expect(signed.id == SHA256.hash(prefix + note.canonicalBytes))
        #expect(F.author.publicKey.isValidSignature(signed.signature, for: signed.signedBytes))
        try signed.verify(by: F.author.publicKey)
        #expect(throws: StatementError.badSignature) { try signed.verify(by: F.other.publicKey) }
    }

    @Test("the payload bytes are the canonical JSON of the header and the note's field")
    func payloadBytes() {
        let author = F.author.publicKey.base64url
        let expected =
            #"{"author":""# + author
            + #"","created":1700000000000,"nonce":"AAECAwQFBgcICQoLDA0ODw","org":"acme-coop","text":"hello"}"#
        #expect(F.note().canonicalBytes == Array(expected.utf8))
        #expect(SignedStatement.prefix == "plenum/v1/")
    }

    @Test("a vote round-trips too, and signing is deterministic")
    func voteRoundTrip() throws {
        let vote = TestVote(header: F.header(), choice: -3)
        let signed = F.sign(vote.canonicalBytes, as: TestVote.kind)
        #expect(try signed.open(as: TestVote.self, context: F.context()).payload == vote)
        #expect(Array(signed.signedBytes.prefix(20)) == Array("plenum/v1/test.vote".utf8) + [0])
        #expect(F.sign(vote.canonicalBytes, as: TestVote.kind) == signed)
    }

    @Test("a fresh random nonce is 16 bytes and round-trips")
    func randomNonce() throws {
        let header = StatementHeader(organization: F.organization, author: F.author.publicKey, created: F.now)
        #expect(header.nonce.count == StatementHeader.nonceLength)
        let note = TestNote(header: header, text: "x")
        #expect(try F.openNote(F.sign(note.canonicalBytes)).payload == note)
    }

    @Test("the id covers kind, payload and nonce")
    func idsDiffer() {
        let payload = F.note().canonicalBytes
        let asNote = F.sign(payload)
        #expect(F.sign(payload, as: TestVote.kind).id != asNote.id)
        var other = F.note()
        other.header.nonce[0] ^= 1
        #expect(F.sign(other.canonicalBytes).id != asNote.id)
        // The signature is not part of the id: re-signing by another key keeps it.
        #expect(F.sign(payload, with: F.other).id == asNote.id)
    }

    // MARK: - Kinds keep signatures apart

    @Test("a note never opens as a vote")
    func noteIsNotAVote() {
        let signed = F.sign(F.note().canonicalBytes)
        #expect(throws: StatementError.kindMismatch(expected: TestVote.kind, actual: TestNote.kind)) {
            try signed.open(as: TestVote.self, context: F.context())
        }
    }

    @Test("a vote-shaped payload signed as a note: kindMismatch as is, badSignature once relabelled")
    func relabelledKind() throws {
        let votePayload = TestVote(header: F.header(), choice: 1).canonicalBytes
        let signedAsNote = F.sign(votePayload, as: TestNote.kind)
        try signedAsNote.verify(by: F.author.publicKey)
        #expect(throws: StatementError.kindMismatch(expected: TestVote.kind, actual: TestNote.kind)) {
            try signedAsNote.open(as: TestVote.self, context: F.context())
        }
        #expect(throws: StatementError.payload(.missingField("text"))) { try F.openNote(signedAsNote) }

        // Same payload bytes and signature, kind changed: the payload now fits, the signature does not.
        let relabelled = F.altered(signedAsNote, kind: TestVote.kind)
        #expect(relabelled.signature == signedAsNote.signature)
        #expect(relabelled.payload == signedAsNote.payload)
        #expect(relabelled.id != signedAsNote.id)
        #expect(throws: StatementError.badSignature) { try relabelled.verify(by: F.author.publicKey) }
        #expect(throws: StatementError.badSignature) {
            try relabelled.open(as: TestVote.self, context: F.context())
        }
    }

    @Test("a note relabelled as another kind with a note-shaped payload does not verify either")
    func relabelledNote() throws {
        let noteKindTwin = try StatementKind("test.note2")
        let signed = F.sign(F.note().canonicalBytes)
        let relabelled = F.altered(signed, kind: noteKindTwin)
        #expect(throws: StatementError.badSignature) { try relabelled.verify(by: F.author.publicKey) }
        #expect(throws: StatementError.kindMismatch(expected: TestNote.kind, actual: noteKindTwin)) {
            try F.openNote(relabelled)
        }
    }

    // MARK: - StatementKind

    static let badKinds: [String] = [
        "", "Ballot", "ballot.Cast", "BALLOT", "1ballot", "9", ".ballot", "-ballot", "ballot\0cast", "ballot\0",
        "ballot cast", "ballot_cast", "ballot/cast", "ballöt", "é", String(repeating: "a", count: 65),
    ]

    @Test("malformed kind names are refused with invalidKind", arguments: badKinds)
    func invalidKind(_ name: String) {
        #expect(!StatementKind.isWellFormed(name))
        #expect(throws: StatementError.invalidKind(name)) { try StatementKind(name) }
    }

    static let goodKinds: [String] = [
        "ballot.cast", "a-b.c1", "a", "member.join", "z9", "a.", "a-", "a..b", String(repeating: "a", count: 64),
    ]

    @Test("well-formed kind names are accepted", arguments: goodKinds)
    func validKind(_ name: String) throws {
        #expect(StatementKind.isWellFormed(name))
        let kind = try StatementKind(name)
        #expect(kind.name == name)
        #expect(kind.description == name)
    }

    @Test("the fixture kinds are the names the brief fixes")
    func fixtureKinds() {
        #expect(TestNote.kind.name == "test.note")
        #expect(TestVote.kind.name == "test.vote")
        #expect(TestNote.kind < TestVote.kind)
    }

    // MARK: - Error codes

    /// Every PayloadError case once. The exhaustive switch in `index(of:)` stops compiling when a
    /// case is added, so this list cannot silently fall behind.
    static let payloadErrors: [PayloadError] = [
        .invalidUTF8(offset: 0), .controlCharacter(offset: 0), .duplicateKey("k", offset: 0),
        .nonIntegerNumber(offset: 0), .leadingZero(offset: 0), .negativeZero(offset: 0),
        .integerOutOfRange(offset: 0), .invalidEscape(offset: 0), .unexpectedCharacter(offset: 0),
        .unexpectedEnd, .trailingData(offset: 0), .tooDeep(limit: 1), .tooLarge(limit: 1), .notAnObject,
        .unknownField("f"), .missingField("f"), .wrongType(field: "f", expected: "a string", actual: "integer"),
        .invalidValue(field: "f", reason: "r"),
    ]

    static func index(of error: PayloadError) -> Int {
        switch error {
        case .invalidUTF8: 0
        case .controlCharacter: 1
        case .duplicateKey: 2
        case .nonIntegerNumber: 3
        case .leadingZero: 4
        case .negativeZero: 5
        case .integerOutOfRange: 6
        case .invalidEscape: 7
        case .unexpectedCharacter: 8
        case .unexpectedEnd: 9
        case .trailingData: 10
        case .tooDeep: 11
        case .tooLarge: 12
        case .notAnObject: 13
        case .unknownField: 14
        case .missingField: 15
        case .wrongType: 16
        case .invalidValue: 17
        }
    }

    static let statementErrors: [StatementError] = [
        .invalidKind("X"), .kindMismatch(expected: TestNote.kind, actual: TestVote.kind), .badSignature,
        .malformedSignature, .wrongOrganization(expected: "a", actual: "b"),
        .outsideTimeWindow(created: 0, now: 1, windowMilliseconds: 0), .malformedEntry("x"),
        .unknownKind(TestNote.kind),
    ]

    static func index(of error: StatementError) -> Int {
        switch error {
        case .invalidKind: 0
        case .kindMismatch: 1
        case .payload: -1
        case .badSignature: 2
        case .malformedSignature: 3
        case .wrongOrganization: 4
        case .outsideTimeWindow: 5
        case .malformedEntry: 6
        case .unknownKind: 7
        }
    }

    @Test("every PayloadError and StatementError code is distinct")
    func codesDistinct() {
        #expect(Set(Self.payloadErrors.map(Self.index(of:))) == Set(0..<18), "one sample of each case")
        #expect(Set(Self.statementErrors.map(Self.index(of:))) == Set(0..<8), "one sample of each case")
        let codes = Self.payloadErrors.map(\.code) + Self.statementErrors.map(\.code)
        #expect(Set(codes).count == codes.count, "codes: \(codes.sorted())")
        for code in codes {
            let snakeCase = code.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F
            }
            #expect(!code.isEmpty && snakeCase, "\(code)")
        }
    }

    @Test("a wrapped payload error keeps its code and description", arguments: payloadErrors)
    func wrappedPayloadError(_ error: PayloadError) {
        #expect(StatementError.payload(error).code == error.code)
        #expect(StatementError.payload(error).description == error.description)
        #expect(!error.description.isEmpty)
    }
}
