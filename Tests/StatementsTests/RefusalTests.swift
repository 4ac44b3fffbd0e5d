import Counting
import Ledger
import Sodium
import Statements
import Testing

/// What each kind refuses, with the stable code and the field named.
@Suite("Statement kinds: refusals")
struct RefusalTests {
    typealias F = Fixture

    static let join = MemberJoin(header: F.header(F.newcomer), secret: Array(repeating: 7, count: 32), name: "Grace")
    static let invite = MemberInvite(
        header: F.header(F.steward), code: SHA256.hash("s"), name: "Grace", roles: [.member], weight: 2,
        expires: F.now)
    static let ballot = BallotCast(
        header: F.header(), round: F.id("round"), revision: F.id("revision"), sequence: 1, choice: .approve(["Ann"]))

    /// The payload error of opening `payload` edited, or nil if it opened.
    static func payloadError(
        _ payload: some StatementPayload, signedBy key: SigningKey = F.member, remove: Set<String> = [],
        set: KeyValuePairs<String, JSONValue> = [:]
    ) -> PayloadError? {
        do {
            _ = try F.openEdited(payload, signedBy: key, set: set, remove: remove)
            return nil
        } catch {
            guard case .payload(let payloadError) = error else { return nil }
            return payloadError
        }
    }

    @Test("a member cannot give themselves a weight or roles when joining")
    func unknownFieldInJoin() {
        let weight = Self.payloadError(Self.join, signedBy: F.newcomer, set: ["weight": .integer(100)])
        #expect(weight == .unknownField("weight"))
        #expect(weight?.code == "unknown_field")
        let roles = Self.payloadError(Self.join, signedBy: F.newcomer, set: ["roles": .array([.string("steward")])])
        #expect(roles == .unknownField("roles"))
    }

    @Test("an unknown field inside a nested object is refused with its path")
    func unknownNestedField() {
        let round = F.round()
        let quorum = JSONValue.object([
            JSONMember("num", .integer(1)), JSONMember("den", .integer(2)), JSONMember("of", .string("all")),
        ])
        #expect(Self.payloadError(round, signedBy: F.steward, set: ["quorum": quorum]) == .unknownField("quorum.of"))
    }

    static let required: [(String, [String])] = [
        ("member.join", ["secret", "name", "nonce"]),
        ("member.invite", ["code", "name", "roles", "weight", "expires"]),
        ("ballot.cast", ["round", "revision", "sequence"]),
        (
            "round.open",
            ["question", "method", "options", "seats", "parameters", "tieBreak", "visibility", "electorate", "voters"]
        ),
    ]

    @Test("a required field that is absent is refused by name", arguments: required)
    func missingField(kind: String, fields: [String]) {
        for field in fields {
            let error: PayloadError?
            switch kind {
            case "member.join": error = Self.payloadError(Self.join, signedBy: F.newcomer, remove: [field])
            case "member.invite": error = Self.payloadError(Self.invite, signedBy: F.steward, remove: [field])
            case "ballot.cast": error = Self.payloadError(Self.ballot, remove: [field])
            default: error = Self.payloadError(F.round(), signedBy: F.steward, remove: [field])
            }
            #expect(error == .missingField(field), "\(kind) without \(field)")
            #expect(error?.code == "missing_field")
        }
    }

    @Test("a field of the wrong JSON type is refused")
    func wrongType() {
        #expect(
            Self.payloadError(Self.invite, signedBy: F.steward, set: ["weight": .string("2")])
                == .wrongType(field: "weight", expected: "an integer", actual: "string"))
        #expect(
            Self.payloadError(Self.invite, signedBy: F.steward, set: ["roles": .string("member")])
                == .wrongType(field: "roles", expected: "an array", actual: "string"))
        #expect(
            Self.payloadError(Self.ballot, set: ["approve": .object([])])
                == .wrongType(field: "approve", expected: "an array", actual: "object"))
        #expect(
            Self.payloadError(
                Self.ballot, remove: ["approve"], set: ["scores": .object([JSONMember("Ann", .string("5"))])])
                == .wrongType(field: "scores.Ann", expected: "an integer", actual: "string"))
        #expect(
            Self.payloadError(
                F.round(), signedBy: F.steward, set: ["parameters": .object([JSONMember("max", .integer(5))])])
                == .wrongType(field: "parameters.max", expected: "a string", actual: "integer"))
        #expect(Self.payloadError(Self.join, signedBy: F.newcomer, set: ["name": .null])?.code == "wrong_type")
    }

    @Test("a value outside an enumeration is refused")
    func badEnum() {
        let roles = Self.payloadError(Self.invite, signedBy: F.steward, set: ["roles": .array([.string("admin")])])
        #expect(roles?.code == "invalid_value")
        #expect(roles == .invalidValue(field: "roles[0]", reason: "must be \"member\", \"steward\" or \"auditor\""))
        let stance = Self.payloadError(
            CommentPost(header: F.header(), proposal: F.id("p"), stance: .for, text: "x"),
            set: ["stance": .string("FOR")])
        #expect(
            stance == .invalidValue(field: "stance", reason: #"must be one of "for", "against", "question", "neutral""#)
        )
        let state = Self.payloadError(
            ProposalStateChange(header: F.header(F.steward), proposal: F.id("p"), state: .adopted), signedBy: F.steward,
            set: ["state": .string("passed")])
        #expect(state?.code == "invalid_value")
        let visibility = Self.payloadError(F.round(), signedBy: F.steward, set: ["visibility": .string("public")])
        #expect(visibility?.code == "invalid_value")
        let consent = Self.payloadError(
            Self.ballot, remove: ["approve"], set: ["stances": .object([JSONMember("Ann", .string("veto"))])])
        #expect(
            consent == .invalidValue(field: "stances.Ann", reason: #"must be "agree", "abstain", "object" or "block""#))
    }

    @Test("roles must be unique and include member")
    func roles() {
        let twice = Self.payloadError(
            Self.invite, signedBy: F.steward, set: ["roles": .array([.string("member"), .string("member")])])
        #expect(twice?.code == "invalid_value")
        let noMember = Self.payloadError(Self.invite, signedBy: F.steward, set: ["roles": .array([.string("steward")])])
        #expect(noMember == .invalidValue(field: "roles", reason: "must include \"member\""))
        #expect(
            Self.payloadError(Self.invite, signedBy: F.steward, set: ["roles": .array([])])?.code == "invalid_value")
    }

    @Test("a statement id that is not 64 lower-case hex digits is refused")
    func badStatementID() {
        let id = F.id("round").hex
        for bad in [id.uppercased(), String(id.dropLast()), id + "0", "", String(id.dropLast()) + "z"] {
            let error = Self.payloadError(Self.ballot, set: ["round": .string(bad)])
            #expect(error == .invalidValue(field: "round", reason: "must be a statement id (64 lower-case hex digits)"))
        }
        let base64 = Base64URL.encode(F.id("round").digest.bytes)
        #expect(Self.payloadError(Self.ballot, set: ["revision": .string(base64)])?.code == "invalid_value")
    }

    @Test("a ballot with two choice fields or none is refused")
    func ballotChoiceCount() {
        let two = Self.payloadError(Self.ballot, set: ["ranking": .array([.string("Ann")])])
        #expect(two?.code == "invalid_value")
        #expect(two?.description.contains("found ranking and approve") == true)
        let none = Self.payloadError(Self.ballot, remove: ["approve"])
        #expect(none?.code == "invalid_value")
        #expect(none?.description.contains("found none") == true)
        let emptyGroup = Self.payloadError(Self.ballot, remove: ["approve"], set: ["ranking": .array([.array([])])])
        #expect(emptyGroup == .invalidValue(field: "ranking[0]", reason: "is an empty group"))
        #expect(Self.payloadError(Self.ballot, set: ["sequence": .integer(0)])?.code == "invalid_value")
        #expect(Self.payloadError(Self.ballot, set: ["sequence": .integer((1 << 53) + 1)])?.code == "invalid_value")
    }

    @Test("text limits: names, titles, texts and reasons")
    func textLimits() {
        #expect(Self.payloadError(Self.join, signedBy: F.newcomer, set: ["name": .string("")])?.code == "invalid_value")
        let hundred = String(repeating: "é", count: 100)
        #expect(Self.payloadError(Self.join, signedBy: F.newcomer, set: ["name": .string(hundred)]) == nil)
        #expect(Self.payloadError(Self.join, signedBy: F.newcomer, set: ["name": .string(hundred + "e")]) != nil)
        let proposal = ProposalCreate(header: F.header(), title: "T", text: "x")
        #expect(Self.payloadError(proposal, set: ["text": .string(String(repeating: "a", count: 100_000))]) == nil)
        #expect(
            Self.payloadError(proposal, set: ["text": .string(String(repeating: "é", count: 50_001))])
                == .invalidValue(field: "text", reason: "must be 1 to 100000 bytes of UTF-8, not 100002"))
        #expect(Self.payloadError(proposal, set: ["title": .string(String(repeating: "t", count: 201))]) != nil)
    }

    @Test("org.create must be signed by its log key, with a well-formed origin")
    func organizationCreate() {
        let create = OrganizationCreate(
            header: F.header(F.logKey), name: "Acme", origin: "acme", logKey: F.logKey.publicKey,
            founder: F.steward.publicKey, founderName: "Ada")
        #expect(Self.payloadError(create, signedBy: F.logKey) == nil)
        let otherKey = Self.payloadError(
            create, signedBy: F.logKey, set: ["logKey": .string(F.member.publicKey.base64url)])
        #expect(otherKey?.code == "invalid_value")
        #expect(Self.payloadError(create, signedBy: F.logKey, set: ["origin": .string("a b")])?.code == "invalid_value")
        #expect(
            Self.payloadError(create, signedBy: F.logKey, set: ["founder": .string(F.logKey.publicKey.base64url)])
                != nil)
        let smallOrder = Base64URL.encode([1] + [UInt8](repeating: 0, count: 31))
        #expect(
            Self.payloadError(create, signedBy: F.logKey, set: ["founder": .string(smallOrder)])?.code
                == "invalid_value")
    }

    @Test("key.rotate to the same key is refused")
    func rotateToSelf() {
        let rotate = KeyRotate(header: F.header(), newKey: F.newcomer.publicKey)
        #expect(
            Self.payloadError(rotate, set: ["newKey": .string(F.member.publicKey.base64url)])?.code == "invalid_value")
    }

    @Test("round.result: weight within the eligible weight, counted a digest, outcome an object")
    func roundResult() {
        let result = RoundResult(
            header: F.header(F.logKey), round: F.id("r"), electorate: SHA256.hash("e"),
            checkpoint: .init(size: 3, root: SHA256.hash("root")), method: "plurality", ballots: 2, weight: 2,
            eligibleWeight: 3, quorumMet: true, passed: true, outcome: .object([]),
            counted: RoundResult.countedDigest(of: [F.id("b"), F.id("a")]), cast: 3)
        #expect(Self.payloadError(result, signedBy: F.logKey) == nil)
        let ascending = [F.id("a"), F.id("b")].sorted()
        #expect(result.counted == SHA256.hash(ascending[0].digest.bytes + ascending[1].digest.bytes))
        #expect(
            Self.payloadError(result, signedBy: F.logKey, set: ["counted": .string("abc")])?.code == "invalid_value")
        #expect(Self.payloadError(result, signedBy: F.logKey, set: ["weight": .integer(4)])?.code == "invalid_value")
        #expect(
            Self.payloadError(result, signedBy: F.logKey, set: ["outcome": .array([])])
                == .wrongType(field: "outcome", expected: "an object", actual: "array"))
    }

    @Test("an unknown kind is refused with unknown_kind")
    func unknownKind() throws {
        let statement = F.sign(Self.join.canonicalBytes, as: try StatementKind("member.promote"))
        #expect(throws: StatementError.unknownKind(try StatementKind("member.promote"))) {
            try AnyStatementPayload.open(statement, context: F.context())
        }
        #expect(StatementError.unknownKind(try StatementKind("x")).code == "unknown_kind")
    }

    @Test("the signature must be by the author the payload names")
    func wrongSigner() {
        let statement = F.sign(Self.join.canonicalBytes, as: MemberJoin.kind, with: F.member)
        #expect(throws: StatementError.badSignature) { try AnyStatementPayload.open(statement, context: F.context()) }
    }
}
