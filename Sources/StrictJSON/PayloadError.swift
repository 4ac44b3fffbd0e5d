/// Why a statement payload was refused. Every case is its own failure with a stable ``code``,
/// so a client (and a test) can tell exactly what was wrong and where.
public enum PayloadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not well-formed UTF-8 (overlong forms, surrogates, truncated sequences...).
    case invalidUTF8(offset: Int)
    /// A control character (U+0000 to U+001F, or U+007F) appears raw, or escaped where only
    /// `\n`, `\r` and `\t` are allowed.
    case controlCharacter(offset: Int)
    /// An object names the same key twice.
    case duplicateKey(String, offset: Int)
    /// A number has a fraction or an exponent; payload numbers are integers.
    case nonIntegerNumber(offset: Int)
    /// A number is written with a leading zero (`007`).
    case leadingZero(offset: Int)
    /// A number is written as `-0`.
    case negativeZero(offset: Int)
    /// An integer does not fit in 64 signed bits.
    case integerOutOfRange(offset: Int)
    /// A backslash escape is not one JSON defines, or a `\u` escape is a lone surrogate.
    case invalidEscape(offset: Int)
    /// The bytes are not JSON at this point.
    case unexpectedCharacter(offset: Int)
    /// The bytes end in the middle of a value.
    case unexpectedEnd
    /// Something other than whitespace follows the payload's value.
    case trailingData(offset: Int)
    /// Arrays and objects nest deeper than the parser's limit.
    case tooDeep(limit: Int)
    /// The payload is larger than the limit for its kind.
    case tooLarge(limit: Int)
    /// The payload's top level is not an object.
    case notAnObject
    /// A field the statement's kind does not define.
    case unknownField(String)
    /// A field the statement's kind requires is absent.
    case missingField(String)
    /// A field has the wrong JSON type.
    case wrongType(field: String, expected: String, actual: String)
    /// A field has the right type but a value its kind does not allow.
    case invalidValue(field: String, reason: String)

    /// A stable, machine-readable identifier of the failure.
    public var code: String {
        switch self {
        case .invalidUTF8: return "invalid_utf8"
        case .controlCharacter: return "control_character"
        case .duplicateKey: return "duplicate_key"
        case .nonIntegerNumber: return "non_integer_number"
        case .leadingZero: return "leading_zero"
        case .negativeZero: return "negative_zero"
        case .integerOutOfRange: return "integer_out_of_range"
        case .invalidEscape: return "invalid_escape"
        case .unexpectedCharacter: return "unexpected_character"
        case .unexpectedEnd: return "unexpected_end"
        case .trailingData: return "trailing_data"
        case .tooDeep: return "too_deep"
        case .tooLarge: return "too_large"
        case .notAnObject: return "not_an_object"
        case .unknownField: return "unknown_field"
        case .missingField: return "missing_field"
        case .wrongType: return "wrong_type"
        case .invalidValue: return "invalid_value"
        }
    }

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): return "the payload is not valid UTF-8 at byte \(offset)"
        case .controlCharacter(let offset):
            return "control character at byte \(offset); only \\n, \\r and \\t may be escaped"
        case .duplicateKey(let key, let offset): return "key \"\(key)\" appears twice (byte \(offset))"
        case .nonIntegerNumber(let offset):
            return "number at byte \(offset) has a fraction or exponent; only integers are allowed"
        case .leadingZero(let offset): return "number at byte \(offset) has a leading zero"
        case .negativeZero(let offset): return "number at byte \(offset) is negative zero"
        case .integerOutOfRange(let offset): return "integer at byte \(offset) does not fit in 64 bits"
        case .invalidEscape(let offset): return "invalid escape sequence at byte \(offset)"
        case .unexpectedCharacter(let offset): return "unexpected character at byte \(offset)"
        case .unexpectedEnd: return "the payload ends in the middle of a value"
        case .trailingData(let offset): return "unexpected data after the payload at byte \(offset)"
        case .tooDeep(let limit): return "the payload nests deeper than \(limit) levels"
        case .tooLarge(let limit): return "the payload is larger than \(limit) bytes"
        case .notAnObject: return "the payload must be a JSON object"
        case .unknownField(let name): return "unknown field \"\(name)\""
        case .missingField(let name): return "missing field \"\(name)\""
        case .wrongType(let field, let expected, let actual):
            return "field \"\(field)\" must be \(expected), not \(actual)"
        case .invalidValue(let field, let reason): return "field \"\(field)\" \(reason)"
        }
    }
}
