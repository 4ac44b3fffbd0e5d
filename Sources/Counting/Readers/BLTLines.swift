/// A token of a BLT line: a bare word (a number, `2=3`, `(id)`, a word of an unquoted title) or
/// the content of a quoted string with its doubled quotes undone.
enum BLTToken {
    case word(ArraySlice<UInt8>)
    case quoted([UInt8])
}

/// One line of a BLT file, cut into tokens, comments removed.
struct BLTLine {
    /// 1-based.
    let number: Int
    let tokens: [BLTToken]
    /// The line's text before any comment, without surrounding blanks (for an unquoted title).
    let bare: ArraySlice<UInt8>
}

/// The lines of a BLT file, one at a time.
struct BLTLines {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    /// The number of the last line read (0 before the first).
    private(set) var lineNumber = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        end = bytes.firstIndex(of: 0x1A) ?? bytes.count
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")
    private static let hash = UInt8(ascii: "#")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C
    }

    private func isLineEnd(_ index: Int) -> Bool {
        index >= end || bytes[index] == Self.newline || bytes[index] == Self.carriageReturn
    }

    /// The next line, or nil at the end of the file.
    mutating func next() throws(ReaderError) -> BLTLine? {
        guard position < end else { return nil }
        lineNumber += 1
        let start = position
        var index = position
        var contentEnd: Int? = nil
        var tokens: [BLTToken] = []
        while !isLineEnd(index) {
            let byte = bytes[index]
            if byte == 0 {
                throw ReaderError(.encoding, line: lineNumber, "the file holds a NUL byte: it is not a text file")
            } else if Self.isBlank(byte) {
                index += 1
            } else if byte == Self.hash {
                contentEnd = contentEnd ?? index
                while !isLineEnd(index) { index += 1 }
            } else if byte == Self.quote {
                var content: [UInt8] = []
                index += 1
                while true {
                    guard !isLineEnd(index) else {
                        throw ReaderError(.syntax, line: lineNumber, "a quoted string is not closed on its line")
                    }
                    if bytes[index] == Self.quote {
                        if index + 1 < end && bytes[index + 1] == Self.quote {
                            content.append(Self.quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if bytes[index] == 0 {
                        throw ReaderError(
                            .encoding, line: lineNumber, "the file holds a NUL byte: it is not a text file")
                    }
                    content.append(bytes[index])
                    index += 1
                }
                guard isLineEnd(index) || Self.isBlank(bytes[index]) || bytes[index] == Self.hash else {
                    throw ReaderError(.syntax, line: lineNumber, "a closing quote must be followed by a space")
                }
                tokens.append(.quoted(content))
            } else {
                let wordStart = index
                while !isLineEnd(index) && !Self.isBlank(bytes[index]) && bytes[index] != Self.hash
                    && bytes[index] != Self.quote && bytes[index] != 0
                {
                    index += 1
                }
                tokens.append(.word(bytes[wordStart..<index]))
            }
        }
        var bareEnd = contentEnd ?? index
        var bareStart = start
        while bareStart < bareEnd && Self.isBlank(bytes[bareStart]) { bareStart += 1 }
        while bareEnd > bareStart && Self.isBlank(bytes[bareEnd - 1]) { bareEnd -= 1 }
        if index < end && bytes[index] == Self.carriageReturn { index += 1 }
        if index < end && bytes[index] == Self.newline { index += 1 }
        position = index
        return BLTLine(number: lineNumber, tokens: tokens, bare: bytes[bareStart..<bareEnd])
    }
}
