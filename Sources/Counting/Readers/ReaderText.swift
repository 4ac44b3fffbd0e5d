/// Turning a ballot file's bytes into text, and text into numbered lines: the first steps every
/// reader shares.
public enum ReaderText {
    /// The bytes as UTF-8 text. A leading byte order mark is dropped; malformed UTF-8 (RFC 3629:
    /// overlong forms, surrogates, code points above U+10FFFF, truncated sequences) and NUL bytes
    /// are refused, naming the line of the first bad byte.
    public static func utf8(_ bytes: [UInt8]) throws(ReaderError) -> String {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if let offset = firstInvalidUTF8(bytes, from: start) {
            throw ReaderError(
                .encoding, line: line(ofOffset: offset, in: bytes),
                "the file is not valid UTF-8 (byte \(offset) is 0x\(String(bytes[offset], radix: 16)))")
        }
        if let nul = bytes[start...].firstIndex(of: 0) {
            throw ReaderError(.encoding, line: line(ofOffset: nul, in: bytes), "the file contains a NUL byte")
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The bytes as UTF-8 text when they are valid UTF-8, else as ISO-8859-1 (each byte is the
    /// code point of the same value), for formats whose files predate UTF-8 (BLT, Debian tally
    /// sheets). NUL bytes are refused.
    public static func utf8OrLatin1(_ bytes: [UInt8]) throws(ReaderError) -> String {
        if let nul = bytes.firstIndex(of: 0) {
            throw ReaderError(.encoding, line: line(ofOffset: nul, in: bytes), "the file contains a NUL byte")
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if firstInvalidUTF8(bytes, from: start) == nil { return String(decoding: bytes[start...], as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// The lines of `text` with their 1-based numbers, without their terminators (`\n`, `\r\n`).
    /// A final terminator does not start another line.
    public static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(number: Int, text: Substring)] = []
        var number = 0
        var lineStart = text.utf8.startIndex
        var index = lineStart
        let end = text.utf8.endIndex
        while index < end {
            if text.utf8[index] == UInt8(ascii: "\n") {
                number += 1
                result.append((number, stripCarriageReturn(text[lineStart..<index])))
                lineStart = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if lineStart < end {
            number += 1
            result.append((number, stripCarriageReturn(text[lineStart..<end])))
        }
        return result
    }

    /// The 1-based line holding byte `offset` of `bytes`.
    public static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    private static func stripCarriageReturn(_ line: Substring) -> Substring {
        line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }

    /// The offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            guard bytes[index + 1] >= lower && bytes[index + 1] <= upper else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: Substring {
        var result = self
        while let first = result.utf8.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.utf8.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}

/// Reads one line's bytes left to right: the small tokenizer the line-based readers share.
struct LineScanner {
    let bytes: [UInt8]
    let line: Int
    var position = 0

    init(_ text: Substring, line: Int) {
        self.bytes = Array(text.utf8)
        self.line = line
    }

    var atEnd: Bool { position >= bytes.count }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipBlanks() {
        while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
    }

    /// Consumes `byte` (after blanks) if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipBlanks()
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Reads an unsigned decimal integer (after blanks); nil when no digit is next. `what` names
    /// the number in the error for one beyond 64 bits.
    mutating func unsigned(_ what: String) throws(ReaderError) -> Int64? {
        skipBlanks()
        var value: Int64 = 0
        var digits = 0
        while let byte = peek(), byte >= 0x30 && byte <= 0x39 {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflowTimes && !overflowSum else {
                throw ReaderError(.invalidValue, line: line, "\(what) is too large")
            }
            value = sum
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }

    /// What is next, quoted for an error message.
    var nextForMessage: String {
        guard position < bytes.count else { return "the end of the line" }
        let rest = String(decoding: bytes[position..<min(bytes.count, position + 12)], as: UTF8.self)
        return "\"\(rest)\""
    }
}
