import TestRandom
import Testing

@testable import Ledger

/// Property tests with a fixed-seed generator: the strict parser never crashes on arbitrary bytes,
/// and whatever it accepts round-trips through CanonicalJSON to the same value and the same bytes.
@Suite("StrictJSONParser and CanonicalJSON: fuzzing and round trips")
struct JSONFuzzTests {

    /// Counts of what the fuzz loops saw, and the failures they recorded.
    struct Tally {
        var accepted = 0
        var rejected: [String: Int] = [:]
        var failures = 0
    }

    static let parser = StrictJSONParser()

    /// Bytes JSON gives meaning to, and bytes that probe the UTF-8 and control-character checks.
    static let interesting: [UInt8] =
        Array(#"{}[]":,\/-+.0123456789eEtrufalsn ux"#.utf8)
        + [
            0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xA9, 0xE2, 0xED, 0xA0, 0xF0, 0xF4,
            0x90, 0xF5, 0xFF, 0xEF, 0xBB,
        ]

    static let seeds: [String] = [
        "{}",
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        #"{"org":"acme","author":"AAAA","created":1700000000000,"nonce":"AAAAAAAAAAAAAAAAAAAAAA","text":"hi"}"#,
        #"{"s":"\n\r\t\"\\\/\u0041\u00e9\ud83d\ude00 é 😀","t":"\u20ac"}"#,
        #"[-9223372036854775808,9223372036854775807,0,-1,42]"#,
        #" { "x" : [ [ ] , { } , "" ] , "y" : -7 } "#,
        #"{"k":{"k":{"k":{"k":[1,[2,[3]]]}}},"j":{"b":2,"a":1}}"#,
    ]

    /// Parses `input`; if accepted, checks the canonical-form properties. The typed `Result` makes
    /// "every refusal is a PayloadError" a compile-time fact; a crash would end the test process.
    static func check(_ input: [UInt8], _ tally: inout Tally) {
        let result = Result { () throws(PayloadError) -> JSONValue in try parser.parse(input) }
        switch result {
        case .failure(let error):
            tally.rejected[error.code, default: 0] += 1
        case .success(let value):
            tally.accepted += 1
            checkCanonical(value, input: input, &tally)
        }
    }

    static func checkCanonical(_ value: JSONValue, input: [UInt8]?, _ tally: inout Tally) {
        func fail(_ message: String) {
            tally.failures += 1
            if tally.failures <= 5 {
                Issue.record("\(message): input \(input.map(hex) ?? "-"), value \(value)")
            }
        }
        let encoded = CanonicalJSON.encode(value)
        guard let reparsed = try? parser.parse(encoded) else {
            return fail("canonical bytes \(hex(encoded)) do not parse")
        }
        if reparsed != sortedDeep(value) { fail("canonical bytes parse to a different value \(reparsed)") }
        if CanonicalJSON.encode(reparsed) != encoded { fail("encoding is not idempotent") }
        if CanonicalJSON.encode(value) != encoded { fail("encoding twice differs") }
        if let input, encoded.count > input.count { fail("canonical form is longer than the input") }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// `value` with every object's members in UTF-8 key order (what the canonical bytes parse to).
    static func sortedDeep(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.map(sortedDeep))
        case .object(let members):
            return .object(
                members.map { JSONMember($0.key, sortedDeep($0.value)) }
                    .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
        default: return value
        }
    }

    @Test("SplitMix64 matches the reference output")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("the seed payloads are accepted and round-trip")
    func seedsRoundTrip() {
        var tally = Tally()
        for seed in Self.seeds { Self.check(Array(seed.utf8), &tally) }
        #expect(tally.accepted == Self.seeds.count)
        #expect(tally.failures == 0)
    }

    static let printable = interesting.filter { (0x20..<0x7F).contains($0) }

    /// Whole JSON tokens, so that random strings often get past the first few bytes.
    static let tokens: [String] = [
        "{", "}", "[", "]", ",", ":", " ", "\n", #""a""#, #""b""#, #""\u0061""#, #""x\ny""#, #""é""#, #""""#,
        "0", "-1", "12", "9223372036854775807", "-9223372036854775808", "true", "false", "null",
    ]

    @Test("10,000 random byte strings never crash the parser")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x5EED_0001)
        var tally = Tally()
        for _ in 0..<10_000 {
            let length = generator.below(40)
            let asciiOnly = generator.chance(70)
            var bytes: [UInt8] = generator.chance(60) ? [UInt8(ascii: generator.pick(["{", "["]))] : []
            for _ in 0..<length {
                switch generator.below(10) {
                case 0..<5: bytes.append(contentsOf: generator.pick(Self.tokens).utf8)
                case 5..<8: bytes.append(generator.pick(asciiOnly ? Self.printable : Self.interesting))
                case 8: bytes.append(UInt8(0x20 + generator.below(0x5F)))
                default: bytes.append(UInt8(truncatingIfNeeded: generator.next()) & (asciiOnly ? 0x7F : 0xFF))
                }
            }
            Self.check(bytes, &tally)
        }
        #expect(tally.failures == 0)
        #expect(tally.accepted + tally.rejected.values.reduce(0, +) == 10_000)
        // The loop must reach past the first byte: values are accepted, and many distinct refusals occur.
        #expect(tally.accepted >= 20, "only \(tally.accepted) random strings accepted")
        #expect(tally.rejected.count >= 7, "refusals seen: \(tally.rejected)")
    }

    static func mutate(_ input: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0...generator.below(3) {
            let index = bytes.isEmpty ? 0 : generator.below(bytes.count)
            switch generator.below(7) {
            case 0 where !bytes.isEmpty: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            case 1 where !bytes.isEmpty: bytes[index] = generator.pick(Self.interesting)
            case 2: bytes.insert(generator.pick(Self.interesting), at: index)
            case 3 where !bytes.isEmpty: bytes.remove(at: index)
            case 4 where !bytes.isEmpty:
                let slice = Array(bytes[index..<min(bytes.count, index + 1 + generator.below(8))])
                bytes.insert(contentsOf: slice, at: generator.below(bytes.count + 1))
            case 5: bytes = Array(bytes.prefix(index))
            default: if !bytes.isEmpty { bytes[index] ^= 1 << UInt8(generator.below(8)) }
            }
        }
        return bytes
    }

    @Test("10,000 mutations of valid payloads never crash, and what is accepted round-trips")
    func mutatedPayloads() {
        var generator = SplitMix64(seed: 0x5EED_0002)
        var tally = Tally()
        let seeds = Self.seeds.map { Array($0.utf8) }
        for _ in 0..<10_000 {
            Self.check(Self.mutate(generator.pick(seeds), &generator), &tally)
        }
        #expect(tally.failures == 0)
        #expect(tally.accepted > 500, "only \(tally.accepted) mutations accepted")
        #expect(tally.rejected.count >= 9, "refusals seen: \(tally.rejected)")
    }

    // MARK: - Generated values

    static let scalarPool: [Unicode.Scalar] = [
        "\"", "\\", "/", "\n", "\r", "\t", " ", "~", "\u{E9}", "\u{301}", "\u{2028}", "\u{FEFF}",
        "\u{FFFF}", "\u{E000}", "\u{1F600}", "\u{10FFFF}", "\u{80}",
    ]

    static func randomString(_ generator: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<generator.below(7) {
            if generator.chance(60) {
                text.append(Unicode.Scalar(UInt8(0x20 + generator.below(0x5F))))
            } else {
                text.append(generator.pick(Self.scalarPool))
            }
        }
        return String(text)
    }

    static func randomValue(_ generator: inout SplitMix64, depth: Int) -> JSONValue {
        switch generator.below(depth >= 5 ? 4 : 6) {
        case 0: return generator.pick([.null, .bool(true), .bool(false)])
        case 1:
            let special: [Int64] = [0, 1, -1, .max, .min, 10, -10, 1_700_000_000_000]
            return .integer(
                generator.chance(50) ? generator.pick(special) : Int64(bitPattern: generator.next()))
        case 2, 3: return .string(randomString(&generator))
        case 4: return .array((0..<generator.below(4)).map { _ in randomValue(&generator, depth: depth + 1) })
        default:
            var seen = Set<String>()
            var members: [JSONMember] = []
            for _ in 0..<generator.below(5) {
                let key = randomString(&generator)
                if seen.insert(key).inserted {
                    members.append(JSONMember(key, randomValue(&generator, depth: depth + 1)))
                }
            }
            return .object(members)
        }
    }

    /// Writes `value` as valid but non-canonical JSON: random whitespace, members in their
    /// given order, and characters randomly written as `\uXXXX` (upper or lower case) or `\/`.
    static func noisy(_ value: JSONValue, _ generator: inout SplitMix64, into out: inout [UInt8]) {
        func space() {
            for _ in 0..<generator.below(3) { out.append(generator.pick([0x20, 0x09, 0x0A, 0x0D])) }
        }
        func string(_ text: String) {
            out.append(UInt8(ascii: "\""))
            for scalar in text.unicodeScalars {
                if scalar == "/" && generator.chance(50) {
                    out.append(contentsOf: #"\/"#.utf8)
                } else if scalar == "\"" || scalar == "\\" || scalar.value < 0x20 || generator.chance(25) {
                    for unit in String(scalar).utf16 {
                        let digits = String(unit, radix: 16)
                        let padded = String(repeating: "0", count: 4 - digits.count) + digits
                        out.append(contentsOf: ("\\u" + (generator.chance(50) ? padded.uppercased() : padded)).utf8)
                    }
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        space()
        switch value {
        case .string(let text): string(text)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                noisy(element, &generator, into: &out)
            }
            space()
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                space()
                string(member.key)
                space()
                out.append(UInt8(ascii: ":"))
                noisy(member.value, &generator, into: &out)
            }
            space()
            out.append(UInt8(ascii: "}"))
        default: out.append(contentsOf: CanonicalJSON.encode(value))
        }
        space()
    }

    @Test("2,000 generated values: canonical bytes parse back, and noisy spellings canonicalise identically")
    func generatedValues() throws {
        var generator = SplitMix64(seed: 0x5EED_0003)
        var tally = Tally()
        for _ in 0..<2_000 {
            let members: JSONValue = .object(
                (0..<generator.below(6)).map { JSONMember("k\($0)", Self.randomValue(&generator, depth: 1)) })
            Self.checkCanonical(members, input: nil, &tally)
            var spelled: [UInt8] = []
            Self.noisy(members, &generator, into: &spelled)
            let parsed = try Self.parser.parse(spelled)
            #expect(parsed == members)
            #expect(CanonicalJSON.encode(parsed) == CanonicalJSON.encode(members))
            Self.check(spelled, &tally)
        }
        #expect(tally.failures == 0)
    }
}

extension SplitMix64 {
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

}
