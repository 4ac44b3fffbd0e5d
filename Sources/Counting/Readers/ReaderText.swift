/// Turning a ballot file's bytes into text, and text into numbered lines: the first steps every
/// reader shares.
public enum ReaderText {
    /// The bytes as UTF-8 text. A leading byte order mark is dropped; malformed UTF-8 (RFC 3629:
    /// overlong forms, surrogates, code points above U+10FFFF, truncated sequences) and NUL bytes
    /// are refused, naming the line of the first bad byte.
    public static func utf8(_ bytes: [UInt8]) throws(ReaderError) -> String {
        let start = try textStart(ofUTF8: bytes)
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// Checks `bytes` as ``utf8(_:)`` does, then calls `body` with the text's bytes in place (after
    /// a byte order mark): the readers that scan bytes start here, with no `String` made.
    static func withCheckedUTF8<Result>(
        _ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws(ReaderError) -> Result
    ) throws(ReaderError) -> Result {
        let start = try textStart(ofUTF8: bytes)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(ReaderError) in
            try body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place when its storage is contiguous.
    static func withUTF8<Result>(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ReaderError) -> Result
    ) throws(ReaderError) -> Result {
        var text = text
        var outcome: Swift.Result<Result, ReaderError>?
        text.withUTF8 { buffer in outcome = Swift.Result { () throws(ReaderError) in try body(buffer) } }
        return try outcome!.get()
    }

    /// Where the text of `bytes` starts (3 after a byte order mark, else 0), once they are checked
    /// as ``utf8(_:)`` checks them.
    static func textStart(ofUTF8 bytes: [UInt8]) throws(ReaderError) -> Int {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if let offset = firstInvalidUTF8(bytes, from: start) {
            throw ReaderError(
                .encoding, line: line(ofOffset: offset, in: bytes),
                "the file is not valid UTF-8 (byte \(offset) is 0x\(String(bytes[offset], radix: 16)))")
        }
        if let nul = firstNUL(bytes, from: start) {
            throw ReaderError(.encoding, line: line(ofOffset: nul, in: bytes), "the file contains a NUL byte")
        }
        return start
    }

    /// The bytes as UTF-8 text when they are valid UTF-8, else as ISO-8859-1 (each byte is the
    /// code point of the same value), for formats whose files predate UTF-8 (BLT, Debian tally
    /// sheets). NUL bytes are refused.
    public static func utf8OrLatin1(_ bytes: [UInt8]) throws(ReaderError) -> String {
        if let nul = firstNUL(bytes, from: 0) {
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
        UTF8Validation.firstInvalidOffset(in: bytes, from: start)
    }

    /// The offset of the first NUL byte from `start`, eight bytes at a time.
    static func firstNUL(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            let words = UnsafeRawBufferPointer(bytes)
            var index = start
            let count = bytes.count
            while index + 8 <= count {
                let word = words.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < count {
                if bytes[index] == 0 { return index }
                index += 1
            }
            return nil
        }
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

/// One line of a text: its 1-based number and the range of its bytes, without the terminator.
struct TextLine {
    let number: Int
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
}

/// The lines of a text's UTF-8 bytes one at a time, split and numbered as ``ReaderText/lines(_:)``
/// splits them (at `\n`, a `\r` before it dropped), with no array of all lines.
struct TextLines {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    private(set) var number: Int

    /// The lines from byte `position`, the first numbered `number + 1`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0, number: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.number = number
    }

    mutating func next() -> TextLine? {
        let count = bytes.count
        guard position < count else { return nil }
        let start = position
        var end = start
        while end < count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        position = end < count ? end + 1 : end
        number += 1
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return TextLine(number: number, start: start, end: end)
    }

    /// The line without leading and trailing spaces and tabs, exactly as `Substring.trimmingBlanks`
    /// trims its text (which drops whole characters: a blank joined to a non-ASCII neighbour, such
    /// as a space and a combining accent, goes the slow way through that property).
    func trimmed(_ line: TextLine) -> TextLine {
        var start = line.start
        var end = line.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) {
            if start + 1 < end && bytes[start + 1] >= 0x80 { return trimmedAsText(line) }
            start += 1
        }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) {
            if end - 2 >= start && bytes[end - 2] >= 0x80 { return trimmedAsText(line) }
            end -= 1
        }
        return TextLine(number: line.number, start: start, end: end)
    }

    private func trimmedAsText(_ line: TextLine) -> TextLine {
        let text = self.text(line)
        let trimmed = text.trimmingBlanks
        let start = line.start + text.utf8.distance(from: text.startIndex, to: trimmed.startIndex)
        let end = line.start + text.utf8.distance(from: text.startIndex, to: trimmed.endIndex)
        return TextLine(number: line.number, start: start, end: end)
    }

    /// The line's text.
    func text(_ line: TextLine) -> Substring {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)[...]
    }
}

extension TextLines {
    /// The next line that is not blank, trimmed of its leading and trailing blanks.
    mutating func nextNonBlank() -> TextLine? {
        while let line = next() {
            let trimmed = trimmed(line)
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }
}

/// Reads one line's bytes left to right: the small tokenizer the line-based readers share.
struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let line: Int
    var position: Int

    /// A scanner over `line` of `lines`.
    init(_ line: TextLine, of lines: TextLines) {
        self.bytes = lines.bytes
        self.end = line.end
        self.line = line.number
        self.position = line.start
    }

    var atEnd: Bool { position >= end }

    func peek() -> UInt8? { position < end ? bytes[position] : nil }

    mutating func skipBlanks() {
        while position < end && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
    }

    /// Consumes `byte` (after blanks) if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipBlanks()
        guard position < end && bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads an unsigned decimal integer (after blanks); nil when no digit is next. `what` names
    /// the number in the error for one beyond 64 bits.
    mutating func unsigned(_ what: @autoclosure () -> String) throws(ReaderError) -> Int64? {
        skipBlanks()
        var value: Int64 = 0
        let first = position
        while position < end {
            let digit = bytes[position] &- 0x30
            guard digit <= 9 else { break }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int64(digit))
            guard !overflowTimes && !overflowSum else {
                throw ReaderError(.invalidValue, line: line, "\(what()) is too large")
            }
            value = sum
            position += 1
        }
        return position == first ? nil : value
    }

    /// What is next, quoted for an error message.
    var nextForMessage: String {
        guard position < end else { return "the end of the line" }
        let rest = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[position..<min(end, position + 12)]), as: UTF8.self)
        return "\"\(rest)\""
    }
}
