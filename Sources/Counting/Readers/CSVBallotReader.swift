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
        var records = CSVRecords(text)
        guard let header = try records.next() else {
            throw ReaderError(.empty, "the file is empty; it starts with a header row of candidate names")
        }
        let columns = try Columns(header.cells, line: header.line)
        var rows = Rows(shape: shape, columns: columns)
        while let record = try records.next() {
            guard record.cells.count == header.cells.count else {
                throw ReaderError(
                    .syntax, line: record.line,
                    "this row has \(record.cells.count) cells; the header has \(header.cells.count)")
            }
            try rows.add(record.cells, line: record.line)
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

        mutating func add(_ cells: [String], line: Int) throws(ReaderError) {
            let weight = try self.weight(cells, line: line)
            switch shape {
            case .ranked:
                ranks.removeAll(keepingCapacity: true)
                for (column, cell) in cells.enumerated() where !cell.isEmpty {
                    guard let candidate = columns.candidateOfColumn[column] else { continue }
                    guard let rank = Int64(cell), rank >= 1, cell.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the rank of \(columns.names[candidate]) is \"\(cell)\"; a rank is a whole number from 1, "
                                + "or blank")
                    }
                    ranks.append((rank, candidate))
                }
                ranks.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.candidate < $1.candidate }
                var groups: [[Int]] = []
                var lastRank: Int64 = 0
                for entry in ranks {
                    if entry.rank != lastRank { groups.append([]) }
                    groups[groups.count - 1].append(entry.candidate)
                    lastRank = entry.rank
                }
                do { try ranked.add(groups: groups, weight: weight) } catch { throw ReaderError(error, line: line) }
            case .approval:
                var approved = Set<Int>()
                for (column, cell) in cells.enumerated() {
                    guard let candidate = columns.candidateOfColumn[column] else { continue }
                    switch cell {
                    case "1", "x", "X": approved.insert(candidate)
                    case "0", "": break
                    default:
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the cell of \(columns.names[candidate]) is \"\(cell)\"; an approval cell is 1, x, 0 or "
                                + "blank")
                    }
                }
                approvals.append((approved, weight))
            case .rating:
                var row = [Int32?](repeating: nil, count: columns.names.count)
                for (column, cell) in cells.enumerated() where !cell.isEmpty {
                    guard let candidate = columns.candidateOfColumn[column] else { continue }
                    guard let value = Int32(cell), value != RatingProfile.blank else {
                        throw ReaderError(
                            .invalidValue, line: line,
                            "the rating of \(columns.names[candidate]) is \"\(cell)\"; a rating is a whole number "
                                + "(32 bits) or blank")
                    }
                    row[candidate] = value
                }
                ratings.append((row, weight))
            }
        }

        private mutating func weight(_ cells: [String], line: Int) throws(ReaderError) -> Int64 {
            var weight: Int64 = 1
            if let column = columns.weightColumn {
                let cell = cells[column]
                guard let value = Int64(cell), value >= 1, cell.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw ReaderError(
                        .invalidValue, line: line, "the weight is \"\(cell)\"; a weight is a whole number from 1")
                }
                weight = value
            }
            let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
            guard !overflow else { throw ReaderError(.invalidValue, line: line, "the weights add up beyond 2^63") }
            totalWeight = sum
            return weight
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
