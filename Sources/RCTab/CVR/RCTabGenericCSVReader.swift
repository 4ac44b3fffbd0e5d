/// Reads cast-vote records in RCTab's generic CSV layout (`genericCsv` provider), as RCTab does.
///
/// Empty lines are skipped. The first line is the header: from `firstVoteColumnIndex` on, each
/// column is a candidate, named by its header (the column headed with the
/// `undeclaredWriteInLabel` holds undeclared write-ins). Every later line is one record: a
/// non-blank cell in a candidate's column is the rank the voter gave that candidate (a whole
/// number from 1), so two candidates with the same rank are an overvote. The header row is the
/// only row RCTab's generic reader skips, whatever `firstVoteRowIndex` says.
enum RCTabGenericCSVReader {
    static func records(
        _ rows: [RCTabCSVRecords.Record], source: RCTabCVRSource, file: String
    ) throws(RCTabError) -> [RCTabRawRecord] {
        let lines = rows.filter { !$0.cells.isEmpty }
        guard let header = lines.first else { return [] }
        let writeInColumn = source.undeclaredWriteInLabel.flatMap { header.cells.firstIndex(of: $0) }
        let firstColumn = source.firstVoteColumnIndex - 1
        var records: [RCTabRawRecord] = []
        for row in lines.dropFirst() {
            var record = RCTabRawRecord(location: "\(file):\(row.line)")
            if let column = source.idColumnIndex, column <= row.cells.count { record.id = row.cells[column - 1] }
            if let column = source.precinctColumnIndex, column <= row.cells.count {
                record.precinct = row.cells[column - 1]
            }
            if let column = source.batchColumnIndex, column <= row.cells.count { record.batch = row.cells[column - 1] }
            for column in max(firstColumn, 0)..<max(row.cells.count, firstColumn) {
                let cell = row.cells[column]
                if cell.allSatisfy(\.isWhitespace) { continue }
                guard let rank = Int32(javaInteger: cell) else {
                    throw RCTabError(
                        "cvr_value", at: record.location,
                        "expected a rank number in column \(column + 1), got \"\(cell)\"")
                }
                guard rank >= 1 else {
                    throw RCTabError(
                        "cvr_value", at: record.location, "rank \(rank) in column \(column + 1): ranks start at 1")
                }
                guard column < header.cells.count else {
                    throw RCTabError(
                        "cvr_value", at: record.location, "column \(column + 1) has no header naming a candidate")
                }
                let mark: RCTabRawRecord.Mark =
                    column == writeInColumn ? .undeclaredWriteIn : .name(header.cells[column])
                record.marks.append((Int(rank), mark))
            }
            records.append(record)
        }
        return records
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
}
