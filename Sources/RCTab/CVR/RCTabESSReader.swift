/// Reads cast-vote records in the ES&S layout (RCTab's `ess` provider) from the CSV export of the
/// ES&S spreadsheet, the way RCTab reads the spreadsheet itself.
///
/// Every row from `firstVoteRowIndex` on is one record. An empty cell is a cell the spreadsheet
/// does not have: it marks nothing (or an undeclared write-in with
/// `treatBlankAsUndeclaredWriteIn`). The `maxRankingsAllowed` columns from `firstVoteColumnIndex`
/// are the ranks; columns past them (such as a trailing `COUNT`) are not read. A rank cell is
/// trimmed and, with an `overvoteDelimiter`, split into several candidates; the
/// `skippedRankLabel` marks nothing, the `overvoteLabel` is an overvote, the
/// `undeclaredWriteInLabel` an undeclared write-in, and any other text a candidate name or alias.
/// An empty line is a row the spreadsheet does not have and is no record.
enum RCTabESSReader {
    static func records(
        _ rows: [RCTabCSVRecords.Record], source: RCTabCVRSource, maxRankings: Int, file: String
    ) throws(RCTabError) -> [RCTabRawRecord] {
        let firstColumn = source.firstVoteColumnIndex - 1
        let rankColumns = firstColumn..<(firstColumn + maxRankings)
        let idColumn = source.idColumnIndex.map { $0 - 1 }
        let precinctColumn = source.precinctColumnIndex.map { $0 - 1 }
        let batchColumn = source.batchColumnIndex.map { $0 - 1 }
        let delimiter = source.overvoteDelimiter.flatMap { $0.trimmingJavaWhitespace().isEmpty ? nil : $0 }
        var records: [RCTabRawRecord] = []
        for (rowIndex, row) in rows.enumerated() where rowIndex >= source.firstVoteRowIndex - 1 && !row.cells.isEmpty {
            var record = RCTabRawRecord(location: "\(file):\(row.line)")
            var lastRank = 0
            func fillBlanks(upTo rank: Int) {
                guard source.treatBlankAsUndeclaredWriteIn, lastRank + 1 < rank else { return }
                for blank in (lastRank + 1)..<rank { record.marks.append((blank, .undeclaredWriteIn)) }
            }
            for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
                if column == precinctColumn {
                    record.precinct = cell
                } else if column == idColumn {
                    record.id = cell
                }
                if column == batchColumn { record.batch = cell }
                guard rankColumns.contains(column) else { continue }
                let rank = column - firstColumn + 1
                fillBlanks(upTo: rank)
                let text = cell.trimmingJavaWhitespace()
                let names = delimiter.map { text.javaSplit(literal: $0) } ?? [text]
                for name in names.map({ $0.trimmingJavaWhitespace() }) {
                    if names.count > 1 && (name.isEmpty || name == source.skippedRankLabel) {
                        throw RCTabError(
                            "cvr_value", at: record.location,
                            "a cell split by the overvote delimiter holds a blank or the skipped-rank label")
                    }
                    if name == source.skippedRankLabel { continue }
                    if name == source.overvoteLabel {
                        record.marks.append((rank, .overvote))
                    } else if name == source.undeclaredWriteInLabel {
                        record.marks.append((rank, .undeclaredWriteIn))
                    } else {
                        record.marks.append((rank, .name(name)))
                    }
                }
                lastRank = rank
            }
            fillBlanks(upTo: maxRankings + 1)
            if precinctColumn != nil && record.precinct == nil { record.precinct = "missing_precinct_id" }
            if idColumn != nil && record.id == nil {
                throw RCTabError("cvr_value", at: record.location, "the record has no id in column \(idColumn! + 1)")
            }
            records.append(record)
        }
        return records
    }
}

extension String {
    /// Java's `split(Pattern.quote(separator))`: the pieces between occurrences of `separator`,
    /// with trailing empty pieces removed (so `"A|"` gives `["A"]` and `"|"` gives `[]`).
    func javaSplit(literal separator: String) -> [String] {
        guard !separator.isEmpty else { return [self] }
        var pieces = components(separatedByLiteral: separator)
        if pieces.count == 1 { return pieces }
        while let last = pieces.last, last.isEmpty { pieces.removeLast() }
        return pieces
    }

    private func components(separatedByLiteral separator: String) -> [String] {
        let bytes = Array(utf8)
        let needle = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += needle.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }
}
