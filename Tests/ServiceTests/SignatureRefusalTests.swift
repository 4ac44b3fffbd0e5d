import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("Refused signatures, keys and headers change nothing")
struct SignatureRefusalTests {
    @Test("a statement signed by another key than its author is bad_signature (401)")
    func signedByAnotherKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let payload = ProposalCreate(header: test.header(ann), title: "Forged", text: "Signed by someone else.")
        let mallory = try SigningKey.generate()
        let forged = test.sign(payload, mallory)
        try await test.expectRefusal(
            SignedStatement(kind: forged.kind, payload: forged.payload, signature: forged.signature),
            code: "bad_signature", .unauthenticated)
        // Signed by another *member* (the steward) in Ann's name: still refused.
        try await test.expectRefusal(test.sign(payload, test.steward), code: "bad_signature", .unauthenticated)
    }

    @Test("a byte flipped in the payload after signing is bad_signature (401)")
    func flippedPayloadByte() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(
            ProposalCreate(header: test.header(ann), title: "Paint", text: "Green."), ann)
        // Flip "Green." to "Gseen." — the JSON stays well formed; only the signature can tell.
        var payload = statement.payload
        let text = Array("Green.".utf8)
        let start = try #require(
            (0...(payload.count - text.count)).first { Array(payload[$0..<($0 + text.count)]) == text })
        payload[start + 1] ^= 0x01
        try await test.expectRefusal(
            replacingPayload(statement, with: payload), code: "bad_signature", .unauthenticated)
        // And the untouched statement is still accepted.
        let receipt = try await test.organization.submit(statement)
        #expect(receipt.statement == StatementID(statement.id))
    }

    @Test("a flipped signature byte and an all-zero signature are bad_signature (401)")
    func brokenSignature() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(
            ProposalCreate(header: test.header(ann), title: "Paint", text: "Green."), ann)
        var bytes = statement.signature.bytes
        bytes[10] ^= 0x80
        try await test.expectRefusal(
            SignedStatement(kind: statement.kind, payload: statement.payload, signature: try Signature(bytes: bytes)),
            code: "bad_signature", .unauthenticated)
        try await test.expectRefusal(
            SignedStatement(
                kind: statement.kind, payload: statement.payload,
                signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))),
            code: "bad_signature", .unauthenticated)
    }

    @Test("a statement signed by a key no member holds is unknown_key (403)")
    func unknownKey() async throws {
        let test = try TestOrganization()
        let stranger = try SigningKey.generate()
        try await test.expectRefusal(
            ProposalCreate(header: test.header(stranger), title: "Hi", text: "Let me in."), by: stranger,
            code: "unknown_key", .forbidden)
    }

    @Test("a suspended member's statement is member_suspended (403), their ballot too")
    func suspendedMember() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.submit(
            MemberSuspend(header: test.header(test.steward), member: MemberID(ann.publicKey), reason: "Spam"),
            by: test.steward)
        try await test.expectRefusal(
            ProposalCreate(header: test.header(ann), title: "Hi", text: "Still here."), by: ann,
            code: "member_suspended", .forbidden)
        try await test.expectRefusal(
            test.ballot(round, .ranking([["Yes"]]), by: ann), by: ann, code: "member_suspended", .forbidden)
    }

    @Test("a statement signed by a revoked key is key_revoked (403)")
    func revokedKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        try await test.submit(
            KeyRevoke(header: test.header(ann), member: MemberID(ann.publicKey), key: ann.publicKey, reason: "Lost"),
            by: ann)
        try await test.expectRefusal(
            ProposalCreate(header: test.header(ann), title: "Hi", text: "Revoked."), by: ann,
            code: "key_revoked", .forbidden)
    }

    @Test("a statement signed by a rotated (old) key is key_rotated (403); the new key works")
    func rotatedKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let next = try SigningKey.generate()
        try await test.submit(KeyRotate(header: test.header(ann), newKey: next.publicKey), by: ann)
        try await test.expectRefusal(
            ProposalCreate(header: test.header(ann), title: "Hi", text: "Old key."), by: ann,
            code: "key_rotated", .forbidden)
        // The old key cannot rotate again either.
        let third = try SigningKey.generate()
        try await test.expectRefusal(
            KeyRotate(header: test.header(ann), newKey: third.publicKey), by: ann, code: "key_rotated", .forbidden)
        try await test.submit(ProposalCreate(header: test.header(next), title: "Hi", text: "New key."), by: next)
    }

    @Test("joining with a member's key is key_registered (409); the invitation stays open")
    func joinWithRegisteredKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let secret = try await test.invite("Bob")
        try await test.expectRefusal(
            MemberJoin(header: test.header(ann), secret: secret, name: "Bob"), by: ann, code: "key_registered",
            .conflict)
        // The steward's (founder's) key too.
        try await test.expectRefusal(
            MemberJoin(header: test.header(test.steward), secret: secret, name: "Bob"), by: test.steward,
            code: "key_registered", .conflict)
        let invitation = try #require(try test.organization.read { $0.invitations[SHA256.hash(secret)] })
        #expect(invitation.redeemedBy == nil)
        let bob = try SigningKey.generate()
        try await test.submit(MemberJoin(header: test.header(bob), secret: secret, name: "Bob"), by: bob)
    }

    @Test("joining with the log key is key_registered (409)")
    func joinWithLogKey() async throws {
        let test = try TestOrganization()
        let secret = try await test.invite("Log")
        // The log key signing anything but its own statements is refused before the join rules
        // look at it, or by them; either way nothing changes.
        let join = MemberJoin(header: test.header(test.logKey), secret: secret, name: "Log")
        try await test.expectRefusal(join, by: test.logKey, code: "key_registered", .conflict)
    }

    @Test("rotating to a key another member holds is key_registered (409)")
    func rotateToRegisteredKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        try await test.expectRefusal(
            KeyRotate(header: test.header(ann), newKey: bob.publicKey), by: ann, code: "key_registered", .conflict)
        try await test.expectRefusal(
            KeyRotate(header: test.header(ann), newKey: test.logKey.publicKey), by: ann, code: "key_registered",
            .conflict)
    }

    @Test("rotating to a key that was rotated away is key_registered (409): keys never return")
    func rotateToRetiredKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let next = try SigningKey.generate()
        try await test.submit(KeyRotate(header: test.header(ann), newKey: next.publicKey), by: ann)
        try await test.expectRefusal(
            KeyRotate(header: test.header(next), newKey: ann.publicKey), by: next, code: "key_registered", .conflict)
    }

    @Test("a statement for another organization is wrong_organization (403)")
    func anotherOrganization() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        try await test.expectRefusal(
            ProposalCreate(header: test.header(ann, organization: "other-org"), title: "Hi", text: "Wrong place."),
            by: ann, code: "wrong_organization", .forbidden)
    }

    @Test("created too far before or after the clock is outside_time_window (400)")
    func outsideTimeWindow() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let window = test.organization.configuration.timeWindow
        for offset in [-window - 1, window + 1, -86_400_000] {
            let header = StatementHeader(
                organization: TestOrganization.id, author: ann.publicKey, created: test.now + offset)
            try await test.expectRefusal(
                ProposalCreate(header: header, title: "Hi", text: "Late."), by: ann, code: "outside_time_window",
                .malformed)
        }
        // Exactly at the edge of the window is still accepted.
        let edge = StatementHeader(organization: TestOrganization.id, author: ann.publicKey, created: test.now - window)
        try await test.submit(ProposalCreate(header: edge, title: "Hi", text: "Just in time."), by: ann)
    }

    @Test("a statement signed now but received after the window has passed is outside_time_window (400)")
    func receivedTooLate() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(ProposalCreate(header: test.header(ann), title: "Hi", text: "Slow mail."), ann)
        test.advance(milliseconds: test.organization.configuration.timeWindow + 1)
        try await test.expectRefusal(statement, code: "outside_time_window", .malformed)
    }

    @Test("the log key may not sign member statements: log_only (403)")
    func logKeyAsAuthor() async throws {
        let test = try TestOrganization()
        try await test.expectRefusal(
            ProposalCreate(header: test.header(test.logKey), title: "Hi", text: "From the log."), by: test.logKey,
            code: "log_only", .forbidden)
    }
}
