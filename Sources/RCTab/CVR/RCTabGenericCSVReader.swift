/// Reads cast-vote records in RCTab's generic CSV layout (`genericCsv` provider), as RCTab does.
///
/// Empty lines are skipped. The first line is the header: from `firstVoteColumnIndex` on, each
/// column is a candidate, named by its header (the column headed with the
/// `undeclaredWriteInLabel` holds undeclared write-ins). Every later line is one record: a
/// non-blank cell in a candidate's column is the rank the voter gave that candidate (a whole
/// number from 1), so two candidates with the same rank are an overvote. The header row is the
/// only row RCTab's generic reader skips, whatever `firstVoteRowIndex` says.
///
/// Rank cells are read from their bytes; a cell holding non-ASCII bytes is read as a `String`,
/// with the same result.
struct RCTabGenericCSVReader {
    private let source: RCTabCVRSource
    private let candidates: RCTabCandidateCodes
    private let firstColumn: Int
    /// The header's cells, once read.
    private var header: [String]?
    /// The code of each header column's candidate (`nil` for a name no candidate has).
    private var headerCodes: [Int32?] = []

    init(source: RCTabCVRSource, candidates: RCTabCandidateCodes) {
        self.source = source
        self.candidates = candidates
        firstColumn = source.firstVoteColumnIndex - 1
    }

    /// Reads `row` into `record`; `false` when the row is no record (the header, or an empty
    /// line).
    mutating func read(
        _ row: RCTabCSVRecords.Record, into record: inout RCTabRawRecord, file: String
    ) throws(RCTabError) -> Bool {
        guard !row.isEmpty else { return false }
        guard let header else {
            readHeader(row)
            return false
        }
        record.reset(line: row.line)
        if let column = source.idColumnIndex, column <= row.count { record.id = row[column - 1] }
        if let column = source.precinctColumnIndex, column <= row.count { record.precinct = row[column - 1] }
        if let column = source.batchColumnIndex, column <= row.count { record.batch = row[column - 1] }
        for column in max(firstColumn, 0)..<max(row.count, firstColumn) {
            let cell = row[column]
            let rank: Int32
            if cell.contains(where: { $0 >= 0x80 }) {
                let text = String(decoding: cell, as: UTF8.self)
                if text.allSatisfy(\.isWhitespace) { continue }
                guard let value = Int32(javaInteger: text) else {
                    throw notARank(text, column: column, file: file, line: row.line)
                }
                rank = value
            } else {
                if cell.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { continue }
                guard let value = Int32(javaInteger: cell) else {
                    throw notARank(String(decoding: cell, as: UTF8.self), column: column, file: file, line: row.line)
                }
                rank = value
            }
            guard rank >= 1 else {
                throw RCTabError(
                    "cvr_value", at: "\(file):\(row.line)", "rank \(rank) in column \(column + 1): ranks start at 1")
            }
            guard column < header.count else {
                throw RCTabError(
                    "cvr_value", at: "\(file):\(row.line)", "column \(column + 1) has no header naming a candidate")
            }
            if let code = headerCodes[column] {
                record.append(rank: Int(rank), code: code)
            } else {
                record.append(rank: Int(rank), unknown: header[column])
            }
        }
        return true
    }

    /// Takes the first line that is not empty as the header.
    private mutating func readHeader(_ row: RCTabCSVRecords.Record) {
        let cells = (0..<row.count).map { row.string($0) }
        let writeInColumn = source.undeclaredWriteInLabel.flatMap { cells.firstIndex(of: $0) }
        headerCodes = cells.indices.map {
            $0 == writeInColumn ? RCTabCandidateCodes.writeIn : candidates.code(for: cells[$0])
        }
        header = cells
    }

    private func notARank(_ cell: String, column: Int, file: String, line: Int) -> RCTabError {
        RCTabError(
            "cvr_value", at: "\(file):\(line)", "expected a rank number in column \(column + 1), got \"\(cell)\"")
    }
}

extension Int32 {
    /// Java's `Integer.parseInt`: an optional `+` or `-`, then ASCII digits, in range; no spaces.
    init?(javaInteger text: String) {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value: Int64 = 0
        for digit in digits.utf8 {
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
            if value > Int64(Int32.max) + 1 { return nil }
        }
        if negative { value = -value }
        guard let exact = Int32(exactly: value) else { return nil }
        self = exact
    }

    /// ``init(javaInteger:)`` on ASCII bytes.
    init?(javaInteger bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            if value > Int64(Int32.max) + 1 { return nil }
            index += 1
        }
        if negative { value = -value }
        guard let exact = Int32(exactly: value) else { return nil }
        self = exact
    }
}
