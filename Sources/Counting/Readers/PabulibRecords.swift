/// Splits a pabulib file into records of `;`-separated fields, CSV style: a field may be quoted
/// with `"` (then it may hold `;`, line breaks, and `""` for a quote); unquoted fields are
/// trimmed of surrounding spaces and tabs. Lines end in LF, CRLF or CR. Each record knows the
/// line it starts on. Works on bytes: the separators are ASCII, so UTF-8 text is never split
/// inside a character.
struct PabulibRecords {
    struct Record {
        let line: Int
        let fields: [String]
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private static let semicolon = UInt8(ascii: ";")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Consumes a line break at `index` if there is one; returns whether it did.
    private mutating func consumeLineBreak() -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == Self.carriageReturn {
            index += 1
            if index < bytes.count && bytes[index] == Self.lineFeed { index += 1 }
            line += 1
            return true
        }
        if bytes[index] == Self.lineFeed {
            index += 1
            line += 1
            return true
        }
        return false
    }

    /// The next record that is not an empty line, or nil at the end.
    mutating func next() throws(ReaderError) -> Record? {
        while index < bytes.count {
            if consumeLineBreak() { continue }
            let start = line
            var fields: [String] = []
            while true {
                fields.append(try field(recordLine: start))
                if index < bytes.count && bytes[index] == Self.semicolon {
                    index += 1
                    continue
                }
                _ = consumeLineBreak()
                break
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            return Record(line: start, fields: fields)
        }
        return nil
    }

    /// One field, leaving `index` on the `;`, the line break, or the end.
    private mutating func field(recordLine: Int) throws(ReaderError) -> String {
        while index < bytes.count && Self.isBlank(bytes[index]) { index += 1 }
        if index < bytes.count && bytes[index] == Self.quote {
            let openedOn = line
            index += 1
            var content: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw ReaderError(.syntax, line: openedOn, "a quoted field is never closed")
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count && bytes[index + 1] == Self.quote {
                        content.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                if byte == Self.carriageReturn || byte == Self.lineFeed {
                    let before = index
                    _ = consumeLineBreak()
                    content.append(contentsOf: bytes[before..<index])
                    continue
                }
                content.append(byte)
                index += 1
            }
            while index < bytes.count && Self.isBlank(bytes[index]) { index += 1 }
            guard
                index >= bytes.count || bytes[index] == Self.semicolon || bytes[index] == Self.carriageReturn
                    || bytes[index] == Self.lineFeed
            else {
                throw ReaderError(.syntax, line: line, "a quoted field is followed by text before the next \";\"")
            }
            return String(decoding: content, as: UTF8.self)
        }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.semicolon || byte == Self.carriageReturn || byte == Self.lineFeed { break }
            index += 1
        }
        var end = index
        while end > start && Self.isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
