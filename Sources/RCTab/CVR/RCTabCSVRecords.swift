/// The records of a cast-vote-record CSV file, read as the spreadsheet rows they were exported
/// from, one at a time and in place.
///
/// Cells are separated by commas and records end at `\n`, `\r\n` or `\r`. A cell that starts
/// with `"` is quoted: it runs to the matching `"`, holds commas and line breaks, and `""` in it
/// stands for one `"`. Cells are not trimmed (RCTab's readers decide what spaces mean). A line
/// with nothing on it is a record with no cells (an absent spreadsheet row); a final line break
/// does not start another record. A UTF-8 byte order mark at the start is skipped.
///
/// A record's cells are handed over as byte ranges of the file itself (only a quoted cell holding
/// `""` is copied, unescaped, into a scratch buffer), and nothing of a record is kept once the
/// next one is read, so reading a file of a million records needs no more memory than one record.
enum RCTabCSVRecords {
    /// One record, valid only during the call it is passed to: where it is, and its cells as the
    /// UTF-8 bytes the file holds.
    struct Record {
        /// The 1-based line the record starts on.
        let line: Int
        /// The record's 0-based index among the file's records (empty lines count).
        let index: Int
        fileprivate let source: UnsafeBufferPointer<UInt8>
        fileprivate let scratch: UnsafeBufferPointer<UInt8>
        /// Each cell's start and end offsets: in `source`, or, as `-1 - offset`, in `scratch`.
        fileprivate let bounds: UnsafeBufferPointer<Int>

        /// The number of cells.
        var count: Int { bounds.count / 2 }

        /// Whether the record has no cell (an empty line).
        var isEmpty: Bool { bounds.isEmpty }

        /// The bytes of cell `cell`, valid only during the call the record is passed to.
        subscript(cell: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(cell >= 0 && cell < count, "no such cell")
            let start = bounds[2 * cell]
            let end = bounds[2 * cell + 1]
            guard start < 0 else { return UnsafeBufferPointer(rebasing: source[start..<end]) }
            return UnsafeBufferPointer(rebasing: scratch[(-1 - start)..<(-1 - end)])
        }

        /// The text of cell `cell`.
        func string(_ cell: Int) -> String { String(decoding: self[cell], as: UTF8.self) }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Calls `body` with every record of `bytes`, in order. A syntax error anywhere in the file is
    /// thrown when the scan reaches it, after `body` has seen the records before it.
    static func forEach(
        in bytes: [UInt8], file: String, _ body: (Record) throws(RCTabError) -> Void
    ) throws(RCTabError) {
        var bounds: [Int] = []
        var scratch: [UInt8] = []
        try bytes.withUnsafeBufferPointer { (source) throws(RCTabError) in
            let count = source.count
            var position = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var line = 1
            var index = 0
            while position < count {
                let startLine = line
                bounds.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                if source[position] == newline || source[position] == carriageReturn {
                    position += lineBreakLength(source, at: position)
                    line += 1
                } else {
                    var endOfRecord = false
                    while !endOfRecord {
                        if position < count && source[position] == quote {
                            try quotedCell(
                                source, at: &position, line: &line, startLine: startLine, file: file,
                                bounds: &bounds, scratch: &scratch)
                        } else {
                            let start = position
                            while position < count {
                                let byte = source[position]
                                if byte <= comma && (byte == comma || byte == newline || byte == carriageReturn) {
                                    break
                                }
                                position += 1
                            }
                            bounds.append(start)
                            bounds.append(position)
                        }
                        if position >= count {
                            endOfRecord = true
                        } else if source[position] == comma {
                            position += 1
                        } else {
                            position += lineBreakLength(source, at: position)
                            line += 1
                            endOfRecord = true
                        }
                    }
                }
                try scratch.withUnsafeBufferPointer { (scratch) throws(RCTabError) in
                    try bounds.withUnsafeBufferPointer { (bounds) throws(RCTabError) in
                        try body(
                            Record(line: startLine, index: index, source: source, scratch: scratch, bounds: bounds))
                    }
                }
                index += 1
            }
        }
    }

    /// The length of the line break at `position` (`\r\n` is one break).
    private static func lineBreakLength(_ source: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        source[position] == carriageReturn && position + 1 < source.count && source[position + 1] == newline ? 2 : 1
    }

    /// Reads the quoted cell whose opening quote is at `position`, leaving `position` after its
    /// closing quote; a cell holding `""` is unescaped into `scratch`.
    private static func quotedCell(
        _ source: UnsafeBufferPointer<UInt8>, at position: inout Int, line: inout Int, startLine: Int,
        file: String, bounds: inout [Int], scratch: inout [UInt8]
    ) throws(RCTabError) {
        let count = source.count
        position += 1
        let start = position
        var escaped = false
        var closed = false
        while position < count {
            let byte = source[position]
            if byte == quote {
                if position + 1 < count && source[position + 1] == quote {
                    escaped = true
                    position += 2
                    continue
                }
                closed = true
                break
            }
            if byte == newline { line += 1 }
            position += 1
        }
        guard closed else {
            throw RCTabError("cvr_syntax", at: "\(file):\(startLine)", "a quoted cell is never closed")
        }
        let end = position
        position += 1
        guard
            position >= count || source[position] == comma || source[position] == newline
                || source[position] == carriageReturn
        else {
            throw RCTabError("cvr_syntax", at: "\(file):\(line)", "text after the closing quote of a quoted cell")
        }
        guard escaped else {
            bounds.append(start)
            bounds.append(end)
            return
        }
        // Inside the quotes every `"` is the first of a `""` pair.
        bounds.append(-1 - scratch.count)
        var offset = start
        while offset < end {
            scratch.append(source[offset])
            offset += source[offset] == quote ? 2 : 1
        }
        bounds.append(-1 - scratch.count)
    }
}
