import Ledger
import Sodium
import StrictJSON
import TestRandom
import Testing

@testable import Statements

/// The canonical ballot reader against the strict parser: whatever it reads, the strict parser
/// reads to the same ballot; what it does not read, the strict parser still decides.
@Suite("Ballots read straight from canonical bytes")
struct CanonicalBallotTests {
    typealias F = Fixture

    static let names = ["Oak", "Elm", "Ash", "Birch tree", "x", "Option #5", "a-b_c.d", "Zed's"]

    static func randomBallot(_ random: inout SplitMix64) -> BallotCast {
        let keys = [F.member, F.steward, F.newcomer]
        var header = F.header(keys[Int.random(in: 0..<3, using: &random)])
        header.created = [0, 9, 10, F.now, 253_402_300_799_999][Int.random(in: 0..<5, using: &random)]
        header.nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        header.organization = ["acme-coop", "a", "x-1-2"][Int.random(in: 0..<3, using: &random)]
        let shuffled = names.shuffled(using: &random)
        let count = Int.random(in: 0...names.count, using: &random)
        let choice: BallotChoice
        if Bool.random(using: &random) {
            var groups: [[String]] = []
            var rest = Array(shuffled.prefix(count))
            while !rest.isEmpty {
                let size = min(rest.count, Int.random(in: 1...3, using: &random))
                groups.append(Array(rest.prefix(size)))
                rest.removeFirst(size)
            }
            choice = .ranking(groups)
        } else {
            choice = .approve(Array(shuffled.prefix(count)))
        }
        return BallotCast(
            header: header, round: F.id("round \(random.next() % 5)"),
            revision: Bool.random(using: &random) ? nil : F.id("revision"),
            sequence: [1, 2, 99, 1 << 53][Int.random(in: 0..<4, using: &random)], choice: choice)
    }

    /// What the strict parser reads from `payload`, or nil if it refuses it.
    static func strict(_ payload: [UInt8]) -> BallotCast? {
        let statement = SignedStatement(
            kind: BallotCast.kind, payload: payload, signature: try! Signature(bytes: [UInt8](repeating: 0, count: 64)))
        return try? statement.parse(as: BallotCast.self, parser: StrictJSONParser())
    }

    @Test("2,000 canonical rankings and approvals read the same both ways")
    func canonicalPayloads() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<2_000 {
            let ballot = Self.randomBallot(&random)
            let payload = ballot.canonicalBytes
            let fast = BallotCast(canonical: payload)
            #expect(fast == ballot, "\(String(decoding: payload, as: UTF8.self))")
            #expect(Self.strict(payload) == ballot)
        }
    }

    @Test("payloads outside the canonical subset are left to the strict parser, which reads them")
    func otherShapes() throws {
        let ballot = BallotCast(
            header: F.header(), round: F.id("round"), revision: nil, sequence: 3,
            choice: .ranking([["Oak"], ["Elm", "Ash"]]))
        let canonical = String(decoding: ballot.canonicalBytes, as: UTF8.self)
        let variants = [
            // Whitespace, an escape, another key order.
            canonical.replacingOccurrences(of: #","round":"#, with: #", "round":"#),
            canonical.replacingOccurrences(of: #""Oak""#, with: #""O\u0061k""#),
            "{\"sequence\":3," + canonical.dropFirst().replacingOccurrences(of: #","sequence":3"#, with: ""),
        ]
        #expect(variants.allSatisfy { $0 != canonical })
        for variant in variants {
            let payload = Array(variant.utf8)
            #expect(BallotCast(canonical: payload) == nil, "\(variant)")
            #expect(Self.strict(payload) == ballot, "\(variant)")
        }
        // A group of one written as an array (canonical form writes the bare name) reads the
        // same both ways.
        let grouped = Array(canonical.replacingOccurrences(of: #"["Oak","#, with: #"[["Oak"],"#).utf8)
        #expect(grouped != ballot.canonicalBytes)
        #expect(BallotCast(canonical: grouped) == ballot)
        #expect(Self.strict(grouped) == ballot)
        // Scores and stances are valid ballots the canonical reader leaves alone.
        for choice: BallotChoice in [.scores(["Oak": 3, "Elm": -1]), .stances(["Oak": .agree])] {
            let other = BallotCast(header: F.header(), round: F.id("round"), revision: nil, sequence: 1, choice: choice)
            #expect(BallotCast(canonical: other.canonicalBytes) == nil)
            #expect(Self.strict(other.canonicalBytes) == other)
        }
    }

    /// What a verifier reads from a log entry's signed bytes without the canonical reader: the
    /// statement split from them and, if it is a `ballot.cast`, its payload read by the strict
    /// parser (not through `AnyStatementPayload`, which tries the canonical reader first).
    static func strict(signedBytes: [UInt8]) -> BallotCast? {
        let entry = [UInt8](repeating: 0, count: 64) + signedBytes
        guard let statement = try? SignedStatement(logEntry: entry), statement.kind == BallotCast.kind else {
            return nil
        }
        return try? statement.parse(as: BallotCast.self, parser: StrictJSONParser())
    }

    /// `signedBytes` read as a canonical ballot by `parser`'s limits.
    static func fromSigned(_ signedBytes: [UInt8], parser: StrictJSONParser = StrictJSONParser()) -> BallotCast? {
        signedBytes.withUnsafeBytes { BallotCast(canonicalSignedBytes: $0, parser: parser) }
    }

    @Test("a ballot's signed bytes are read in place exactly when they are a ballot.cast in canonical form")
    func signedBytes() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let ballot = Self.randomBallot(&random)
            let signed = SignedStatement.signedBytes(kind: BallotCast.kind, payload: ballot.canonicalBytes)
            #expect(Self.fromSigned(signed) == ballot)
            #expect(Self.strict(signedBytes: signed) == ballot)
        }
        let ballot = BallotCast(
            header: F.header(), round: F.id("round"), revision: nil, sequence: 3, choice: .ranking([["Oak"]]))
        let payload = ballot.canonicalBytes
        let signed = SignedStatement.signedBytes(kind: BallotCast.kind, payload: payload)
        // Another kind, no prefix, no NUL after the kind, nothing after it: not a ballot here.
        let others: [[UInt8]] = [
            SignedStatement.signedBytes(kind: try! StatementKind("ballot.casts"), payload: payload),
            SignedStatement.signedBytes(kind: MemberJoin.kind, payload: payload),
            Array(signed.dropFirst(SignedStatement.prefix.utf8.count)),
            Array("plenum/v1/ballot.cast".utf8) + payload,
            Array("plenum/v1/ballot.cast".utf8) + [0],
            Array(signed.dropLast()),
        ]
        for other in others { #expect(Self.fromSigned(other) == nil, "\(String(decoding: other, as: UTF8.self))") }
        // Beyond the parser's limits it is the parser's, whose refusal is then reported.
        #expect(Self.fromSigned(signed, parser: StrictJSONParser(maximumBytes: payload.count)) == ballot)
        #expect(Self.fromSigned(signed, parser: StrictJSONParser(maximumBytes: payload.count - 1)) == nil)
        #expect(Self.fromSigned(signed, parser: StrictJSONParser(maximumDepth: 3)) == nil)
    }

    @Test("5,000 mutated signed bytes: whatever is read in place, the split and the strict parser read the same")
    func signedByteMutations() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array(#"{}[],:"\ 0123456789-_./eEaAzZ"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xFF]
        var accepted = 0
        for _ in 0..<5_000 {
            var signed = SignedStatement.signedBytes(
                kind: BallotCast.kind, payload: Self.randomBallot(&random).canonicalBytes)
            // Mostly near the front, where the prefix, the kind and the NUL are.
            let reach = random.next() % 2 == 0 ? 30 : signed.count
            let index = Int.random(in: 0..<min(reach, signed.count), using: &random)
            let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            switch random.next() % 3 {
            case 0: signed[index] = byte
            case 1: signed.insert(byte, at: index)
            default: signed.remove(at: index)
            }
            if let fast = Self.fromSigned(signed) {
                accepted += 1
                #expect(Self.strict(signedBytes: signed) == fast, "\(String(decoding: signed, as: UTF8.self))")
            }
        }
        #expect(accepted > 0)
    }

    @Test("20,000 mutated payloads: whatever the canonical reader accepts, the strict parser reads the same")
    func mutations() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array(#"{}[],:"\ 0123456789-_.eEaAzZ"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
        var accepted = 0
        var refused = 0
        for _ in 0..<20_000 {
            var payload = Self.randomBallot(&random).canonicalBytes
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<payload.count, using: &random)
                let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                switch random.next() % 3 {
                case 0: payload[index] = byte
                case 1: payload.insert(byte, at: index)
                default: payload.remove(at: index)
                }
            }
            let fast = BallotCast(canonical: payload)
            let strict = Self.strict(payload)
            if let fast {
                accepted += 1
                #expect(strict == fast, "\(String(decoding: payload, as: UTF8.self))")
            } else {
                refused += 1
            }
        }
        // Both sides were exercised: some mutations keep a canonical ballot (a changed name or
        // digit), most break it.
        #expect(accepted > 500)
        #expect(refused > 10_000)
    }
}
