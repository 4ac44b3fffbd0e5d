import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("Steward actions by a non-steward, and member rules, change nothing")
struct PermissionRefusalTests {
    @Test("every steward action signed by a plain member is not_steward (403)")
    func nonStewardActions() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let bobID = MemberID(bob.publicKey)
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let proposal = try await test.propose(by: bob)
        let comment = try await test.submit(
            CommentPost(
                header: test.header(bob), proposal: proposal, replyTo: nil, stance: .for, text: "Yes please."),
            by: bob
        ).statement
        try await test.submit(
            MemberSuspend(header: test.header(test.steward), member: bobID, reason: "Testing reinstate"),
            by: test.steward)

        let actions: [(String, SignedStatement)] = [
            (
                "invite",
                test.sign(
                    MemberInvite(
                        header: test.header(ann), code: SHA256.hash(SecureRandom.bytes(count: 32)), name: "Cid",
                        roles: [.member], weight: 1, expires: test.now + 60_000), ann)
            ),
            (
                "suspend",
                test.sign(
                    MemberSuspend(header: test.header(ann), member: MemberID(test.steward.publicKey), reason: "Coup"),
                    ann)
            ),
            ("reinstate", test.sign(MemberReinstate(header: test.header(ann), member: bobID), ann)),
            ("open round", test.sign(try test.roundOpen(by: ann), ann)),
            ("close round", test.sign(RoundClose(header: test.header(ann), round: round), ann)),
            ("hide comment", test.sign(CommentHide(header: test.header(ann), comment: comment, reason: "Mine"), ann)),
            (
                "set weight",
                test.sign(MemberWeight(header: test.header(ann), member: MemberID(ann.publicKey), weight: 100), ann)
            ),
            (
                "set roles",
                test.sign(
                    MemberRoles(header: test.header(ann), member: MemberID(ann.publicKey), roles: [.member, .steward]),
                    ann)
            ),
            (
                "adopt proposal",
                test.sign(ProposalStateChange(header: test.header(ann), proposal: proposal, state: .adopted), ann)
            ),
        ]
        for (action, statement) in actions {
            try await test.expectRefusal(statement, code: "not_steward", .forbidden)
            _ = action
        }
        // Ann is still a plain member with weight 1; the round is open; the comment visible.
        let state = try test.organization.read { $0 }
        #expect(state.members[MemberID(ann.publicKey)]?.roles == [.member])
        #expect(state.members[MemberID(ann.publicKey)]?.weight == 1)
        #expect(state.rounds[round]?.state == .open)
        #expect(state.comments[comment]?.hiddenReason == nil)
        #expect(state.members[bobID]?.status == .suspended)
    }

    @Test("an auditor is not a steward either (403)")
    func auditorIsNotSteward() async throws {
        let test = try TestOrganization()
        let audrey = try await test.join("Audrey", roles: [.member, .auditor])
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        try await test.expectRefusal(
            RoundClose(header: test.header(audrey), round: round), by: audrey, code: "not_steward", .forbidden)
    }

    @Test("a member revoking another member's key is not_allowed (403)")
    func revokeOthersKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        try await test.expectRefusal(
            KeyRevoke(header: test.header(ann), member: MemberID(bob.publicKey), key: bob.publicKey, reason: "Mean"),
            by: ann, code: "not_allowed", .forbidden)
    }

    @Test("a member editing another's comment, or revising another's proposal, is not_author (403)")
    func notAuthor() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let proposal = try await test.propose(by: bob)
        let comment = try await test.submit(
            CommentPost(header: test.header(bob), proposal: proposal, replyTo: nil, stance: .for, text: "Mine."),
            by: bob
        ).statement
        try await test.expectRefusal(
            CommentEdit(header: test.header(ann), comment: comment, stance: .against, text: "Now yours."), by: ann,
            code: "not_author", .forbidden)
        try await test.expectRefusal(
            ProposalRevise(
                header: test.header(ann), proposal: proposal, parent: proposal, title: "Hijacked", text: "Red.",
                summary: nil),
            by: ann, code: "not_author", .forbidden)
    }

    @Test("member.join with an added weight, role or roles field is unknown_field (400)")
    func joinWithUnknownField() async throws {
        let test = try TestOrganization()
        let secret = try await test.invite("Ann", weight: 1)
        let ann = try SigningKey.generate()
        let join = MemberJoin(header: test.header(ann), secret: secret, name: "Ann")
        let extras: [JSONMember] = [
            JSONMember("weight", .integer(1000)), JSONMember("role", .string("steward")),
            JSONMember("roles", .array([.string("member"), .string("steward")])),
        ]
        for extra in extras {
            let payload = CanonicalJSON.encode(join.members + [extra])
            try await test.expectRefusal(
                SignedStatement(signing: payload, as: MemberJoin.kind, with: ann), code: "unknown_field", .malformed)
        }
        // Without the extra field the same join is accepted, with the invited weight and roles.
        try await test.submit(join, by: ann)
        let member = try test.organization.read { $0.members[MemberID(ann.publicKey)] }
        #expect(member?.weight == 1)
        #expect(member?.roles == [.member])
    }

    @Test("a ballot with an added weight field is unknown_field (400)")
    func ballotWithUnknownField() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let ballot = test.ballot(round, .ranking([["Yes"]]), by: ann)
        let payload = CanonicalJSON.encode(ballot.members + [JSONMember("weight", .integer(50))])
        try await test.expectRefusal(
            SignedStatement(signing: payload, as: BallotCast.kind, with: ann), code: "unknown_field", .malformed)
    }

    @Test("duplicate keys in a signed payload are duplicate_key (400)")
    func duplicateKey() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let create = ProposalCreate(header: test.header(ann), title: "Paint", text: "Green.")
        var text = String(decoding: create.canonicalBytes, as: UTF8.self)
        text.removeLast()
        text += ",\"title\":\"Demolish\"}"
        try await test.expectRefusal(
            SignedStatement(signing: Array(text.utf8), as: ProposalCreate.kind, with: ann), code: "duplicate_key",
            .malformed)
    }

    @Test("an open round's electorate that changed since it was fetched is electorate_changed (409)")
    func electorateChanged() async throws {
        let test = try TestOrganization()
        _ = try await test.join("Ann")
        let fetched = try test.electorate()
        _ = try await test.join("Bob")
        try await test.expectRefusal(
            try test.roundOpen(electorate: fetched), by: test.steward, code: "electorate_changed", .conflict)
        // A weight change alone changes the commitment too.
        let refetched = try test.electorate()
        try await test.submit(
            MemberWeight(header: test.header(test.steward), member: MemberID(test.steward.publicKey), weight: 2),
            by: test.steward)
        try await test.expectRefusal(
            try test.roundOpen(electorate: refetched), by: test.steward, code: "electorate_changed", .conflict)
        #expect(try test.organization.read { $0.rounds.isEmpty })
    }

    @Test("the last steward cannot be suspended, lose the role, or lose their key: last_steward (409)")
    func lastSteward() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let stewardID = MemberID(test.steward.publicKey)
        try await test.expectRefusal(
            MemberSuspend(header: test.header(test.steward), member: stewardID, reason: "Tired"), by: test.steward,
            code: "last_steward", .conflict)
        try await test.expectRefusal(
            MemberRoles(header: test.header(test.steward), member: stewardID, roles: [.member]), by: test.steward,
            code: "last_steward", .conflict)
        try await test.expectRefusal(
            KeyRevoke(
                header: test.header(test.steward), member: stewardID, key: test.steward.publicKey, reason: "Lost"),
            by: test.steward, code: "last_steward", .conflict)
        // With a second steward, the first may step down.
        try await test.submit(
            MemberRoles(
                header: test.header(test.steward), member: MemberID(ann.publicKey), roles: [.member, .steward]),
            by: test.steward)
        try await test.submit(
            MemberSuspend(header: test.header(ann), member: stewardID, reason: "Handover"), by: ann)
    }

    @Test("an invitation redeemed twice is invitation_used (409)")
    func invitationUsedTwice() async throws {
        let test = try TestOrganization()
        let secret = try await test.invite("Ann")
        let ann = try SigningKey.generate()
        try await test.submit(MemberJoin(header: test.header(ann), secret: secret, name: "Ann"), by: ann)
        let eve = try SigningKey.generate()
        try await test.expectRefusal(
            MemberJoin(header: test.header(eve), secret: secret, name: "Eve"), by: eve, code: "invitation_used",
            .conflict)
    }

    @Test("an expired invitation is invitation_expired (409); an unknown secret is unknown_invitation (404)")
    func invitationExpired() async throws {
        let test = try TestOrganization()
        let secret = try await test.invite("Ann", expiresIn: 1_000)
        test.advance(milliseconds: 1_000)
        let ann = try SigningKey.generate()
        try await test.expectRefusal(
            MemberJoin(header: test.header(ann), secret: secret, name: "Ann"), by: ann, code: "invitation_expired",
            .conflict)
        try await test.expectRefusal(
            MemberJoin(header: test.header(ann), secret: SecureRandom.bytes(count: 32), name: "Ann"), by: ann,
            code: "unknown_invitation", .notFound)
    }

    @Test("suspending a suspended member is already_suspended (409); an unknown member unknown_member (404)")
    func suspendTwice() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let annID = MemberID(ann.publicKey)
        try await test.submit(
            MemberSuspend(header: test.header(test.steward), member: annID, reason: "One"), by: test.steward)
        try await test.expectRefusal(
            MemberSuspend(header: test.header(test.steward), member: annID, reason: "Two"), by: test.steward,
            code: "already_suspended", .conflict)
        let nobody = try SigningKey.generate()
        try await test.expectRefusal(
            MemberSuspend(header: test.header(test.steward), member: MemberID(nobody.publicKey), reason: "Who"),
            by: test.steward, code: "unknown_member", .notFound)
    }
}
