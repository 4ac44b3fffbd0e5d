/// The strict JSON reader for signed payloads (RFC 8259 with Plenum's restrictions).
///
/// It reads the exact bytes that were signed and refuses, each with its own ``PayloadError``:
/// invalid UTF-8, control characters (raw, or escaped other than `\n`, `\r`, `\t`), duplicate
/// keys, numbers with a fraction or exponent, leading zeros, negative zero, integers beyond 64
/// bits, lone surrogates, nesting beyond a limit and trailing data. Anything it accepts has
/// exactly one meaning, so two parties that accept a payload agree on what was signed.
public struct StrictJSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int
    /// The largest payload accepted, in bytes.
    public var maximumBytes: Int

    /// A parser with the given limits (defaults suit statement payloads).
    public init(maximumDepth: Int = 16, maximumBytes: Int = 1 << 20) {
        self.maximumDepth = maximumDepth
        self.maximumBytes = maximumBytes
    }

    /// Parses `bytes` as one JSON value with nothing but whitespace around it.
    public func parse(_ bytes: [UInt8]) throws(PayloadError) -> JSONValue {
        guard bytes.count <= maximumBytes else { throw .tooLarge(limit: maximumBytes) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PayloadError) -> JSONValue in
            var reader = Reader(bytes: buffer, maximumDepth: maximumDepth)
            try reader.validateUTF8()
            reader.skipWhitespace()
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            guard reader.position == buffer.count else { throw .trailingData(offset: reader.position) }
            return value
        }
    }

    /// Parses `bytes` and requires the top level to be an object.
    public func parseObject(_ bytes: [UInt8]) throws(PayloadError) -> [JSONMember] {
        guard case .object(let members) = try parse(bytes) else { throw .notAnObject }
        return members
    }
}

private struct Reader {
    /// Up to this many members, a new key is compared with each earlier one.
    static let scanLimit = 16
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Checks the whole input is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF) before anything else, so the first error reported for a
    /// mis-encoded payload is about its encoding.
    func validateUTF8() throws(PayloadError) {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) { throw .invalidUTF8(offset: offset) }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func peek() throws(PayloadError) -> UInt8 {
        guard position < bytes.count else { throw .unexpectedEnd }
        return bytes[position]
    }

    mutating func readValue(depth: Int) throws(PayloadError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try readInteger())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default:
            if byte < 0x20 || byte == 0x7F { throw .controlCharacter(offset: position) }
            throw .unexpectedCharacter(offset: position)
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(PayloadError) {
        let start = position
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in text {
            guard position < bytes.count else { throw .unexpectedEnd }
            guard bytes[position] == expected else { throw .unexpectedCharacter(offset: start) }
            position += 1
        }
    }

    mutating func readObject(depth: Int) throws(PayloadError) -> JSONValue {
        guard depth <= maximumDepth else { throw .tooDeep(limit: maximumDepth) }
        position += 1  // {
        var members: [JSONMember] = []
        // Small objects (every payload's) find a duplicate by a scan; large ones by a set.
        var seen: Set<String>?
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        // Room for a statement payload's members (a header's four and a few more), so that the
        // array is not regrown three times on the way; only for the payload itself, so that a
        // payload of many small nested objects costs no more memory than they hold.
        if depth == 1 { members.reserveCapacity(8) }
        while true {
            skipWhitespace()
            let keyOffset = position
            guard try peek() == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try readString()
            if seen == nil, members.count >= Self.scanLimit { seen = Set(members.lazy.map(\.key)) }
            if seen != nil {
                guard seen!.insert(key).inserted else { throw .duplicateKey(key, offset: keyOffset) }
            } else if members.contains(where: { $0.key == key }) {
                throw .duplicateKey(key, offset: keyOffset)
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw unexpected() }
            position += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            members.append(JSONMember(key, value))
            skipWhitespace()
            let separator = try peek()
            position += 1
            if separator == UInt8(ascii: "}") { return .object(members) }
            guard separator == UInt8(ascii: ",") else {
                position -= 1
                throw unexpected()
            }
        }
    }

    mutating func readArray(depth: Int) throws(PayloadError) -> JSONValue {
        guard depth <= maximumDepth else { throw .tooDeep(limit: maximumDepth) }
        position += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            let separator = try peek()
            position += 1
            if separator == UInt8(ascii: "]") { return .array(elements) }
            guard separator == UInt8(ascii: ",") else {
                position -= 1
                throw unexpected()
            }
        }
    }

    /// The error for the byte at the current position: a control character has its own case.
    func unexpected() -> PayloadError {
        guard position < bytes.count else { return .unexpectedEnd }
        let byte = bytes[position]
        if byte < 0x20 || byte == 0x7F { return .controlCharacter(offset: position) }
        return .unexpectedCharacter(offset: position)
    }

    mutating func readInteger() throws(PayloadError) -> Int64 {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let digitsStart = position
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            position += 1
        }
        let digitCount = position - digitsStart
        guard digitCount > 0 else {
            if position >= bytes.count { throw .unexpectedEnd }
            throw .unexpectedCharacter(offset: position)
        }
        if position < bytes.count {
            let next = bytes[position]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                throw .nonIntegerNumber(offset: start)
            }
        }
        if bytes[digitsStart] == UInt8(ascii: "0") {
            if digitCount > 1 { throw .leadingZero(offset: start) }
            if negative { throw .negativeZero(offset: start) }
        }
        // Accumulate negatively so that Int64.min is reachable.
        var value: Int64 = 0
        for index in digitsStart..<position {
            let digit = Int64(bytes[index] - 0x30)
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times.subtractingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw .integerOutOfRange(offset: start) }
            value = next
        }
        if negative { return value }
        guard value != Int64.min else { throw .integerOutOfRange(offset: start) }
        return -value
    }

    mutating func readString() throws(PayloadError) -> String {
        position += 1  // opening quote
        // Most strings have no escape: find the closing quote and make the string in one go.
        var end = position
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
                position = end + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F { break }
            end += 1
        }
        var runStart = position
        var result = ""
        func flushRun(_ end: Int) {
            if end > runStart {
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
            }
        }
        while true {
            guard position < bytes.count else { throw .unexpectedEnd }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flushRun(position)
                position += 1
                return result
            }
            if byte < 0x20 || byte == 0x7F { throw .controlCharacter(offset: position) }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            // An escape: flush the raw run before it, decode, and start a new run after it.
            flushRun(position)
            let escapeOffset = position
            position += 1
            guard position < bytes.count else { throw .unexpectedEnd }
            let code = bytes[position]
            position += 1
            switch code {
            case UInt8(ascii: "\""): result += "\""
            case UInt8(ascii: "\\"): result += "\\"
            case UInt8(ascii: "/"): result += "/"
            case UInt8(ascii: "n"): result += "\n"
            case UInt8(ascii: "r"): result += "\r"
            case UInt8(ascii: "t"): result += "\t"
            case UInt8(ascii: "b"), UInt8(ascii: "f"): throw .controlCharacter(offset: escapeOffset)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(escapeOffset: escapeOffset)
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    if scalar != "\n" && scalar != "\r" && scalar != "\t" {
                        throw .controlCharacter(offset: escapeOffset)
                    }
                }
                result.unicodeScalars.append(scalar)
            default: throw .invalidEscape(offset: escapeOffset)
            }
            runStart = position
        }
    }

    /// Reads the four hex digits after `\u` (and a second escape for a surrogate pair).
    mutating func readUnicodeEscape(escapeOffset: Int) throws(PayloadError) -> Unicode.Scalar {
        let first = try readHex4(escapeOffset: escapeOffset)
        if (0xDC00...0xDFFF).contains(first) { throw .invalidEscape(offset: escapeOffset) }
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw .invalidEscape(offset: escapeOffset) }
            position += 2
            let second = try readHex4(escapeOffset: escapeOffset)
            guard (0xDC00...0xDFFF).contains(second) else { throw .invalidEscape(offset: escapeOffset) }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value)!
        }
        return Unicode.Scalar(first)!
    }

    mutating func readHex4(escapeOffset: Int) throws(PayloadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            // Only running out of bytes is an unexpected end; a short escape (`"\u1"`) is invalid.
            guard position < bytes.count else { throw .unexpectedEnd }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw .invalidEscape(offset: escapeOffset)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
