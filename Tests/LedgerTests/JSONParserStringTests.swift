import Testing

@testable import Ledger

/// StrictJSONParser: encoding, control characters, escapes and the text around a payload.
@Suite("StrictJSONParser: UTF-8, control characters, escapes")
struct JSONParserStringTests {
    /// One input and the exact error the parser must throw for it.
    struct Rejection: Sendable, CustomTestStringConvertible {
        let label: String
        let input: [UInt8]
        let error: PayloadError
        var testDescription: String { label }

        init(_ label: String, _ input: [UInt8], _ error: PayloadError) {
            self.label = label
            self.input = input
            self.error = error
        }

        init(_ label: String, _ text: String, _ error: PayloadError) {
            self.init(label, Array(text.utf8), error)
        }
    }

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `{"a":"` + bytes + `"}`: the bytes start at offset 6, inside a string value.
    static func inString(_ bytes: [UInt8]) -> [UInt8] { utf8(#"{"a":""#) + bytes + utf8(#""}"#) }

    /// `{"a":1}` + bytes: the bytes start at offset 7, outside any value.
    static func afterValue(_ bytes: [UInt8]) -> [UInt8] { utf8(#"{"a":1}"#) + bytes }

    static let parser = StrictJSONParser()

    // MARK: - Invalid UTF-8

    static let invalidUTF8: [Rejection] = [
        Rejection("lone continuation byte in a string", inString([0x80]), .invalidUTF8(offset: 6)),
        Rejection("lone continuation byte outside", afterValue([0x80]), .invalidUTF8(offset: 7)),
        Rejection("lone continuation byte at the start", [0xBF] + utf8("{}"), .invalidUTF8(offset: 0)),
        Rejection("overlong C0 AF in a string", inString([0xC0, 0xAF]), .invalidUTF8(offset: 6)),
        Rejection("overlong C0 AF outside", afterValue([0xC0, 0xAF]), .invalidUTF8(offset: 7)),
        Rejection("overlong C1 BF in a string", inString([0xC1, 0xBF]), .invalidUTF8(offset: 6)),
        Rejection("overlong E0 80 AF in a string", inString([0xE0, 0x80, 0xAF]), .invalidUTF8(offset: 6)),
        Rejection("overlong F0 80 80 AF in a string", inString([0xF0, 0x80, 0x80, 0xAF]), .invalidUTF8(offset: 6)),
        Rejection("truncated sequence in a string", inString([0x78, 0xE2, 0x82]), .invalidUTF8(offset: 7)),
        Rejection("truncated sequence at the end", afterValue([0xE2, 0x82]), .invalidUTF8(offset: 7)),
        Rejection("truncated 4-byte at the end", afterValue([0xF0, 0x9F, 0x98]), .invalidUTF8(offset: 7)),
        Rejection("2-byte lead then ASCII", inString([0xC3, 0x41]), .invalidUTF8(offset: 6)),
        Rejection("encoded surrogate ED A0 80 in a string", inString([0xED, 0xA0, 0x80]), .invalidUTF8(offset: 6)),
        Rejection("encoded surrogate ED BF BF outside", afterValue([0xED, 0xBF, 0xBF]), .invalidUTF8(offset: 7)),
        Rejection("F5 lead byte in a string", inString([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8(offset: 6)),
        Rejection("F5 lead byte outside", afterValue([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8(offset: 7)),
        Rejection("FF byte in a string", inString([0xFF]), .invalidUTF8(offset: 6)),
        Rejection(
            "above U+10FFFF (F4 90 80 80) in a string", inString([0xF4, 0x90, 0x80, 0x80]),
            .invalidUTF8(offset: 6)),
        Rejection(
            "above U+10FFFF (F4 90 80 80) outside", afterValue([0xF4, 0x90, 0x80, 0x80]),
            .invalidUTF8(offset: 7)),
        Rejection("invalid byte in a key", utf8(#"{""#) + [0x80] + utf8(#"":1}"#), .invalidUTF8(offset: 2)),
    ]

    @Test("invalid UTF-8 is refused with the offset of the bad sequence", arguments: invalidUTF8)
    func rejectsInvalidUTF8(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    @Test("UTF-8 is checked before the structure: bad bytes after a broken value still report invalidUTF8")
    func utf8CheckedFirst() {
        #expect(throws: PayloadError.invalidUTF8(offset: 3)) { try Self.parser.parse(Self.utf8("{x ") + [0x80]) }
    }

    static let validUTF8: [([UInt8], String)] = [
        ([0xC3, 0xA9], "\u{E9}"),
        ([0xE2, 0x82, 0xAC], "\u{20AC}"),
        ([0xEF, 0xBF, 0xBF], "\u{FFFF}"),
        ([0xED, 0x9F, 0xBF], "\u{D7FF}"),
        ([0xEE, 0x80, 0x80], "\u{E000}"),
        ([0xF0, 0x9F, 0x98, 0x80], "\u{1F600}"),
        ([0xF4, 0x8F, 0xBF, 0xBF], "\u{10FFFF}"),
    ]

    @Test("well-formed multi-byte UTF-8 is accepted raw in a string", arguments: validUTF8)
    func acceptsValidUTF8(bytes: [UInt8], text: String) throws {
        let value = try Self.parser.parse(Self.inString(bytes))
        #expect(value == .object([JSONMember("a", .string(text))]))
    }

    // MARK: - Control characters

    static let controlCharacters: [Rejection] = [
        Rejection("raw 0x00 in a string", inString([0x78, 0x00]), .controlCharacter(offset: 7)),
        Rejection("raw 0x01 in a string", inString([0x78, 0x01]), .controlCharacter(offset: 7)),
        Rejection("raw 0x1F in a string", inString([0x78, 0x1F]), .controlCharacter(offset: 7)),
        Rejection("raw 0x7F in a string", inString([0x78, 0x7F]), .controlCharacter(offset: 7)),
        Rejection("raw newline in a string", inString([0x78, 0x0A]), .controlCharacter(offset: 7)),
        Rejection("raw tab in a string", inString([0x78, 0x09]), .controlCharacter(offset: 7)),
        Rejection("raw 0x01 in a key", utf8(#"{"k"#) + [0x01] + utf8(#"":1}"#), .controlCharacter(offset: 3)),
        Rejection("escaped \\u0000", #"{"a":"x\u0000"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\u0001", #"{"a":"x\u0001"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\u001f", #"{"a":"x\u001f"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\u001F", #"{"a":"x\u001F"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\u007f", #"{"a":"x\u007f"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\u0008", #"{"a":"x\u0008"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\b", #"{"a":"x\b"}"#, .controlCharacter(offset: 7)),
        Rejection("escaped \\f", #"{"a":"x\f"}"#, .controlCharacter(offset: 7)),
        Rejection("control byte where a value starts", utf8(#"{"a":"#) + [0x01], .controlCharacter(offset: 5)),
        Rejection(
            "control byte between members", utf8(#"{"a":1"#) + [0x01] + utf8("}"),
            .controlCharacter(offset: 6)),
        Rejection("form feed is not whitespace", utf8("{") + [0x0C] + utf8("}"), .controlCharacter(offset: 1)),
        Rejection("DEL before the payload", [0x7F] + utf8("{}"), .controlCharacter(offset: 0)),
    ]

    @Test("control characters are refused raw and escaped", arguments: controlCharacters)
    func rejectsControlCharacters(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    @Test("\\n, \\r, \\t and \\u000a (and \\u000D, \\u0009) are accepted as escapes")
    func acceptsAllowedControlEscapes() throws {
        let value = try Self.parser.parse(Self.utf8(#"{"a":"1\n2\r3\t4\u000a5\u000D6\u0009"}"#))
        #expect(value == .object([JSONMember("a", .string("1\n2\r3\t4\n5\r6\t"))]))
    }

    // MARK: - Escapes

    static let invalidEscapes: [Rejection] = [
        Rejection("\\x", #"{"a":"\x41"}"#, .invalidEscape(offset: 6)),
        Rejection("\\'", #"{"a":"\'"}"#, .invalidEscape(offset: 6)),
        Rejection("\\U (upper-case u)", #"{"a":"\U0041"}"#, .invalidEscape(offset: 6)),
        Rejection("\\0", #"{"a":"\0"}"#, .invalidEscape(offset: 6)),
        Rejection("non-hex digit", #"{"a":"\u00G1"}"#, .invalidEscape(offset: 6)),
        Rejection("lone high surrogate \\ud800", #"{"a":"\ud800"}"#, .invalidEscape(offset: 6)),
        Rejection("lone high surrogate at the end of a string", #"{"a":"x\udbff"}"#, .invalidEscape(offset: 7)),
        Rejection("lone low surrogate \\udc00", #"{"a":"\udc00"}"#, .invalidEscape(offset: 6)),
        Rejection("lone low surrogate \\udfff", #"{"a":"\udfff"}"#, .invalidEscape(offset: 6)),
        Rejection("high surrogate then \\u0041", #"{"a":"\ud800\u0041"}"#, .invalidEscape(offset: 6)),
        Rejection("two high surrogates", #"{"a":"\ud800\ud800"}"#, .invalidEscape(offset: 6)),
        Rejection("high surrogate then \\n", #"{"a":"\ud800\n"}"#, .invalidEscape(offset: 6)),
        Rejection("high surrogate then a raw character", #"{"a":"\ud800x"}"#, .invalidEscape(offset: 6)),
        Rejection("low surrogate then high surrogate", #"{"a":"\ude00\ud83d"}"#, .invalidEscape(offset: 6)),
        Rejection("invalid escape in a key", #"{"\q":1}"#, .invalidEscape(offset: 2)),
        // A closing quote within four bytes of \u is a short escape, not the end of the input.
        Rejection("\\u with one digit, then the string closes", #"{"a":"\u1"}"#, .invalidEscape(offset: 6)),
        Rejection("\\u with no digits, then the string closes", #"{"a":"\u"}"#, .invalidEscape(offset: 6)),
        Rejection("short second half of a pair", #"{"a":"\ud83d\ud"}"#, .invalidEscape(offset: 6)),
    ]

    @Test("escapes JSON does not define, and lone surrogates, are invalidEscape", arguments: invalidEscapes)
    func rejectsInvalidEscapes(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    @Test("a surrogate pair decodes to one scalar", arguments: [#"\ud83d\ude00"#, #"\uD83D\uDE00"#])
    func acceptsSurrogatePair(_ escape: String) throws {
        let value = try Self.parser.parse(Self.utf8(#"{"a":""# + escape + #""}"#))
        guard case .object(let members) = value, case .string(let text) = members.first?.value else {
            Issue.record("expected an object with one string, got \(value)")
            return
        }
        #expect(Array(text.unicodeScalars) == ["\u{1F600}"])
        #expect(Array(text.utf8) == [0xF0, 0x9F, 0x98, 0x80])
    }

    @Test("the other JSON escapes decode exactly")
    func acceptsSimpleEscapes() throws {
        let value = try Self.parser.parse(Self.utf8(#"{"a":"\"\\\/\u0041\u00e9\u20AC\uffff"}"#))
        #expect(value == .object([JSONMember("a", .string("\"\\/A\u{E9}\u{20AC}\u{FFFF}"))]))
    }

    // MARK: - Unexpected end inside strings

    static let unterminated: [Rejection] = [
        Rejection("string not closed", #"{"a":"abc"#, .unexpectedEnd),
        Rejection("backslash at the end", #"{"a":"\"#, .unexpectedEnd),
        Rejection("\\u with too few digits at the end", #"{"a":"\u12"#, .unexpectedEnd),
        Rejection("\\u at the very end", #"{"a":"\u"#, .unexpectedEnd),
        Rejection("high surrogate, second \\u cut short", #"{"a":"\ud83d\ude"#, .unexpectedEnd),
        Rejection("key not closed", #"{"ab"#, .unexpectedEnd),
    ]

    @Test("input that ends inside a string is unexpectedEnd", arguments: unterminated)
    func rejectsUnterminatedStrings(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    // MARK: - Around the payload

    @Test("leading and trailing JSON whitespace is accepted")
    func acceptsSurroundingWhitespace() throws {
        let members = try Self.parser.parseObject(Self.utf8(" \t\r\n{ \"a\" :\t[ 1 ,\n2 ] ,\r\"b\":{ } }\n\r\t "))
        #expect(members == [JSONMember("a", .array([.integer(1), .integer(2)])), JSONMember("b", .object([]))])
    }

    @Test("a byte-order mark at the start is refused")
    func rejectsByteOrderMark() {
        #expect(throws: PayloadError.unexpectedCharacter(offset: 0)) {
            try Self.parser.parse([0xEF, 0xBB, 0xBF] + Self.utf8("{}"))
        }
    }

    static let trailing: [Rejection] = [
        Rejection("{} x", "{} x", .trailingData(offset: 3)),
        Rejection("{}{}", "{}{}", .trailingData(offset: 2)),
        Rejection("{} then a comma after whitespace", "{}\n ,", .trailingData(offset: 4)),
        Rejection("closing brace too many", #"{"a":1}}"#, .trailingData(offset: 7)),
        Rejection("a second value", "{} 1", .trailingData(offset: 3)),
    ]

    @Test("anything but whitespace after the value is trailingData", arguments: trailing)
    func rejectsTrailingData(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }
}
