import Foundation
import Testing

@testable import RCTab

/// TEST-ONLY, minimal CSV cast-vote-record reading for ``EngineCorpusContest`` (ES&S layout and
/// RCTab's generic CSV), just enough for the corpus. The product's reader lives in the IO branch.
struct EngineCorpusCSV {
    let source: [String: Any]
    let candidates: [RCTabCandidate]
    let maxRankings: Int

    private func label(_ key: String) -> String { EngineCorpusContest.text(source[key]) }
    private func index(_ key: String) -> Int? { Int(label(key)).map { $0 - 1 } }

    func ballots(_ text: String) throws -> [RCTabBallot] {
        let rows = EngineCorpusCSV.rows(text)
        let firstRow = (index("firstVoteRowIndex") ?? 1)
        let firstColumn = index("firstVoteColumnIndex") ?? 0
        var names: [String: String] = [:]
        for candidate in candidates {
            names[candidate.name] = candidate.name
            for alias in candidate.aliases { names[alias] = candidate.name }
        }
        if label("provider") == "genericCsv" {
            return try genericBallots(rows, header: rows[0], firstRow: firstRow, firstColumn: firstColumn, names)
        }
        let delimiter = label("overvoteDelimiter")
        let blankIsWriteIn = source["treatBlankAsUndeclaredWriteIn"] as? Bool ?? false
        var ballots: [RCTabBallot] = []
        for row in rows.dropFirst(firstRow) where !row.allSatisfy(\.isEmpty) {
            var rankings: [[RCTabMark]] = []
            for column in firstColumn..<(firstColumn + maxRankings) {
                let cell = column < row.count ? row[column].trimmingCharacters(in: .whitespaces) : ""
                if cell.isEmpty {
                    rankings.append(blankIsWriteIn ? [.undeclaredWriteIn] : [])
                } else if cell == label("overvoteLabel") {
                    rankings.append([.overvote])
                } else if cell == label("skippedRankLabel") {
                    rankings.append([])
                } else {
                    let parts = delimiter.isEmpty ? [cell] : cell.components(separatedBy: delimiter)
                    rankings.append(
                        try parts.map { part in
                            if part == label("undeclaredWriteInLabel") { return .undeclaredWriteIn }
                            return .candidate(try #require(names[part], "unknown candidate \(part)"))
                        })
                }
            }
            ballots.append(RCTabBallot(rankings: rankings))
        }
        return ballots
    }

    private func genericBallots(
        _ rows: [[String]], header: [String], firstRow: Int, firstColumn: Int, _ names: [String: String]
    ) throws -> [RCTabBallot] {
        var ballots: [RCTabBallot] = []
        for row in rows.dropFirst(firstRow) where !row.allSatisfy(\.isEmpty) {
            var rankings: [[RCTabMark]] = Array(repeating: [], count: maxRankings)
            for column in firstColumn..<min(header.count, row.count) {
                guard let rank = Int(row[column].trimmingCharacters(in: .whitespaces)), rank >= 1,
                    rank <= maxRankings
                else { continue }
                let title = header[column]
                let mark: RCTabMark =
                    title == label("undeclaredWriteInLabel")
                    ? .undeclaredWriteIn : .candidate(try #require(names[title], "unknown candidate \(title)"))
                rankings[rank - 1].append(mark)
            }
            ballots.append(RCTabBallot(rankings: rankings))
        }
        return ballots
    }

    /// RFC 4180-ish rows: quoted fields, doubled quotes, CRLF or LF.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                row.append(field)
                                field = ""
                            } else if next == "\n" || next == "\r\n" {
                                row.append(field)
                                rows.append(row)
                                row = []
                                field = ""
                            } else {
                                field.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
