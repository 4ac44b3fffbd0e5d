/// Reads Plenum's CSV ballot format (`docs/ballot-formats.md`): a header row of candidate names,
/// then one row per ballot, in one of three shapes chosen by the caller (a CSV file does not say
/// which it holds):
/// - ranked: each cell is the candidate's rank number (1 = first); blank = unranked; equal
///   numbers = equal ranks; only the order of the numbers matters (gaps are allowed);
/// - approval: `1`, `x` or `X` = approved; `0` or blank = not approved;
/// - rating: an integer (optionally signed); blank = not rated.
/// An optional column named `weight` (any letter case) gives each row's number of voters, a
/// positive integer; without it every row is one voter. Cells are separated by commas (RFC 4180
/// quoting); every row has as many cells as the header; empty lines are skipped.
public enum CSVBallotReader {
    /// Reads `text` as ballots of `shape`. The election has one seat (give seats to the count).
    public static func read(_ text: String, shape: BallotShape) throws(ReaderError) -> Election {
        try ReaderText.withUTF8(text) { (bytes) throws(ReaderError) in try read(utf8: bytes, shape: shape) }
    }

    /// Reads the UTF-8 bytes of a CSV file (already checked to be UTF-8) as ballots of `shape`,
    /// record by record: a ranked row goes straight into the profile.
    static func read(utf8 bytes: UnsafeBufferPointer<UInt8>, shape: BallotShape) throws(ReaderError) -> Election {
        var records = CSVRecords(bytes)
        guard let headerLine = try records.next() else {
            throw ReaderError(.empty, "the file is empty; it starts with a header row of candidate names")
        }
        let headerCells = (0..<records.cellCount).map(records.text)
        let columns = try Columns(headerCells, line: headerLine)
        var rows = Rows(shape: shape, columns: columns)
        while let line = try records.next() {
            guard records.cellCount == headerCells.count else {
                throw ReaderError(
                    .syntax, line: line, "this row has \(records.cellCount) cells; the header has \(headerCells.count)")
            }
            try rows.add(records, line: line)
        }
        return Election(candidates: columns.names, seats: 1, ballots: try rows.ballots())
    }

    /// The header: which column is which candidate, and where the weight is.
    struct Columns {
        var names: [String] = []
        /// `candidateOfColumn[i]` is the candidate in column `i`, or nil for the weight column.
        var candidateOfColumn: [Int?] = []
        var weightColumn: Int?

        init(_ cells: [String], line: Int) throws(ReaderError) {
            var seen: [String: Int] = [:]
            for (column, cell) in cells.enumerated() {
                if cell.lowercased() == "weight" {
                    guard weightColumn == nil else {
                        throw ReaderError(.syntax, line: line, "the header has two weight columns")
                    }
                    weightColumn = column
                    candidateOfColumn.append(nil)
                    continue
                }
                guard !cell.isEmpty else {
                    throw ReaderError(.syntax, line: line, "column \(column + 1) of the header has no candidate name")
                }
                if let earlier = seen[cell] {
                    throw ReaderError(
                        .duplicateCandidate, line: line, "columns \(earlier + 1) and \(column + 1) are both \"\(cell)\""
                    )
                }
                seen[cell] = column
                candidateOfColumn.append(names.count)
                names.append(cell)
            }
            guard !names.isEmpty else { throw ReaderError(.syntax, line: line, "the header names no candidate") }
            if cells.count == 1, cells[0].contains(";") {
                throw ReaderError(.syntax, line: line, "cells are separated by commas, not semicolons")
            }
        }
    }

    /// The rows read so far, in the chosen shape.
    struct Rows {
        let shape: BallotShape
        let columns: Columns
        var totalWeight: Int64 = 0
        var ranked: RankedProfile.Builder
        var approvals: [(approved: Set<Int>, weight: Int64)] = []
        var ratings: [(ratings: [Int32?], weight: Int64)] = []
        /// Reused for each ranked row: (rank number, candidate).
        private var ranks: [(rank: Int64, candidate: Int)] = []

        init(shape: BallotShape, columns: Columns) {
            self.shape = shape
            self.columns = columns
            self.ranked = RankedProfile.Builder(candidateCount: columns.names.count)
        }

        mutating func add(_ row: CSVRecords, line: Int) throws(ReaderError) {
            let weight = try self.weight(row, line: line)
            switch shape {
            case .ranked:
                ranks.removeAll(keepingCapacity: true)
                for column in 0..<row.cellCount {
                    let cell = row.cell(column)
                    guard !cell.isEmpty, let candidate = columns.candidateOfColumn[column] else { continue }
                    guard let rank = Self.wholeNumber(cell), rank >= 1 else {
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the rank of \(columns.names[candidate]) is \"\(row.text(column))\"; a rank is a whole "
                                + "number from 1, or blank")
                    }
                    ranks.append((rank, candidate))
                }
                ranks.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.candidate < $1.candidate }
                // Equal rank numbers share a position; positions count up from 0.
                ranked.beginBallot()
                var position: Int32 = -1
                var lastRank: Int64 = 0
                do {
                    for entry in ranks {
                        if entry.rank != lastRank { position += 1 }
                        lastRank = entry.rank
                        try ranked.append(candidate: entry.candidate, rank: position)
                    }
                    try ranked.endBallot(weight: weight)
                } catch {
                    throw ReaderError(error, line: line)
                }
            case .approval:
                var approved = Set<Int>()
                for column in 0..<row.cellCount {
                    guard let candidate = columns.candidateOfColumn[column] else { continue }
                    let cell = row.cell(column)
                    if cell.isEmpty || (cell.count == 1 && cell.first == UInt8(ascii: "0")) { continue }
                    guard cell.count == 1, let mark = cell.first,
                        mark == UInt8(ascii: "1") || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X")
                    else {
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the cell of \(columns.names[candidate]) is \"\(row.text(column))\"; an approval cell is "
                                + "1, x, 0 or blank")
                    }
                    approved.insert(candidate)
                }
                approvals.append((approved, weight))
            case .rating:
                var ratingsOfRow = [Int32?](repeating: nil, count: columns.names.count)
                for column in 0..<row.cellCount {
                    let cell = row.cell(column)
                    guard !cell.isEmpty, let candidate = columns.candidateOfColumn[column] else { continue }
                    guard let value = Self.signedNumber(cell), value != RatingProfile.blank else {
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the rating of \(columns.names[candidate]) is \"\(row.text(column))\"; a rating is a "
                                + "whole number (32 bits) or blank")
                    }
                    ratingsOfRow[candidate] = value
                }
                ratings.append((ratingsOfRow, weight))
            }
        }

        private mutating func weight(_ row: CSVRecords, line: Int) throws(ReaderError) -> Int64 {
            var weight: Int64 = 1
            if let column = columns.weightColumn {
                guard let value = Self.wholeNumber(row.cell(column)), value >= 1 else {
                    throw ReaderError(
                        .invalidValue, line: line,
                        "the weight is \"\(row.text(column))\"; a weight is a whole number from 1")
                }
                weight = value
            }
            let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
            guard !overflow else { throw ReaderError(.invalidValue, line: line, "the weights add up beyond 2^63") }
            totalWeight = sum
            return weight
        }

        /// The value of decimal digits alone (at least one) that fit in 64 bits; nil for anything else.
        static func wholeNumber(_ cell: ArraySlice<UInt8>) -> Int64? {
            guard !cell.isEmpty else { return nil }
            var value: Int64 = 0
            for byte in cell {
                let digit = byte &- 0x30
                guard digit <= 9 else { return nil }
                let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = times.addingReportingOverflow(Int64(digit))
                guard !overflowTimes && !overflowSum else { return nil }
                value = sum
            }
            return value
        }

        /// The value of an optionally signed (`+` or `-`) decimal number that fits in 32 bits, as
        /// `Int32(String)` reads it; nil for anything else.
        static func signedNumber(_ cell: ArraySlice<UInt8>) -> Int32? {
            var digits = cell
            let negative = digits.first == UInt8(ascii: "-")
            if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            guard !digits.isEmpty else { return nil }
            var value: Int32 = 0
            for byte in digits {
                let digit = byte &- 0x30
                guard digit <= 9 else { return nil }
                let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) =
                    negative
                    ? times.subtractingReportingOverflow(Int32(digit)) : times.addingReportingOverflow(Int32(digit))
                guard !overflowTimes && !overflowSum else { return nil }
                value = sum
            }
            return value
        }

        func ballots() throws(ReaderError) -> Ballots {
            do {
                switch shape {
                case .ranked: return .ranked(ranked.build())
                case .approval:
                    return .approval(try ApprovalProfile(candidateCount: columns.names.count, ballots: approvals))
                case .rating:
                    return .ratings(
                        try RatingProfile(
                            candidateCount: columns.names.count, range: (Int32.min + 1)...Int32.max, ballots: ratings))
                }
            } catch {
                throw ReaderError(error)
            }
        }
    }
}
