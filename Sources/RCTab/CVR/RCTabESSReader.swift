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
///
/// Cells are read as the file's bytes: a cell whose bytes are exactly a label's, name's or alias's
/// is coded without making a `String` of it; any other cell (one with non-ASCII text, or a name no
/// candidate has) is compared as a `String`, with the same result.
struct RCTabESSReader {
    private let source: RCTabCVRSource
    private let maxRankings: Int
    private let firstColumn: Int
    private let rankColumns: Range<Int>
    private let idColumn: Int?
    private let precinctColumn: Int?
    private let batchColumn: Int?
    private let delimiter: String?
    private let delimiterBytes: [UInt8]
    private let candidates: RCTabCandidateCodes
    private let table: RCTabByteTable
    /// The start and end of each piece of the cell being split, reused from cell to cell.
    private var pieces: [Int] = []
    /// The code of the skipped-rank label, which marks nothing.
    private static let skip: Int32 = -4
    private static let missingPrecinct: StaticString = "missing_precinct_id"

    init(source: RCTabCVRSource, maxRankings: Int, candidates: RCTabCandidateCodes) {
        self.source = source
        self.maxRankings = maxRankings
        firstColumn = source.firstVoteColumnIndex - 1
        rankColumns = firstColumn..<(firstColumn + maxRankings)
        idColumn = source.idColumnIndex.map { $0 - 1 }
        precinctColumn = source.precinctColumnIndex.map { $0 - 1 }
        batchColumn = source.batchColumnIndex.map { $0 - 1 }
        delimiter = source.overvoteDelimiter.flatMap { $0.trimmingJavaWhitespace().isEmpty ? nil : $0 }
        delimiterBytes = delimiter.map { Array($0.utf8) } ?? []
        self.candidates = candidates
        let labels = [source.skippedRankLabel, source.overvoteLabel, source.undeclaredWriteInLabel].compactMap { $0 }
        let texts = labels + candidates.texts
        table = RCTabByteTable(texts.map { ($0, Self.code(for: $0, source: source, candidates: candidates)!) })
    }

    /// Reads `row` into `record`; `false` when the row is no record (a row before
    /// `firstVoteRowIndex`, or an empty line).
    mutating func read(
        _ row: RCTabCSVRecords.Record, into record: inout RCTabRawRecord, file: String
    ) throws(RCTabError) -> Bool {
        guard row.index >= source.firstVoteRowIndex - 1 && !row.isEmpty else { return false }
        record.reset(line: row.line)
        var lastRank = 0
        for column in 0..<row.count {
            let cell = row[column]
            if cell.isEmpty { continue }
            if column == precinctColumn {
                record.precinct = cell
            } else if column == idColumn {
                record.id = cell
            }
            if column == batchColumn { record.batch = cell }
            guard rankColumns.contains(column) else { continue }
            let rank = column - firstColumn + 1
            fillBlanks(&record, after: lastRank, upTo: rank)
            if cell.contains(where: { $0 >= 0x80 }) {
                try readText(String(decoding: cell, as: UTF8.self), rank: rank, into: &record, file: file)
            } else {
                try readBytes(cell, rank: rank, into: &record, file: file)
            }
            lastRank = rank
        }
        fillBlanks(&record, after: lastRank, upTo: maxRankings + 1)
        if precinctColumn != nil && record.precinct == nil {
            record.precinct = UnsafeBufferPointer(
                start: Self.missingPrecinct.utf8Start, count: Self.missingPrecinct.utf8CodeUnitCount)
        }
        if idColumn != nil && record.id == nil {
            throw RCTabError("cvr_value", at: "\(file):\(row.line)", "the record has no id in column \(idColumn! + 1)")
        }
        return true
    }

    /// With `treatBlankAsUndeclaredWriteIn`, the ranks between two read cells are write-ins.
    private func fillBlanks(_ record: inout RCTabRawRecord, after lastRank: Int, upTo rank: Int) {
        guard source.treatBlankAsUndeclaredWriteIn, lastRank + 1 < rank else { return }
        for blank in (lastRank + 1)..<rank { record.append(rank: blank, code: RCTabCandidateCodes.writeIn) }
    }

    /// Reads an ASCII rank cell from its bytes.
    private mutating func readBytes(
        _ cell: UnsafeBufferPointer<UInt8>, rank: Int, into record: inout RCTabRawRecord, file: String
    ) throws(RCTabError) {
        let text = Self.trimmed(cell)
        split(text)
        let several = pieces.count > 2
        for piece in stride(from: 0, to: pieces.count, by: 2) {
            let name = Self.trimmed(UnsafeBufferPointer(rebasing: text[pieces[piece]..<pieces[piece + 1]]))
            var written: String?
            var code = table.value(for: UnsafeRawBufferPointer(name))
            if code == nil {
                written = String(decoding: name, as: UTF8.self)
                code = Self.code(for: written!, source: source, candidates: candidates)
            }
            if several && (name.isEmpty || code == Self.skip) {
                throw RCTabError(
                    "cvr_value", at: "\(file):\(record.line)",
                    "a cell split by the overvote delimiter holds a blank or the skipped-rank label")
            }
            if code == Self.skip { continue }
            if let code {
                record.append(rank: rank, code: code)
            } else {
                record.append(rank: rank, unknown: written!)
            }
        }
    }

    /// Reads a rank cell as text (the cells holding non-ASCII bytes).
    private func readText(
        _ cell: String, rank: Int, into record: inout RCTabRawRecord, file: String
    ) throws(RCTabError) {
        let text = cell.trimmingJavaWhitespace()
        let names = delimiter.map { text.javaSplit(literal: $0) } ?? [text]
        for name in names.map({ $0.trimmingJavaWhitespace() }) {
            let code = Self.code(for: name, source: source, candidates: candidates)
            if names.count > 1 && (name.isEmpty || code == Self.skip) {
                throw RCTabError(
                    "cvr_value", at: "\(file):\(record.line)",
                    "a cell split by the overvote delimiter holds a blank or the skipped-rank label")
            }
            if code == Self.skip { continue }
            if let code {
                record.append(rank: rank, code: code)
            } else {
                record.append(rank: rank, unknown: name)
            }
        }
    }

    /// What a trimmed name marks: the labels first, then a candidate; `nil` for an unknown name.
    private static func code(for name: String, source: RCTabCVRSource, candidates: RCTabCandidateCodes) -> Int32? {
        if name == source.skippedRankLabel { return skip }
        if name == source.overvoteLabel { return RCTabCandidateCodes.overvote }
        if name == source.undeclaredWriteInLabel { return RCTabCandidateCodes.writeIn }
        return candidates.code(for: name)
    }

    /// Splits `text` at the overvote delimiter into `pieces`, as ``Swift/String/javaSplit(literal:)``
    /// does.
    private mutating func split(_ text: UnsafeBufferPointer<UInt8>) {
        let needle = delimiterBytes
        if needle.isEmpty && pieces.count == 2 {
            // Without a delimiter the cell is one piece: only the bounds change from cell to cell.
            pieces[0] = 0
            pieces[1] = text.count
            return
        }
        pieces.removeAll(keepingCapacity: true)
        var start = 0
        if !needle.isEmpty {
            var index = 0
            while index + needle.count <= text.count {
                if UnsafeBufferPointer(rebasing: text[index..<(index + needle.count)]).elementsEqual(needle) {
                    pieces.append(start)
                    pieces.append(index)
                    index += needle.count
                    start = index
                } else {
                    index += 1
                }
            }
        }
        pieces.append(start)
        pieces.append(text.count)
        guard pieces.count > 2 else { return }
        while let last = pieces.last, pieces[pieces.count - 2] == last { pieces.removeLast(2) }
    }

    /// The bytes without leading and trailing bytes up to U+0020 (Java's `String.trim()`).
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] <= 0x20 { start += 1 }
        while end > start && bytes[end - 1] <= 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
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
