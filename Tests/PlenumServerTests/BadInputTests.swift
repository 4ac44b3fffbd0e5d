import Foundation
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

/// The log and the parts of the state a refused request could touch.
private struct LogFingerprint: Equatable {
    let size: UInt64
    let checkpointSize: UInt64
    let root: SHA256Digest
    let members: Int
    let proposals: Int
    let rounds: Int
    let ballotStatements: Int

    init(_ test: TestOrganization) throws {
        let checkpoint = try test.organization.latestCheckpoint().checkpoint
        checkpointSize = checkpoint.size
        root = checkpoint.root
        let state = try test.organization.read { $0 }
        size = state.size
        members = state.members.count
        proposals = state.proposals.count
        rounds = state.rounds.count
        ballotStatements = state.rounds.values.reduce(0) { $0 + $1.ballotStatements }
    }
}

/// An organization served in-process; `stop()` when done.
private struct Served {
    let test: TestOrganization
    let server: TestServer

    init(configuration: ServiceConfiguration = ServiceConfiguration()) async throws {
        test = try TestOrganization(configuration: configuration)
        server = try await TestServer(test.organization)
    }

    func stop() async { await server.stop() }

    func token(_ key: SigningKey) async throws -> String {
        try await server.login(key, created: test.now)
    }
}

/// The wire form of a statement, with optional extra envelope members.
private func wire(_ statement: SignedStatement, extra: [JSONMember] = []) -> [UInt8] {
    CanonicalJSON.encode(
        .object(
            [
                JSONMember("kind", .string(statement.kind.name)),
                JSONMember("payload", .string(Base64URL.encode(statement.payload))),
                JSONMember("signature", .string(statement.signature.base64url)),
            ] + extra))
}

/// Checks that `response` is exactly `{"error":{"code":code,"message":...}}` with `status`.
private func expectError(
    _ response: APIResponse, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let text = String(decoding: response.body.prefix(400), as: UTF8.self)
    #expect(response.status == status, "body: \(text)", sourceLocation: sourceLocation)
    guard case .object(let top)? = response.json, top.count == 1, top[0].key == "error",
        case .object(let error) = top[0].value, error.count == 2
    else {
        Issue.record("not an error body: \(text)", sourceLocation: sourceLocation)
        return
    }
    let fields = Dictionary(uniqueKeysWithValues: error.map { ($0.key, $0.value) })
    #expect(fields["code"] == .string(code), "body: \(text)", sourceLocation: sourceLocation)
    guard case .string(let message)? = fields["message"] else {
        Issue.record("the error has no message string: \(text)", sourceLocation: sourceLocation)
        return
    }
    #expect(!message.isEmpty, sourceLocation: sourceLocation)
}

@Suite("Bad input over HTTP: the right status, the exact error body, no state change", .serialized)
struct BadInputTests {
    // MARK: Bodies

    @Test("malformed JSON bodies are 400 with the parser's code")
    func malformedJSON() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        let cases: [(String, String)] = [
            ("{\"kind\":", "unexpected_end"),
            ("{\"kind\" \"x\"}", "unexpected_character"),
            ("{\"kind\":\"a\"} x", "trailing_data"),
            ("{\"kind\":\"a\",\"kind\":\"b\"}", "duplicate_key"),
            ("[]", "not_an_object"),
            ("", "unexpected_end"),
            ("{\"kind\":1.5}", "non_integer_number"),
        ]
        for (body, code) in cases {
            let response = try await served.server.request("POST", "statements", body: Array(body.utf8))
            expectError(response, 400, code)
        }
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("a body that is not UTF-8 is 400 invalid_utf8")
    func nonUTF8() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        let bodies: [[UInt8]] = [
            Array("{\"kind\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8),
            Array("{\"kind\":\"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8),  // overlong "/"
            Array("{\"kind\":\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8),  // encoded surrogate
        ]
        for body in bodies {
            expectError(try await served.server.request("POST", "statements", body: body), 400, "invalid_utf8")
        }
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("a body nested 17 levels deep is 400 too_deep; 16 levels parse (and fail as missing_field)")
    func tooDeep() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        func nested(_ levels: Int) -> [UInt8] {
            // The top object is level 1; `levels - 1` arrays inside it.
            Array(
                ("{\"deep\":" + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1)
                    + "}").utf8)
        }
        expectError(try await served.server.request("POST", "statements", body: nested(17)), 400, "too_deep")
        expectError(try await served.server.request("POST", "statements", body: nested(1000)), 400, "too_deep")
        expectError(try await served.server.request("POST", "statements", body: nested(16)), 400, "missing_field")
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("an array longer than 10,000 elements is 413 too_long; 10,000 is parsed")
    func tooLongArray() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        func array(_ count: Int) -> [UInt8] {
            Array(("{\"items\":[" + Array(repeating: "0", count: count).joined(separator: ",") + "]}").utf8)
        }
        expectError(try await served.server.request("POST", "statements", body: array(10_001)), 413, "too_long")
        // At the limit the body parses; the envelope then lacks its fields.
        expectError(try await served.server.request("POST", "statements", body: array(10_000)), 400, "missing_field")
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("a body over 1 MiB is 413 too_large")
    func oversizeBody() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        let padding = String(repeating: "a", count: (1 << 20) + 1)
        let body = Array("{\"kind\":\"\(padding)\"}".utf8)
        expectError(try await served.server.request("POST", "statements", body: body), 413, "too_large")
        #expect(try LogFingerprint(served.test) == before)
        // The server still answers afterwards.
        let health = try await served.server.request("GET", "health")
        #expect(health.status == 200)
        await served.stop()
    }

    @Test("a body of exactly 1 MiB is read (and refused for its content, 400), not 413")
    func bodyAtTheLimit() async throws {
        let served = try await Served()
        let before = try LogFingerprint(served.test)
        let frame = Array("{\"kind\":\"\"}".utf8)
        let padding = String(repeating: "a", count: (1 << 20) - frame.count)
        let body = Array("{\"kind\":\"\(padding)\"}".utf8)
        #expect(body.count == 1 << 20)
        expectError(try await served.server.request("POST", "statements", body: body), 400, "missing_field")
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("an unknown or ill-formed kind, or a payload that is not base64url, is 400")
    func badEnvelopeValues() async throws {
        let served = try await Served()
        let test = served.test
        let statement = test.sign(
            ProposalCreate(header: test.header(test.steward), title: "Paint", text: "Green."), test.steward)
        let before = try LogFingerprint(test)
        func envelope(kind: String, payload: String) -> [UInt8] {
            CanonicalJSON.encode(
                .object([
                    JSONMember("kind", .string(kind)), JSONMember("payload", .string(payload)),
                    JSONMember("signature", .string(statement.signature.base64url)),
                ]))
        }
        let payload = Base64URL.encode(statement.payload)
        expectError(
            try await served.server.request(
                "POST", "statements", body: envelope(kind: "proposal.delete", payload: payload)),
            400, "unknown_kind")
        expectError(
            try await served.server.request(
                "POST", "statements", body: envelope(kind: "Proposal Create", payload: payload)),
            400, "invalid_kind")
        expectError(
            try await served.server.request(
                "POST", "statements", body: envelope(kind: "proposal.create", payload: "*=*")),
            400, "invalid_value")
        // A proposal signed as proposal.create but labelled a ballot: its fields do not fit.
        expectError(
            try await served.server.request(
                "POST", "statements", body: envelope(kind: "ballot.cast", payload: payload)),
            400, "missing_field")
        #expect(try LogFingerprint(test) == before)
        await served.stop()
    }

    @Test("a statement payload over the payload limit (256 KiB) in a body under 1 MiB is 413 too_large")
    func oversizePayload() async throws {
        let served = try await Served()
        let steward = served.test.steward
        let before = try LogFingerprint(served.test)
        let create = ProposalCreate(
            header: served.test.header(steward), title: "Long", text: String(repeating: "x", count: 300_000))
        let response = try await served.server.post(served.test.sign(create, steward))
        expectError(response, 413, "too_large")
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    @Test("an unknown field in the wire envelope is 400 unknown_field, and nothing is appended")
    func unknownEnvelopeField() async throws {
        let served = try await Served()
        let steward = served.test.steward
        let statement = served.test.sign(
            ProposalCreate(header: served.test.header(steward), title: "Paint", text: "Green."), steward)
        let before = try LogFingerprint(served.test)
        for extra in [JSONMember("weight", .integer(100)), JSONMember("role", .string("steward"))] {
            let response = try await served.server.request(
                "POST", "statements", body: wire(statement, extra: [extra]))
            expectError(response, 400, "unknown_field")
        }
        #expect(try LogFingerprint(served.test) == before)
        // The same statement in a clean envelope is accepted.
        #expect(try await served.server.post(statement).status == 201)
        await served.stop()
    }

    @Test("an unknown field inside a signed member.join payload is 400 unknown_field")
    func unknownPayloadField() async throws {
        let served = try await Served()
        let test = served.test
        let secret = SecureRandom.bytes(count: 32)
        try await test.submit(
            MemberInvite(
                header: test.header(test.steward), code: SHA256.hash(secret), name: "Ann", roles: [.member],
                weight: 1, expires: test.now + 60_000),
            by: test.steward)
        let ann = try SigningKey.generate()
        let join = MemberJoin(header: test.header(ann), secret: secret, name: "Ann")
        let payload = CanonicalJSON.encode(join.members + [JSONMember("weight", .integer(1000))])
        let before = try LogFingerprint(test)
        let response = try await served.server.post(SignedStatement(signing: payload, as: MemberJoin.kind, with: ann))
        expectError(response, 400, "unknown_field")
        #expect(try LogFingerprint(test) == before)
        await served.stop()
    }

    // MARK: Signatures

    @Test("a wrong, malformed or empty signature is 401")
    func badSignatures() async throws {
        let served = try await Served()
        let test = served.test
        let statement = test.sign(
            ProposalCreate(header: test.header(test.steward), title: "Paint", text: "Green."), test.steward)
        let before = try LogFingerprint(test)
        let other = try SigningKey.generate()
        let forged = SignedStatement(
            kind: statement.kind, payload: statement.payload, signature: other.sign(statement.signedBytes))
        expectError(try await served.server.post(forged), 401, "bad_signature")
        var flipped = statement.payload
        flipped[flipped.count - 4] ^= 0x01  // inside the title "Paint": still well-formed JSON
        expectError(
            try await served.server.post(
                SignedStatement(kind: statement.kind, payload: flipped, signature: statement.signature)),
            401, "bad_signature")
        func envelope(signature: String) -> [UInt8] {
            CanonicalJSON.encode(
                .object([
                    JSONMember("kind", .string(statement.kind.name)),
                    JSONMember("payload", .string(Base64URL.encode(statement.payload))),
                    JSONMember("signature", .string(signature)),
                ]))
        }
        for signature in ["", "AAAA", String(statement.signature.base64url.dropLast(2)), "not base64!"] {
            expectError(
                try await served.server.request("POST", "statements", body: envelope(signature: signature)), 401,
                "malformed_signature")
        }
        #expect(try LogFingerprint(test) == before)
        await served.stop()
    }

    @Test("a statement with no signature field at all is 401 (a missing signature)")
    func absentSignature() async throws {
        let served = try await Served()
        let test = served.test
        let statement = test.sign(
            ProposalCreate(header: test.header(test.steward), title: "Paint", text: "Green."), test.steward)
        let before = try LogFingerprint(test)
        let body = CanonicalJSON.encode(
            .object([
                JSONMember("kind", .string(statement.kind.name)),
                JSONMember("payload", .string(Base64URL.encode(statement.payload))),
            ]))
        let response = try await served.server.request("POST", "statements", body: body)
        #expect(response.status == 401, "body: \(String(decoding: response.body, as: UTF8.self))")
        #expect(try LogFingerprint(test) == before)
        await served.stop()
    }

    // MARK: Tokens

    @Test("reads without a token are 401 missing_token; with an unknown token 401 invalid_token")
    func tokens() async throws {
        let served = try await Served()
        for path in ["members", "me", "rounds", "proposals", "electorate"] {
            expectError(try await served.server.request("GET", path), 401, "missing_token")
            expectError(try await served.server.request("GET", path, token: "bm90LWEtdG9rZW4"), 401, "invalid_token")
        }
        let token = try await served.token(served.test.steward)
        #expect(try await served.server.request("GET", "me", token: token).status == 200)
        await served.stop()
    }

    @Test("a login signed by a key no member holds is 403 unknown_key; a replayed challenge 401")
    func badLogin() async throws {
        let served = try await Served()
        let stranger = try SigningKey.generate()
        let challenge = try await served.server.request("POST", "auth/challenge", body: Array("{}".utf8))
        guard case .object(let members)? = challenge.json,
            case .string(let text)? = members.first(where: { $0.key == "challenge" })?.value
        else {
            Issue.record("no challenge")
            return
        }
        let login = LoginChallenge(
            header: served.test.header(stranger), challenge: try Base64URL.decode(text))
        let statement = SignedStatement(signing: login.canonicalBytes, as: LoginChallenge.kind, with: stranger)
        expectError(try await served.server.request("POST", "auth/login", body: wire(statement)), 403, "unknown_key")
        // The challenge was consumed by the attempt (or is unknown now): 401.
        let steward = served.test.steward
        let again = LoginChallenge(header: served.test.header(steward), challenge: try Base64URL.decode(text))
        let replay = SignedStatement(signing: again.canonicalBytes, as: LoginChallenge.kind, with: steward)
        expectError(try await served.server.request("POST", "auth/login", body: wire(replay)), 401, "unknown_challenge")
        await served.stop()
    }

    @Test("an auth.login statement posted to the log is 400 not_a_statement")
    func loginIntoLog() async throws {
        let served = try await Served()
        let steward = served.test.steward
        let login = LoginChallenge(header: served.test.header(steward), challenge: SecureRandom.bytes(count: 32))
        let before = try LogFingerprint(served.test)
        expectError(
            try await served.server.post(
                SignedStatement(signing: login.canonicalBytes, as: LoginChallenge.kind, with: steward)),
            400, "not_a_statement")
        #expect(try LogFingerprint(served.test) == before)
        await served.stop()
    }

    // MARK: Reading ballots and results

    @Test(
        "a ballot statement: 403 not_yours to another member while open, 200 to its voter, 200 to a steward after close"
    )
    func readingBallots() async throws {
        let served = try await Served()
        let test = served.test
        let ann = try await test.join("Ann")
        let bob = try await test.join("Bob")
        let audrey = try await test.join("Audrey", roles: [.member, .auditor])
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let ballot = try await test.vote(round, .ranking([["Yes"]]), by: ann)
        let path = "statements/\(ballot.statement.hex)"
        let annToken = try await served.token(ann)
        let bobToken = try await served.token(bob)
        let stewardToken = try await served.token(test.steward)
        let audreyToken = try await served.token(audrey)

        expectError(try await served.server.request("GET", path, token: bobToken), 403, "not_yours")
        expectError(try await served.server.request("GET", path, token: stewardToken), 403, "not_yours")
        expectError(try await served.server.request("GET", path, token: audreyToken), 403, "not_yours")
        expectError(try await served.server.request("GET", path), 401, "missing_token")
        let own = try await served.server.request("GET", path, token: annToken)
        #expect(own.status == 200)

        try await test.close(round)
        let stewardAfter = try await served.server.request("GET", path, token: stewardToken)
        #expect(stewardAfter.status == 200)
        #expect(stewardAfter.body == own.body)
        #expect(try await served.server.request("GET", path, token: audreyToken).status == 200)
        // A plain member still may not read another's ballot after the close.
        expectError(try await served.server.request("GET", path, token: bobToken), 403, "not_yours")
        // Other statements are open to every member; an unknown id is 404.
        let open = try await served.server.request("GET", "statements/\(round.hex)", token: bobToken)
        #expect(open.status == 200)
        expectError(
            try await served.server.request("GET", "statements/\(String(repeating: "ab", count: 32))", token: bobToken),
            404, "unknown_statement")
        expectError(try await served.server.request("GET", "statements/XYZ", token: bobToken), 400, "invalid_id")
        await served.stop()
    }

    @Test("a hidden round's result while open is 403 result_hidden; after close 200")
    func hiddenResult() async throws {
        let served = try await Served()
        let test = served.test
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"], visibility: .hidden)
        try await test.vote(round, .ranking([["Yes"]]), by: ann)
        let path = "rounds/\(round.hex)/result"
        let annToken = try await served.token(ann)
        let stewardToken = try await served.token(test.steward)
        expectError(try await served.server.request("GET", path, token: annToken), 403, "result_hidden")
        expectError(try await served.server.request("GET", path, token: stewardToken), 403, "result_hidden")
        try await test.close(round)
        #expect(try await served.server.request("GET", path, token: annToken).status == 200)
        expectError(
            try await served.server.request(
                "GET", "rounds/\(String(repeating: "cd", count: 32))/result", token: annToken),
            404, "unknown_round")
        await served.stop()
    }

    // MARK: Ballots, replays, rate limits

    @Test("an invalid choice is 422 with the choice's code, and the ballot is not counted")
    func invalidChoice() async throws {
        let served = try await Served()
        let test = served.test
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let before = try LogFingerprint(test)
        let cases: [(BallotChoice, String)] = [
            (.ranking([["Maybe"]]), "not_offered"), (.ranking([["Yes"], ["Yes"]]), "duplicate_choice"),
            (.approve(["Yes"]), "wrong_shape"),
        ]
        for (choice, code) in cases {
            let ballot = BallotCast(header: test.header(ann), round: round, revision: nil, sequence: 1, choice: choice)
            expectError(try await served.server.post(test.sign(ballot, ann)), 422, code)
        }
        #expect(try LogFingerprint(test) == before)
        #expect(try test.organization.read { state throws(ServiceError) in try state.round(round).ballots.isEmpty })
        await served.stop()
    }

    @Test("refusals of the rules map to their statuses: 403, 404, 409")
    func ruleRefusals() async throws {
        let served = try await Served()
        let test = served.test
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let before = try LogFingerprint(test)
        expectError(
            try await served.server.post(test.sign(RoundClose(header: test.header(ann), round: round), ann)), 403,
            "not_steward")
        expectError(
            try await served.server.post(
                test.sign(
                    BallotCast(
                        header: test.header(ann), round: StatementID(SHA256.hash([1])), revision: nil, sequence: 1,
                        choice: .ranking([["Yes"]])), ann)),
            404, "unknown_round")
        expectError(
            try await served.server.post(
                test.sign(
                    ProposalCreate(header: test.header(ann, organization: "other-org"), title: "Hi", text: "There."),
                    ann)),
            403, "wrong_organization")
        let stale = StatementHeader(
            organization: TestOrganization.id, author: ann.publicKey, created: test.now - 600_000)
        expectError(
            try await served.server.post(test.sign(ProposalCreate(header: stale, title: "Hi", text: "Late."), ann)),
            400, "outside_time_window")
        #expect(try LogFingerprint(test) == before)
        try await test.close(round)
        let after = try LogFingerprint(test)
        expectError(
            try await served.server.post(
                test.sign(RoundClose(header: test.header(test.steward), round: round), test.steward)),
            409, "round_closed")
        #expect(try LogFingerprint(test) == after)
        await served.stop()
    }

    @Test("a replayed statement is 200 with a body identical to the first answer (201)")
    func replay() async throws {
        let served = try await Served()
        let test = served.test
        let statement = test.sign(
            ProposalCreate(header: test.header(test.steward), title: "Paint", text: "Green."), test.steward)
        let first = try await served.server.post(statement)
        #expect(first.status == 201)
        let before = try LogFingerprint(test)
        let second = try await served.server.post(statement)
        #expect(second.status == 200)
        #expect(second.body == first.body)
        #expect(try LogFingerprint(test) == before)
        async let a = served.server.post(statement)
        async let b = served.server.post(statement)
        let (third, fourth) = try await (a, b)
        #expect(third.status == 200 && fourth.status == 200)
        #expect(third.body == first.body && fourth.body == first.body)
        #expect(try LogFingerprint(test) == before)
        await served.stop()
    }

    @Test("a new statement sent twice at once: one 201 or two, identical bodies, one leaf")
    func concurrentFirstSubmission() async throws {
        let served = try await Served()
        let test = served.test
        let statement = test.sign(
            ProposalCreate(header: test.header(test.steward), title: "Paint", text: "Green."), test.steward)
        let before = try LogFingerprint(test)
        async let a = served.server.post(statement)
        async let b = served.server.post(statement)
        let (first, second) = try await (a, b)
        #expect(first.status == 201 || first.status == 200)
        #expect(second.status == 201 || second.status == 200)
        #expect(first.body == second.body)
        #expect(try LogFingerprint(test).size == before.size + 1)
        await served.stop()
    }

    @Test("an author over the rate limit is 429 rate_limited, and the statement is not appended")
    func rateLimited() async throws {
        var configuration = ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0.001
        configuration.burstPerAuthor = 3
        // The test clock stands still, so the bucket does not refill during the test.
        let served = try await Served(configuration: configuration)
        let test = served.test
        for index in 0..<3 {
            let create = ProposalCreate(header: test.header(test.steward), title: "P\(index)", text: "Text.")
            #expect(try await served.server.post(test.sign(create, test.steward)).status == 201)
        }
        let before = try LogFingerprint(test)
        let create = ProposalCreate(header: test.header(test.steward), title: "One too many", text: "Text.")
        expectError(try await served.server.post(test.sign(create, test.steward)), 429, "rate_limited")
        #expect(try LogFingerprint(test) == before)
        // Another author has their own bucket.
        let other = try SigningKey.generate()
        expectError(
            try await served.server.post(
                test.sign(ProposalCreate(header: test.header(other), title: "Hi", text: "There."), other)),
            403, "unknown_key")
        // After the bucket refills (one statement per 1000 s), the steward may write again.
        test.advance(milliseconds: 2_000_000)
        let later = ProposalCreate(header: test.header(test.steward), title: "Later", text: "Text.")
        #expect(try await served.server.post(test.sign(later, test.steward)).status == 201)
        await served.stop()
    }

    // MARK: Routes

    @Test("an unknown route is 404 with a JSON error body")
    func unknownRoute() async throws {
        let served = try await Served()
        for (method, path) in [("GET", "nothing-here"), ("GET", "rounds/x/y/z"), ("POST", "statements/extra/path")] {
            expectError(try await served.server.request(method, path), 404, "not_found")
        }
        await served.stop()
    }

    @Test("a route that exists, called with another method, is 405 method_not_allowed (documented in openapi.yaml)")
    func wrongMethod() async throws {
        let served = try await Served()
        expectError(try await served.server.request("DELETE", "statements"), 405, "method_not_allowed")
        expectError(try await served.server.request("PUT", "health"), 405, "method_not_allowed")
        await served.stop()
    }
}
