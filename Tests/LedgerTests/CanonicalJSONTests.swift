import Testing

@testable import Ledger

@Suite("CanonicalJSON")
struct CanonicalJSONTests {
    static func text(_ value: JSONValue) -> String { String(decoding: CanonicalJSON.encode(value), as: UTF8.self) }

    static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember($0.key, $0.value) })
    }

    @Test("an exact byte string for a nested example")
    func nestedExample() {
        let value = Self.object([
            "z": .array([.integer(3), .null, .bool(true), Self.object(["y": .integer(1), "x": .array([])])]),
            "a": Self.object(["y": .string("q\"\\\n/\u{E9}"), "b": .integer(-7), "B": .object([])]),
            "m": .bool(false),
            "\u{E9}": .integer(.min),
        ])
        let expected =
            #"{"a":{"B":{},"b":-7,"y":"q\"\\\n/é"},"m":false,"z":[3,null,true,{"x":[],"y":1}],"#
            + #""é":-9223372036854775808}"#
        #expect(CanonicalJSON.encode(value) == Array(expected.utf8))
        #expect(Array(expected.utf8).contains(0xC3), "é is written raw as C3 A9")
    }

    @Test("keys are sorted by their UTF-8 bytes")
    func keysSortedByUTF8() {
        // UTF-16 order would put U+1F600 (D83D DE00) before U+FF61; UTF-8 order puts it after.
        let keys = ["b", "\u{1F600}", "a", "B", "", "aa", "\u{FF61}", "ab", "~", "\u{E9}", "Z", "a b"]
        let value = JSONValue.object(keys.enumerated().map { JSONMember($1, .integer(Int64($0))) })
        let expected = #"{"":4,"B":3,"Z":10,"a":2,"a b":11,"aa":5,"ab":7,"b":0,"~":8,"é":9,"｡":6,"😀":1}"#
        #expect(Self.text(value) == expected)
    }

    /// Swift's `String <` compares NFC-normalised scalars, so it would put "f" before "e\u{301}"
    /// (NFC é, U+00E9); the canonical order compares raw bytes: 0x65 < 0x66.
    @Test("key order is by bytes, not by Swift String comparison")
    func keyOrderIsBytewise() {
        let value = Self.object(["f": .integer(1), "e\u{301}": .integer(2)])
        #expect(CanonicalJSON.encode(value) == Array(#"{"e\#u{301}":2,"f":1}"#.utf8))
        #expect(Array("e\u{301}".utf8) == [0x65, 0xCC, 0x81], "combining sequences are not normalised")
    }

    @Test("keys are sorted at every level, including objects inside arrays")
    func sortedAtEveryLevel() {
        let inner = Self.object(["d": .integer(4), "c": .integer(3)])
        let value = Self.object([
            "y": .array([inner, .array([inner])]),
            "x": Self.object(["q": inner, "p": .null]),
        ])
        #expect(Self.text(value) == #"{"x":{"p":null,"q":{"c":3,"d":4}},"y":[{"c":3,"d":4},[{"c":3,"d":4}]]}"#)
    }

    @Test("arrays keep their order")
    func arraysKeepOrder() {
        let value = JSONValue.array([.integer(3), .integer(1), .string("b"), .string("a"), .null])
        #expect(Self.text(value) == #"[3,1,"b","a",null]"#)
    }

    @Test("no whitespace is written outside strings")
    func noWhitespace() {
        let value = Self.object(["a b": .array([.string(" x "), .object([]), .array([])]), "c": .bool(true)])
        #expect(Self.text(value) == #"{"a b":[" x ",{},[]],"c":true}"#)
    }

    static let escapes: [(String, String)] = [
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("\n", #""\n""#),
        ("\r", #""\r""#),
        ("\t", #""\t""#),
        ("\u{0}", #""\u0000""#),
        ("\u{1}", #""\u0001""#),
        ("\u{8}", #""\u0008""#),
        ("\u{C}", #""\u000c""#),
        ("\u{1B}", #""\u001b""#),
        ("\u{1F}", #""\u001f""#),
        ("/", #""/""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("\u{80}", "\"\u{80}\""),
        ("\u{E9}", "\"\u{E9}\""),
        ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
        ("\u{FEFF}", "\"\u{FEFF}\""),
        ("\u{1F600}", "\"\u{1F600}\""),
        ("a\"b\\c\nd", #""a\"b\\c\nd""#),
    ]

    @Test("strings use exactly the documented escapes", arguments: escapes)
    func stringEscapes(input: String, expected: String) {
        #expect(Self.text(.string(input)) == expected)
        #expect(CanonicalJSON.encode(.string(input)) == Array(expected.utf8))
    }

    @Test("keys are escaped like string values")
    func keyEscapes() {
        #expect(Self.text(Self.object(["a\"\n": .null])) == #"{"a\"\n":null}"#)
    }

    static let integers: [(Int64, String)] = [
        (0, "0"), (7, "7"), (-1, "-1"), (42, "42"), (-42, "-42"), (1_700_000_000_000, "1700000000000"),
        (.max, "9223372036854775807"), (.min, "-9223372036854775808"),
    ]

    @Test("integers are written in shortest decimal form", arguments: integers)
    func integerForms(number: Int64, expected: String) {
        #expect(Self.text(.integer(number)) == expected)
    }

    @Test("literals and empty containers")
    func literals() {
        #expect(Self.text(.null) == "null")
        #expect(Self.text(.bool(true)) == "true")
        #expect(Self.text(.bool(false)) == "false")
        #expect(Self.text(.array([])) == "[]")
        #expect(Self.text(.object([])) == "{}")
        #expect(Self.text(.string("")) == #""""#)
    }

    @Test("encode(members) is the encoding of the object")
    func encodeMembers() {
        let members = [JSONMember("b", .integer(-2)), JSONMember("a", .array([.null]))]
        #expect(CanonicalJSON.encode(members) == CanonicalJSON.encode(.object(members)))
        #expect(String(decoding: CanonicalJSON.encode(members), as: UTF8.self) == #"{"a":[null],"b":-2}"#)
    }

    @Test("a parsed payload in any spelling canonicalises to one byte string")
    func parseThenEncode() throws {
        let spellings = [
            #"{"b":[1,2],"a":"A/😀"}"#,
            #" { "b" : [ 1 , 2 ] , "a" : "\u0041\/\ud83d\ude00" } "#,
            "{\n\t\"a\":\"\\u0041/\u{1F600}\",\r\n\"b\":[1,\n2]}",
        ]
        for spelling in spellings {
            let value = try StrictJSONParser().parse(Array(spelling.utf8))
            #expect(Self.text(value) == #"{"a":"A/😀","b":[1,2]}"#, "spelling: \(spelling)")
        }
    }

    @Test("the escaped forms the parser allows are written back short: \\u000a as \\n, \\/ as /")
    func escapesShortenOnRewrite() throws {
        let value = try StrictJSONParser().parse(Array(#"{"s":"\u000a\u000D\u0009\/\u005c\u0022"}"#.utf8))
        #expect(Self.text(value) == #"{"s":"\n\r\t/\\\""}"#)
    }
}
