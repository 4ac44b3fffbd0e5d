import Testing

@testable import Ledger

/// StrictJSONParser: numbers, duplicate keys, literals, nesting, size and the top-level shape.
@Suite("StrictJSONParser: numbers, keys, structure, limits")
struct JSONParserStructureTests {
    typealias Rejection = JSONParserStringTests.Rejection

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let parser = StrictJSONParser()

    /// `{"n":` + number + `}`: the number starts at offset 5.
    static func number(_ text: String) -> String { #"{"n":"# + text + "}" }

    // MARK: - Numbers

    static let nonIntegers: [Rejection] = [
        Rejection("1.0", number("1.0"), .nonIntegerNumber(offset: 5)),
        Rejection("0.5", number("0.5"), .nonIntegerNumber(offset: 5)),
        Rejection("1e3", number("1e3"), .nonIntegerNumber(offset: 5)),
        Rejection("1E3", number("1E3"), .nonIntegerNumber(offset: 5)),
        Rejection("1e+3", number("1e+3"), .nonIntegerNumber(offset: 5)),
        Rejection("-1.5e-3", number("-1.5e-3"), .nonIntegerNumber(offset: 5)),
        Rejection("-0.0", number("-0.0"), .nonIntegerNumber(offset: 5)),
        Rejection("1. (no fraction digits)", number("1."), .nonIntegerNumber(offset: 5)),
        Rejection("in an array", "[1,2.5]", .nonIntegerNumber(offset: 3)),
    ]

    @Test("fractions and exponents are nonIntegerNumber", arguments: nonIntegers)
    func rejectsNonIntegers(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    static let leadingZeros: [Rejection] = [
        Rejection("01", number("01"), .leadingZero(offset: 5)),
        Rejection("-01", number("-01"), .leadingZero(offset: 5)),
        Rejection("00", number("00"), .leadingZero(offset: 5)),
        Rejection("-00", number("-00"), .leadingZero(offset: 5)),
        Rejection("007", number("007"), .leadingZero(offset: 5)),
    ]

    @Test("leading zeros are leadingZero", arguments: leadingZeros)
    func rejectsLeadingZeros(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    @Test("-0 is negativeZero")
    func rejectsNegativeZero() {
        #expect(throws: PayloadError.negativeZero(offset: 5)) { try Self.parser.parse(Self.utf8(Self.number("-0"))) }
        #expect(throws: PayloadError.negativeZero(offset: 1)) { try Self.parser.parse(Self.utf8("[-0]")) }
    }

    static let outOfRange: [Rejection] = [
        Rejection("2^63", number("9223372036854775808"), .integerOutOfRange(offset: 5)),
        Rejection("-2^63 - 1", number("-9223372036854775809"), .integerOutOfRange(offset: 5)),
        Rejection("20 digits", number("99999999999999999999"), .integerOutOfRange(offset: 5)),
        Rejection("-20 digits", number("-99999999999999999999"), .integerOutOfRange(offset: 5)),
        Rejection("2^64", number("18446744073709551616"), .integerOutOfRange(offset: 5)),
    ]

    @Test("integers beyond 64 signed bits are integerOutOfRange", arguments: outOfRange)
    func rejectsOutOfRange(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    static let integers: [(String, Int64)] = [
        ("0", 0), ("7", 7), ("-1", -1), ("10", 10), ("-10", -10),
        ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ("9223372036854775806", .max - 1), ("-9223372036854775807", .min + 1),
    ]

    @Test("integers in range are accepted, including Int64.max and Int64.min", arguments: integers)
    func acceptsIntegers(text: String, expected: Int64) throws {
        let value = try Self.parser.parse(Self.utf8(Self.number(text)))
        #expect(value == .object([JSONMember("n", .integer(expected))]))
    }

    static let malformedNumbers: [Rejection] = [
        Rejection("a lone minus", number("-"), .unexpectedCharacter(offset: 6)),
        Rejection("minus then a letter", number("-a"), .unexpectedCharacter(offset: 6)),
        Rejection("a plus sign", number("+1"), .unexpectedCharacter(offset: 5)),
        Rejection("a leading dot", number(".5"), .unexpectedCharacter(offset: 5)),
        Rejection("hexadecimal", number("0x10"), .unexpectedCharacter(offset: 6)),
        Rejection("a minus at the very end", "-", .unexpectedEnd),
    ]

    @Test("malformed numbers are refused", arguments: malformedNumbers)
    func rejectsMalformedNumbers(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    // MARK: - Duplicate keys

    static let duplicates: [Rejection] = [
        Rejection("same key twice", #"{"a":1,"a":2}"#, .duplicateKey("a", offset: 7)),
        Rejection("same key, different value types", #"{"a":1,"b":2,"a":"x"}"#, .duplicateKey("a", offset: 13)),
        Rejection("nested", #"{"o":{"b":1,"b":2}}"#, .duplicateKey("b", offset: 12)),
        Rejection("in an object inside an array", #"[{},{"k":[],"k":{}}]"#, .duplicateKey("k", offset: 12)),
        Rejection("equal after unescaping", #"{"a":1,"\u0061":2}"#, .duplicateKey("a", offset: 7)),
        Rejection("equal after unescaping, escaped first", #"{"\u0061":1,"a":2}"#, .duplicateKey("a", offset: 12)),
        Rejection(
            "equal after unescaping a surrogate pair", #"{"😀":1,"\ud83d\ude00":2}"#,
            .duplicateKey("😀", offset: 10)),
        Rejection("empty key twice", #"{"":1,"":2}"#, .duplicateKey("", offset: 6)),
    ]

    @Test("duplicate keys are refused with the offset of the second", arguments: duplicates)
    func rejectsDuplicateKeys(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    /// Small objects find a duplicate by comparing with each earlier key, larger ones with a set;
    /// both must find every duplicate, wherever it is, with the offset of the second.
    @Test("duplicates are found in objects of any size", arguments: [1, 2, 15, 16, 17, 40])
    func duplicatesInObjectsOfAnySize(size: Int) throws {
        let keys = (0..<size).map { "k\($0)" }
        func object(_ keys: [String]) -> String { "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}" }
        guard case .object(let members) = try Self.parser.parse(Self.utf8(object(keys))) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == keys)
        for repeated in Set([0, size / 2, size - 1]) {
            let text = object(keys + [keys[repeated]])
            let offset = text.utf8.count - "\"\(keys[repeated])\":0}".utf8.count
            #expect(throws: PayloadError.duplicateKey(keys[repeated], offset: offset)) {
                try Self.parser.parse(Self.utf8(text))
            }
        }
    }

    /// Keys are compared as Swift strings (canonical equivalence), as PayloadReader's table compares
    /// them: two spellings of "é" must not both reach a reader that would keep only one of them.
    @Test("keys equal only under Unicode canonical equivalence are duplicates")
    func rejectsCanonicallyEquivalentKeys() {
        #expect(throws: PayloadError.duplicateKey("e\u{301}", offset: 12)) {
            try Self.parser.parse(Self.utf8(#"{"\u00e9":1,"e\u0301":2}"#))
        }
    }

    @Test("the same key in different objects is not a duplicate")
    func acceptsSameKeyInDifferentObjects() throws {
        let value = try Self.parser.parse(Self.utf8(#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"A":0}"#))
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "A"])
    }

    // MARK: - Literals and foreign values

    static let literals: [Rejection] = [
        Rejection("tru at the end", "tru", .unexpectedEnd),
        Rejection("tru in an object", #"{"a":tru}"#, .unexpectedCharacter(offset: 5)),
        Rejection("nul at the end", "nul", .unexpectedEnd),
        Rejection("nul in an object", #"{"a":nul}"#, .unexpectedCharacter(offset: 5)),
        Rejection("fals in an array", "[fals]", .unexpectedCharacter(offset: 1)),
        Rejection("True", #"{"a":True}"#, .unexpectedCharacter(offset: 5)),
        Rejection("NULL", #"{"a":NULL}"#, .unexpectedCharacter(offset: 5)),
        Rejection("nulll", #"{"a":nulll}"#, .unexpectedCharacter(offset: 9)),
        Rejection("NaN", #"{"a":NaN}"#, .unexpectedCharacter(offset: 5)),
        Rejection("Infinity", #"{"a":Infinity}"#, .unexpectedCharacter(offset: 5)),
        Rejection("-Infinity", #"{"a":-Infinity}"#, .unexpectedCharacter(offset: 6)),
        Rejection("single-quoted string", #"{"a":'x'}"#, .unexpectedCharacter(offset: 5)),
        Rejection("unquoted key", #"{a:1}"#, .unexpectedCharacter(offset: 1)),
        Rejection("trailing comma in an object", #"{"a":1,}"#, .unexpectedCharacter(offset: 7)),
        Rejection("trailing comma in an array", "[1,]", .unexpectedCharacter(offset: 3)),
        Rejection("missing colon", #"{"a" 1}"#, .unexpectedCharacter(offset: 5)),
        Rejection("missing comma", #"{"a":1 "b":2}"#, .unexpectedCharacter(offset: 7)),
        Rejection("comment", "{/**/}", .unexpectedCharacter(offset: 1)),
        Rejection("non-ASCII where a value starts", #"{"a":é}"#, .unexpectedCharacter(offset: 5)),
    ]

    @Test("misspelt literals, NaN, Infinity and other non-JSON are refused", arguments: literals)
    func rejectsLiterals(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    @Test("true, false and null are read")
    func acceptsLiterals() throws {
        let value = try Self.parser.parse(Self.utf8(#"[true,false,null]"#))
        #expect(value == .array([.bool(true), .bool(false), .null]))
    }

    // MARK: - Unexpected end

    static let truncated: [Rejection] = [
        Rejection(#"{"a":"#, #"{"a":"#, .unexpectedEnd),
        Rejection("empty input", "", .unexpectedEnd),
        Rejection("only whitespace", " \n\t ", .unexpectedEnd),
        Rejection("{", "{", .unexpectedEnd),
        Rejection(#"{"a""#, #"{"a""#, .unexpectedEnd),
        Rejection(#"{"a":1"#, #"{"a":1"#, .unexpectedEnd),
        Rejection(#"{"a":1,"#, #"{"a":1,"#, .unexpectedEnd),
        Rejection("[1,", "[1,", .unexpectedEnd),
        Rejection("[[]", "[[]", .unexpectedEnd),
    ]

    @Test("input that stops mid-value is unexpectedEnd", arguments: truncated)
    func rejectsTruncated(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try Self.parser.parse(rejection.input) }
    }

    // MARK: - Depth

    static func nestedArrays(_ depth: Int) -> [UInt8] {
        Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
    }

    static func nestedObjects(_ depth: Int) -> [UInt8] {
        var text = String(repeating: #"{"a":"#, count: depth - 1) + "{}"
        text += String(repeating: "}", count: depth - 1)
        return utf8(text)
    }

    @Test("nesting of exactly maximumDepth is accepted, one more is tooDeep", arguments: [1, 3, 16])
    func depthLimit(limit: Int) throws {
        let parser = StrictJSONParser(maximumDepth: limit)
        _ = try parser.parse(Self.nestedArrays(limit))
        _ = try parser.parseObject(Self.nestedObjects(limit))
        #expect(throws: PayloadError.tooDeep(limit: limit)) { try parser.parse(Self.nestedArrays(limit + 1)) }
        #expect(throws: PayloadError.tooDeep(limit: limit)) { try parser.parse(Self.nestedObjects(limit + 1)) }
    }

    @Test("the default limit is 16, counting arrays and objects together")
    func defaultDepthLimit() throws {
        #expect(Self.parser.maximumDepth == 16)
        let mixed16 = Self.utf8(String(repeating: #"{"a":["#, count: 8) + String(repeating: "]}", count: 8))
        _ = try Self.parser.parse(mixed16)
        let mixed17 = Self.utf8("[" + String(repeating: #"{"a":["#, count: 8) + String(repeating: "]}", count: 8) + "]")
        #expect(throws: PayloadError.tooDeep(limit: 16)) { try Self.parser.parse(mixed17) }
    }

    @Test("a very deep input is refused without exhausting the stack")
    func veryDeepInput() {
        #expect(throws: PayloadError.tooDeep(limit: 16)) { try Self.parser.parse(Self.nestedArrays(200_000)) }
    }

    // MARK: - Size

    @Test("a payload of exactly maximumBytes is accepted, one byte more is tooLarge")
    func sizeLimit() throws {
        let parser = StrictJSONParser(maximumBytes: 10)
        _ = try parser.parse(Self.utf8(#"{"a":"xx"}"#))
        #expect(throws: PayloadError.tooLarge(limit: 10)) { try parser.parse(Self.utf8(#"{"a":"xxx"}"#)) }
        // The size is checked before anything else, even trailing whitespace or bad UTF-8.
        #expect(throws: PayloadError.tooLarge(limit: 10)) { try parser.parse(Self.utf8(#"{"a":"xx"} "#)) }
        #expect(throws: PayloadError.tooLarge(limit: 10)) { try parser.parse([UInt8](repeating: 0xFF, count: 11)) }
    }

    @Test("the default size limit is 1 MiB")
    func defaultSizeLimit() throws {
        #expect(Self.parser.maximumBytes == 1 << 20)
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: (1 << 20) - 8)
        let exact = Self.utf8(#"{"a":""#) + filler + Self.utf8(#""}"#)
        #expect(exact.count == 1 << 20)
        _ = try Self.parser.parse(exact)
        #expect(throws: PayloadError.tooLarge(limit: 1 << 20)) { try Self.parser.parse(exact + [0x20]) }
    }

    // MARK: - Top level

    static let notObjects: [String] = ["[]", "[{}]", #""x""#, "1", "null", "true"]

    @Test("parseObject refuses a top level that is not an object", arguments: notObjects)
    func rejectsNonObjectTopLevel(_ text: String) throws {
        _ = try Self.parser.parse(Self.utf8(text))
        #expect(throws: PayloadError.notAnObject) { try Self.parser.parseObject(Self.utf8(text)) }
    }

    @Test("parseObject keeps members in the order written")
    func parseObjectKeepsOrder() throws {
        let members = try Self.parser.parseObject(Self.utf8(#"{"z":1,"a":[],"m":{"y":null,"b":"s"}}"#))
        #expect(
            members == [
                JSONMember("z", .integer(1)),
                JSONMember("a", .array([])),
                JSONMember("m", .object([JSONMember("y", .null), JSONMember("b", .string("s"))])),
            ])
    }
}
