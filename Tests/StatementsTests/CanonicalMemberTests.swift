import Ledger
import Sodium
import StrictJSON
import TestRandom
import Testing

@testable import Statements

/// The canonical invitation and join readers against the strict parser: whatever they read, the
/// strict parser reads to the same statement; what they do not read, the strict parser decides.
@Suite("Invitations and joins read straight from canonical bytes")
struct CanonicalMemberTests {
    typealias F = Fixture

    /// Names at and beyond the limits (1 to 100 characters), and some the canonical reader leaves
    /// to the parser (an escape, a quote, non-ASCII).
    static let names = [
        "Ada", "x", "Grace Hopper", String(repeating: "n", count: 100), String(repeating: "n", count: 101), "",
        "Zoë", #"say "hi""#, #"back\slash"#, "tab\there", "O'Brien ~ {ok}",
    ]
    static let roleLists: [[String]] = [
        ["member"], ["member", "steward"], ["auditor", "member"], ["steward", "member", "auditor"],
        ["steward"], [], ["member", "member"], ["member", "treasurer"],
    ]

    static func header(_ random: inout SplitMix64) -> StatementHeader {
        let keys = [F.member, F.steward, F.newcomer]
        var header = F.header(keys[random.below(3)])
        header.created = [0, 9, 10, F.now, 253_402_300_799_999][random.below(5)]
        header.nonce = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        header.organization = ["acme-coop", "a", "x-1-2"][random.below(3)]
        return header
    }

    /// A random invitation's payload, written as the service writes one (roles and weight may be
    /// out of their rules: the payload is still canonical JSON).
    static func invitePayload(_ random: inout SplitMix64) -> [UInt8] {
        let members =
            header(&random).members + [
                JSONMember(
                    "code", .string(Base64URL.encode((0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) }))),
                JSONMember("name", .string(names[random.below(names.count)])),
                JSONMember("roles", .array(roleLists[random.below(roleLists.count)].map { .string($0) })),
                JSONMember("weight", .integer([1, 2, 1_000_000, 0, 1_000_001][random.below(5)])),
                JSONMember("expires", .integer([0, 1, F.now, 253_402_300_799_999][random.below(4)])),
            ]
        return CanonicalJSON.encode(.object(members))
    }

    static func joinPayload(_ random: inout SplitMix64) -> [UInt8] {
        let secretLength = [32, 32, 32, 31, 33][random.below(5)]
        let members =
            header(&random).members + [
                JSONMember(
                    "secret",
                    .string(Base64URL.encode((0..<secretLength).map { _ in UInt8(truncatingIfNeeded: random.next()) }))),
                JSONMember("name", .string(names[random.below(names.count)])),
            ]
        return CanonicalJSON.encode(.object(members))
    }

    static func strictInvite(_ payload: [UInt8]) -> MemberInvite? {
        let statement = SignedStatement(
            kind: MemberInvite.kind, payload: payload,
            signature: try! Signature(bytes: [UInt8](repeating: 0, count: 64)))
        return try? statement.parse(as: MemberInvite.self, parser: StrictJSONParser())
    }

    static func strictJoin(_ payload: [UInt8]) -> MemberJoin? {
        let statement = SignedStatement(
            kind: MemberJoin.kind, payload: payload, signature: try! Signature(bytes: [UInt8](repeating: 0, count: 64)))
        return try? statement.parse(as: MemberJoin.self, parser: StrictJSONParser())
    }

    static func fastInvite(_ payload: [UInt8]) -> MemberInvite? {
        payload.withUnsafeBufferPointer { MemberInvite(canonical: $0) }
    }

    static func fastJoin(_ payload: [UInt8]) -> MemberJoin? {
        payload.withUnsafeBufferPointer { MemberJoin(canonical: $0) }
    }

    @Test(
        "3,000 canonical invitations and joins: read the same both ways, or left to the parser when outside the subset")
    func canonicalPayloads() {
        var random = SplitMix64(seed: 21)
        var read = (invites: 0, joins: 0)
        var strictOnly = 0
        for _ in 0..<3_000 {
            let invite = Self.invitePayload(&random)
            let strict = Self.strictInvite(invite)
            if let fast = Self.fastInvite(invite) {
                read.invites += 1
                #expect(strict == fast, "\(String(decoding: invite, as: UTF8.self))")
            } else if strict != nil {
                strictOnly += 1
                // Only a name outside plain ASCII is the parser's alone.
                #expect(strict!.name.utf8.contains { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C })
            }
            let join = Self.joinPayload(&random)
            let strictJoin = Self.strictJoin(join)
            if let fast = Self.fastJoin(join) {
                read.joins += 1
                #expect(strictJoin == fast, "\(String(decoding: join, as: UTF8.self))")
            } else if let strictJoin {
                strictOnly += 1
                #expect(strictJoin.name.utf8.contains { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C })
            }
        }
        // Every outcome was exercised: read, refused by both, and the parser's alone.
        #expect(read.invites > 300 && read.joins > 600 && strictOnly > 300)
    }

    @Test("the readers check the rules the strict parser checks: roles, weight, name length, byte counts")
    func rules() throws {
        let invite = MemberInvite(
            header: F.header(F.steward), code: SHA256.hash("secret"), name: "Ada", roles: [.member, .steward],
            weight: 1, expires: F.now)
        let canonical = String(decoding: invite.canonicalBytes, as: UTF8.self)
        #expect(Self.fastInvite(invite.canonicalBytes) == invite)
        let code = Base64URL.encode(invite.code.bytes)
        let shortCode = Base64URL.encode(Array(invite.code.bytes.dropLast()))
        let longCode = Base64URL.encode(invite.code.bytes + [1])
        let zeroKey = Base64URL.encode([UInt8](repeating: 0, count: 32))
        let nonce = Base64URL.encode(invite.header.nonce)
        let shortNonce = Base64URL.encode(Array(invite.header.nonce.dropLast()))
        let refused: [String] = [
            canonical.replacingOccurrences(of: #"["member","steward"]"#, with: #"["steward"]"#),
            canonical.replacingOccurrences(of: #"["member","steward"]"#, with: #"["member","member"]"#),
            canonical.replacingOccurrences(of: #"["member","steward"]"#, with: #"[]"#),
            canonical.replacingOccurrences(of: #"["member","steward"]"#, with: #"["member","Steward"]"#),
            canonical.replacingOccurrences(of: #""weight":1"#, with: #""weight":0"#),
            canonical.replacingOccurrences(of: #""weight":1"#, with: #""weight":1000001"#),
            canonical.replacingOccurrences(of: #""weight":1"#, with: #""weight":01"#),
            canonical.replacingOccurrences(of: #""name":"Ada""#, with: #""name":"""#),
            canonical.replacingOccurrences(of: #""org":""#, with: #""org":"Acme"#),
            canonical.replacingOccurrences(of: #""created":1"#, with: #""created":01"#),
            canonical.replacingOccurrences(of: #""created":1795000000000"#, with: #""created":253402300800000"#),
            canonical.replacingOccurrences(of: #""expires":1795000000000"#, with: #""expires":253402300800000"#),
            canonical.replacingOccurrences(of: #""expires":1795000000000"#, with: #""expires":-0"#),
            canonical.replacingOccurrences(of: code, with: shortCode),
            canonical.replacingOccurrences(of: code, with: longCode),
            canonical.replacingOccurrences(of: invite.header.author.base64url, with: zeroKey),
            canonical.replacingOccurrences(of: nonce, with: shortNonce),
        ]
        for variant in refused {
            #expect(variant != canonical)
            #expect(Self.fastInvite(Array(variant.utf8)) == nil, "\(variant)")
            #expect(Self.strictInvite(Array(variant.utf8)) == nil, "\(variant)")
        }
        // Valid, but not in the subset: whitespace, an escape. An unknown field is refused by both.
        let parserOnly = [
            canonical.replacingOccurrences(of: #","name":"#, with: #", "name":"#),
            canonical.replacingOccurrences(of: #""Ada""#, with: #""A\u0064a""#),
            canonical + " ",
        ]
        for variant in parserOnly {
            #expect(Self.fastInvite(Array(variant.utf8)) == nil, "\(variant)")
            #expect(Self.strictInvite(Array(variant.utf8)) == invite, "\(variant)")
        }
        let extra = canonical.replacingOccurrences(of: #","weight":1"#, with: #","weight":1,"zzz":1"#)
        #expect(Self.fastInvite(Array(extra.utf8)) == nil && Self.strictInvite(Array(extra.utf8)) == nil)

        let join = MemberJoin(header: F.header(F.newcomer), secret: Array(repeating: 7, count: 32), name: "Ada")
        #expect(Self.fastJoin(join.canonicalBytes) == join)
        let joinText = String(decoding: join.canonicalBytes, as: UTF8.self)
        let short = Base64URL.encode(Array(repeating: UInt8(7), count: 31))
        let shortSecret = joinText.replacingOccurrences(of: Base64URL.encode(join.secret), with: short)
        #expect(shortSecret != joinText)
        #expect(Self.fastJoin(Array(shortSecret.utf8)) == nil && Self.strictJoin(Array(shortSecret.utf8)) == nil)
        let weighted = joinText.replacingOccurrences(of: #""secret":"#, with: #""roles":["member"],"secret":"#)
        #expect(Self.fastJoin(Array(weighted.utf8)) == nil && Self.strictJoin(Array(weighted.utf8)) == nil)
    }

    @Test(
        "20,000 mutated invitations and joins: whatever the canonical readers accept, the strict parser reads the same")
    func mutations() {
        var random = SplitMix64(seed: 23)
        let alphabet = Array(#"{}[],:"\ 0123456789-_.eEaAzZmrs"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
        var accepted = 0
        for round in 0..<20_000 {
            var payload = round % 2 == 0 ? Self.invitePayload(&random) : Self.joinPayload(&random)
            for _ in 0..<(1 + random.below(3)) {
                let index = random.below(payload.count)
                let byte = alphabet[random.below(alphabet.count)]
                switch random.next() % 3 {
                case 0: payload[index] = byte
                case 1: payload.insert(byte, at: index)
                default: payload.remove(at: index)
                }
            }
            if round % 2 == 0, let fast = Self.fastInvite(payload) {
                accepted += 1
                #expect(Self.strictInvite(payload) == fast, "\(String(decoding: payload, as: UTF8.self))")
            }
            if round % 2 == 1, let fast = Self.fastJoin(payload) {
                accepted += 1
                #expect(Self.strictJoin(payload) == fast, "\(String(decoding: payload, as: UTF8.self))")
            }
        }
        // Some mutations keep a valid canonical statement (a changed letter or digit); most of
        // the random statements break a rule or the form.
        #expect(accepted > 200)
    }

    @Test("the dispatch reads canonical invitations and joins in place, and leaves a parser's limits to it")
    func dispatch() throws {
        let invite = MemberInvite(
            header: F.header(F.steward), code: SHA256.hash("secret"), name: "Ada", roles: [.member], weight: 3,
            expires: F.now)
        let statement = SignedStatement(
            kind: MemberInvite.kind, payload: invite.canonicalBytes,
            signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
        let (payload, header) = try AnyStatementPayload.parse(statement, parser: StrictJSONParser())
        #expect(payload == .memberInvite(invite) && header == invite.header)
        // Too deep or too long for the parser: refused, as the parser refuses it; at its limits, read.
        for parser in [
            StrictJSONParser(maximumDepth: 1), StrictJSONParser(maximumBytes: invite.canonicalBytes.count - 1),
        ] {
            #expect(throws: StatementError.self) { try AnyStatementPayload.parse(statement, parser: parser) }
        }
        let atLimits = StrictJSONParser(maximumDepth: 2, maximumBytes: invite.canonicalBytes.count)
        #expect(try AnyStatementPayload.parse(statement, parser: atLimits).0 == .memberInvite(invite))
        let join = MemberJoin(header: F.header(F.newcomer), secret: Array(repeating: 7, count: 32), name: "Ada")
        let joined = SignedStatement(
            kind: MemberJoin.kind, payload: join.canonicalBytes,
            signature: try Signature(bytes: [UInt8](repeating: 0, count: 64)))
        #expect(try AnyStatementPayload.parse(joined, parser: StrictJSONParser(maximumDepth: 1)).0 == .memberJoin(join))
        #expect(throws: StatementError.self) {
            try AnyStatementPayload.parse(joined, parser: StrictJSONParser(maximumDepth: 0))
        }
    }
}
