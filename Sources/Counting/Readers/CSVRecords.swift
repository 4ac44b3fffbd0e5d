/// The records of a comma-separated file (RFC 4180), one at a time: cells are separated by
/// commas, records end at a line break (`\n` or `\r\n`); a cell may be quoted with `"`, and
/// then holds commas, line breaks and doubled quotes (`""` for one `"`). Unquoted cells are
/// trimmed of spaces and tabs; a quote inside an unquoted cell, text after a closing quote and a
/// quote left open are refused. Entirely empty lines are skipped.
///
/// The cells of the record read last are kept in one reused buffer (their bytes one after the
/// other), so reading a record allocates nothing once the buffer is large enough.
struct CSVRecords {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1
    /// The contents of the last record's cells (quotes undone), one after the other.
    private var contents: [UInt8] = []
    /// Where each cell of the last record ends in ``contents``.
    private var ends: [Int] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The number of cells of the last record.
    var cellCount: Int { ends.count }

    /// The bytes of cell `index` of the last record.
    func cell(_ index: Int) -> ArraySlice<UInt8> { contents[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }

    /// The text of cell `index` of the last record.
    func text(_ index: Int) -> String { String(decoding: cell(index), as: UTF8.self) }

    /// Reads the next record, whose cells are then ``cell(_:)``; returns the line it starts on, nil
    /// at the end of the file.
    mutating func next() throws(ReaderError) -> Int? {
        while position < bytes.count && isLineBreak(at: position) { skipLineBreak() }
        guard position < bytes.count else { return nil }
        let start = line
        contents.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        while true {
            try cell()
            ends.append(contents.count)
            if position >= bytes.count { break }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            skipLineBreak()
            break
        }
        return start
    }

    private func isLineBreak(at index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "\n")
            || (bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
    }

    private mutating func skipLineBreak() {
        if bytes[position] == UInt8(ascii: "\r") { position += 1 }
        position += 1
        line += 1
    }

    /// Reads one cell into ``contents`` and stops before the comma or line break that ends it.
    private mutating func cell() throws(ReaderError) {
        var start = position
        while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        if start < bytes.count && bytes[start] == UInt8(ascii: "\"") {
            return try quotedCell(from: start + 1)
        }
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: ",") && !isLineBreak(at: end) {
            if bytes[end] == UInt8(ascii: "\"") {
                throw ReaderError(.syntax, line: line, "a quote inside an unquoted cell; quote the whole cell")
            }
            if bytes[end] == UInt8(ascii: "\r") {
                throw ReaderError(.syntax, line: line, "a carriage return not followed by a line feed")
            }
            end += 1
        }
        position = end
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        contents.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private mutating func quotedCell(from start: Int) throws(ReaderError) {
        let openedOn = line
        var index = start
        while true {
            guard index < bytes.count else {
                throw ReaderError(.syntax, line: openedOn, "a quoted cell is never closed")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                    contents.append(byte)
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            contents.append(byte)
            index += 1
        }
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        guard index >= bytes.count || bytes[index] == UInt8(ascii: ",") || isLineBreak(at: index) else {
            throw ReaderError(.syntax, line: line, "text after the closing quote of a cell")
        }
        position = index
    }
}
