/// The records of a cast-vote-record CSV file, read as the spreadsheet rows they were exported
/// from.
///
/// Cells are separated by commas and records end at `\n`, `\r\n` or `\r`. A cell that starts
/// with `"` is quoted: it runs to the matching `"`, holds commas and line breaks, and `""` in it
/// stands for one `"`. Cells are not trimmed (RCTab's readers decide what spaces mean). A line
/// with nothing on it is a record with no cells (an absent spreadsheet row); a final line break
/// does not start another record. A UTF-8 byte order mark at the start is skipped.
struct RCTabCSVRecords {
    /// One record: the 1-based line it starts on and its cells.
    struct Record {
        var line: Int
        var cells: [String]
    }

    /// Every record of `bytes`, in order.
    static func parse(_ bytes: [UInt8], file: String) throws(RCTabError) -> [Record] {
        var records: [Record] = []
        var position = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var line = 1
        let count = bytes.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var cells: [String] = []
        while position < count {
            let startLine = line
            cells.removeAll(keepingCapacity: true)
            if bytes[position] == newline || bytes[position] == carriageReturn {
                position +=
                    bytes[position] == carriageReturn && position + 1 < count
                        && bytes[position + 1] == newline ? 2 : 1
                line += 1
                records.append(Record(line: startLine, cells: []))
                continue
            }
            var endOfRecord = false
            while !endOfRecord {
                if position < count && bytes[position] == quote {
                    var content: [UInt8] = []
                    position += 1
                    var closed = false
                    while position < count {
                        let byte = bytes[position]
                        if byte == quote {
                            if position + 1 < count && bytes[position + 1] == quote {
                                content.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == newline { line += 1 }
                        content.append(byte)
                        position += 1
                    }
                    guard closed else {
                        throw RCTabError("cvr_syntax", at: "\(file):\(startLine)", "a quoted cell is never closed")
                    }
                    guard
                        position >= count || bytes[position] == comma || bytes[position] == newline
                            || bytes[position] == carriageReturn
                    else {
                        throw RCTabError(
                            "cvr_syntax", at: "\(file):\(line)", "text after the closing quote of a quoted cell")
                    }
                    cells.append(String(decoding: content, as: UTF8.self))
                } else {
                    let start = position
                    while position < count && bytes[position] != comma && bytes[position] != newline
                        && bytes[position] != carriageReturn
                    {
                        position += 1
                    }
                    cells.append(String(decoding: bytes[start..<position], as: UTF8.self))
                }
                if position >= count {
                    endOfRecord = true
                } else if bytes[position] == comma {
                    position += 1
                } else {
                    position +=
                        bytes[position] == carriageReturn && position + 1 < count
                            && bytes[position + 1] == newline ? 2 : 1
                    line += 1
                    endOfRecord = true
                }
            }
            records.append(Record(line: startLine, cells: cells))
        }
        return records
    }
}
