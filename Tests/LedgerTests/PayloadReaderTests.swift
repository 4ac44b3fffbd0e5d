import Sodium
import Testing

@testable import Ledger

@Suite("PayloadReader")
struct PayloadReaderTests {
    static func reader(_ json: String) throws -> PayloadReader {
        PayloadReader(try StrictJSONParser().parseObject(Array(json.utf8)))
    }

    static let validKey = try! SigningKey(seed: [UInt8](repeating: 7, count: 32)).publicKey

    // MARK: - Missing fields

    /// Each accessor, applied to `key`, as a throwing call on a fresh reader.
    enum Accessor: String, CaseIterable, Sendable {
        case value, string, integer, integerInRange, bool, array, object, publicKey, bytes

        func read(_ reader: inout PayloadReader, _ key: String) throws(PayloadError) {
            switch self {
            case .value: _ = try reader.value(key)
            case .string: _ = try reader.string(key)
            case .integer: _ = try reader.integer(key)
            case .integerInRange: _ = try reader.integer(key, in: 0...10)
            case .bool: _ = try reader.bool(key)
            case .array: _ = try reader.array(key)
            case .object: _ = try reader.object(key)
            case .publicKey: _ = try reader.publicKey(key)
            case .bytes: _ = try reader.bytes(key, length: 16)
            }
        }
    }

    @Test("every required accessor reports a missing field by name", arguments: Accessor.allCases)
    func missingField(_ accessor: Accessor) throws {
        var reader = try Self.reader(#"{"other":1}"#)
        #expect(throws: PayloadError.missingField("wanted")) { try accessor.read(&reader, "wanted") }
    }

    @Test("a missing field inside a nested object is named by its path", arguments: Accessor.allCases)
    func missingNestedField(_ accessor: Accessor) throws {
        var top = try Self.reader(#"{"outer":{"inner":{}}}"#)
        var outer = try top.object("outer")
        var inner = try outer.object("inner")
        #expect(inner.path == "outer.inner")
        #expect(throws: PayloadError.missingField("outer.inner.leaf")) { try accessor.read(&inner, "leaf") }
    }

    // MARK: - Wrong types

    /// (accessor, JSON value of the field, expected-type phrase, actual type name)
    static let wrongTypes: [(Accessor, String, String, String)] = [
        (.string, "1", "a string", "integer"),
        (.string, "null", "a string", "null"),
        (.integer, #""1""#, "an integer", "string"),
        (.integer, "true", "an integer", "boolean"),
        (.integerInRange, "[]", "an integer", "array"),
        (.bool, "0", "a boolean", "integer"),
        (.bool, #""true""#, "a boolean", "string"),
        (.array, "{}", "an array", "object"),
        (.array, "null", "an array", "null"),
        (.object, "[]", "an object", "array"),
        (.object, #""{}""#, "an object", "string"),
        (.publicKey, "1", "a string", "integer"),
        (.publicKey, "{}", "a string", "object"),
        (.bytes, "false", "a string", "boolean"),
        (.bytes, "[1,2]", "a string", "array"),
    ]

    @Test("each accessor refuses a field of the wrong JSON type", arguments: wrongTypes)
    func wrongType(accessor: Accessor, json: String, expected: String, actual: String) throws {
        var reader = try Self.reader(#"{"f":"# + json + "}")
        #expect(throws: PayloadError.wrongType(field: "f", expected: expected, actual: actual)) {
            try accessor.read(&reader, "f")
        }
        var nested = try Self.reader(#"{"outer":{"f":"# + json + "}}")
        var outer = try nested.object("outer")
        #expect(throws: PayloadError.wrongType(field: "outer.f", expected: expected, actual: actual)) {
            try accessor.read(&outer, "f")
        }
    }

    @Test("accessors return the values they read")
    func readsValues() throws {
        var reader = try Self.reader(#"{"s":"x","i":-3,"b":true,"a":[1,"y"],"o":{"k":null},"v":null}"#)
        #expect(try reader.string("s") == "x")
        #expect(try reader.integer("i") == -3)
        #expect(try reader.bool("b") == true)
        #expect(try reader.array("a") == [.integer(1), .string("y")])
        var object = try reader.object("o")
        #expect(object.path == "o")
        #expect(try object.value("k") == .null)
        #expect(try reader.value("v") == .null)
        try object.finish()
        try reader.finish()
    }

    // MARK: - Optional fields

    @Test("optionalString: absent and null are nil, a string is returned, anything else is wrongType")
    func optionalString() throws {
        var reader = try Self.reader(#"{"n":null,"s":"x","i":1}"#)
        #expect(try reader.optionalString("absent") == nil)
        #expect(try reader.optionalString("n") == nil)
        #expect(try reader.optionalString("s") == "x")
        #expect(throws: PayloadError.wrongType(field: "i", expected: "a string", actual: "integer")) {
            try reader.optionalString("i")
        }
        try reader.finish()
    }

    @Test("optionalValue returns nil for an absent field and marks present ones read")
    func optionalValue() throws {
        var reader = try Self.reader(#"{"a":1}"#)
        #expect(reader.optionalValue("b") == nil)
        #expect(reader.optionalValue("a") == .integer(1))
        try reader.finish()
    }

    // MARK: - Unknown fields

    @Test("finish() names the first unread key in payload order, not alphabetical order")
    func unknownFieldInPayloadOrder() throws {
        var reader = try Self.reader(#"{"a":1,"z":2,"b":3,"c":4}"#)
        _ = try reader.integer("a")
        _ = try reader.integer("c")
        #expect(throws: PayloadError.unknownField("z")) { try reader.finish() }
        _ = try reader.integer("z")
        #expect(throws: PayloadError.unknownField("b")) { try reader.finish() }
        _ = try reader.integer("b")
        try reader.finish()
    }

    @Test("a weight or role slipped into a payload is an unknown field")
    func slippedInField() throws {
        var reader = try Self.reader(#"{"name":"x","weight":100}"#)
        _ = try reader.string("name")
        #expect(throws: PayloadError.unknownField("weight")) { try reader.finish() }
    }

    @Test("a field read with the wrong type still counts as read")
    func failedReadMarksRead() throws {
        var reader = try Self.reader(#"{"a":"x"}"#)
        #expect(throws: PayloadError.self) { try reader.integer("a") }
        try reader.finish()
    }

    @Test("finish() on a nested reader names the unknown field by its path")
    func unknownNestedField() throws {
        var top = try Self.reader(#"{"outer":{"inner":{"x":1},"known":2}}"#)
        var outer = try top.object("outer")
        _ = try outer.integer("known")
        try top.finish()
        #expect(throws: PayloadError.unknownField("outer.inner")) { try outer.finish() }
        let inner = try outer.object("inner")
        #expect(throws: PayloadError.unknownField("outer.inner.x")) { try inner.finish() }
        try outer.finish()
    }

    @Test("an empty object finishes cleanly; an explicit path prefixes every name")
    func pathsAndEmpty() throws {
        try Self.reader("{}").finish()
        var reader = PayloadReader([JSONMember("x", .null)], path: "root")
        #expect(throws: PayloadError.unknownField("root.x")) { try reader.finish() }
        #expect(throws: PayloadError.missingField("root.y")) { try reader.string("y") }
    }

    // MARK: - Integer ranges

    static let ranged: [(Int64, Bool)] = [(0, false), (1, true), (5, true), (10, true), (11, false), (-1, false)]

    @Test("integer(_:in:) accepts the bounds and refuses one past them", arguments: ranged)
    func integerRange(number: Int64, accepted: Bool) throws {
        var reader = try Self.reader(#"{"n":\#(number)}"#)
        if accepted {
            #expect(try reader.integer("n", in: 1...10) == number)
        } else {
            #expect(throws: PayloadError.invalidValue(field: "n", reason: "must be between 1 and 10")) {
                try reader.integer("n", in: 1...10)
            }
        }
    }

    @Test("an out-of-range nested integer is named by its path")
    func nestedIntegerRange() throws {
        var top = try Self.reader(#"{"outer":{"n":-9223372036854775808}}"#)
        var outer = try top.object("outer")
        #expect(throws: PayloadError.invalidValue(field: "outer.n", reason: "must be between 0 and 5")) {
            try outer.integer("n", in: 0...5)
        }
    }

    // MARK: - Public keys

    @Test("publicKey accepts a valid key")
    func publicKeyAccepted() throws {
        var reader = try Self.reader(#"{"k":"\#(Self.validKey.base64url)"}"#)
        #expect(try reader.publicKey("k") == Self.validKey)
    }

    static func keyError(_ field: String, _ error: SodiumError) -> PayloadError {
        .invalidValue(field: field, reason: "is not a valid Ed25519 public key (\(error))")
    }

    static let badKeys: [(String, SodiumError)] = [
        (Base64URL.encode([UInt8](repeating: 0, count: 32)), .invalidPublicKey),
        // The identity point (small order).
        (Base64URL.encode([1] + [UInt8](repeating: 0, count: 31)), .invalidPublicKey),
        ("not base64url!", .invalidBase64URL),
        (validKey.base64url + "=", .invalidBase64URL),
        (" " + validKey.base64url, .invalidBase64URL),
        (
            Base64URL.encode(validKey.bytes.prefix(31)),
            .wrongLength(
                what: "an Ed25519 public key", expected: 32,
                actual: 31)
        ),
        ("", .wrongLength(what: "an Ed25519 public key", expected: 32, actual: 0)),
    ]

    @Test("publicKey refuses the all-zero key, small-order points and non-base64url text", arguments: badKeys)
    func publicKeyRefused(text: String, error: SodiumError) throws {
        var reader = try Self.reader(#"{"author":"\#(text)"}"#)
        #expect(throws: Self.keyError("author", error)) { try reader.publicKey("author") }
    }

    @Test("publicKey refuses the standard base64 alphabet (+ and / for - and _)")
    func publicKeyStandardAlphabet() throws {
        // A key whose base64url text uses - or _ (about three seeds in four give one).
        let key = try #require(
            (0..<64).lazy.map { try! SigningKey(seed: [UInt8](repeating: UInt8($0), count: 32)).publicKey }
                .first { $0.base64url.contains("-") || $0.base64url.contains("_") })
        let standard = String(key.base64url.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        var reader = try Self.reader(#"{"k":"\#(standard)","g":"\#(key.base64url)"}"#)
        #expect(throws: Self.keyError("k", .invalidBase64URL)) { try reader.publicKey("k") }
        #expect(try reader.publicKey("g") == key)
    }

    // MARK: - Bytes

    static let byteLengths = [0, 1, 15, 17, 32]

    @Test("bytes(_:length:) refuses every length but the one asked for", arguments: byteLengths)
    func bytesWrongLength(_ count: Int) throws {
        let text = Base64URL.encode([UInt8](repeating: 0xAB, count: count))
        var reader = try Self.reader(#"{"nonce":"\#(text)"}"#)
        let error = PayloadError.invalidValue(field: "nonce", reason: "must be 16 bytes in unpadded base64url")
        #expect(throws: error) { try reader.bytes("nonce", length: 16) }
    }

    @Test("bytes(_:length:) reads exactly the right length and refuses padding or bad characters")
    func bytesExact() throws {
        let bytes = (0..<16).map { UInt8($0 * 17) }
        let text = Base64URL.encode(bytes)
        var reader = try Self.reader(#"{"a":"\#(text)","b":"\#(text)==","c":"\#(text.dropLast())!","d":"\#(text)"}"#)
        #expect(try reader.bytes("a", length: 16) == bytes)
        let error = PayloadError.invalidValue(field: "b", reason: "must be 16 bytes in unpadded base64url")
        #expect(throws: error) { try reader.bytes("b", length: 16) }
        #expect(throws: PayloadError.invalidValue(field: "c", reason: "must be 16 bytes in unpadded base64url")) {
            try reader.bytes("c", length: 16)
        }
        #expect(throws: PayloadError.invalidValue(field: "d", reason: "must be 8 bytes in unpadded base64url")) {
            try reader.bytes("d", length: 8)
        }
    }

    /// Objects of more than 16 members are looked up through a table, smaller ones by a scan.
    @Test("large objects read the same: values by name, the first unread field refused", arguments: [3, 16, 17, 30])
    func objectsOfAnySize(size: Int) throws {
        let keys = (0..<size).map { "f\($0)" }
        var reader = try Self.reader("{" + keys.enumerated().map { "\"\($1)\":\($0)" }.joined(separator: ",") + "}")
        #expect(reader.keys == keys)
        #expect(reader.optionalValue("absent") == nil)
        // Read all but two, from the end: the first unread in payload order is named.
        for (index, key) in keys.enumerated().reversed() where index != 1 && index != size - 1 {
            #expect(try reader.integer(key) == Int64(index))
        }
        #expect(throws: PayloadError.unknownField("f1")) { try reader.finish() }
        _ = try reader.integer("f1")
        #expect(throws: PayloadError.unknownField("f\(size - 1)")) { try reader.finish() }
        _ = try reader.integer("f\(size - 1)")
        try reader.finish()
    }
}
