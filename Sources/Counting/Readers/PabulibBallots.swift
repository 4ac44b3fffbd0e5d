/// A non-negative decimal amount from a pabulib file (`400000`, `376634.74`), kept as its digits
/// so that it can be scaled exactly to whole units.
struct PabulibAmount {
    let whole: Substring
    /// The digits after the point, trailing zeros dropped.
    let fraction: Substring

    var decimals: Int { fraction.count }

    init(_ text: String, line: Int?, what: String) throws(ReaderError) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        var fraction = parts.count > 1 ? parts[1] : ""
        guard !text.isEmpty, !(whole.isEmpty && fraction.isEmpty),
            whole.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            fraction.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw ReaderError(.invalidValue, line: line, "\(what) \"\(text)\" is not a non-negative amount")
        }
        while fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= PabulibReader.maximumDecimals else {
            throw ReaderError(
                .unsupported, line: line,
                "\(what) \"\(text)\" has more than \(PabulibReader.maximumDecimals) decimals")
        }
        self.whole = whole
        self.fraction = fraction
    }

    /// The amount in units of `10^-decimals` (`decimals` at least ``decimals``).
    func units(decimals: Int, line: Int?, what: String) throws(ReaderError) -> Int64 {
        var digits = String(whole) + String(fraction)
        digits += String(repeating: "0", count: decimals - fraction.count)
        let significant = digits.drop { $0 == "0" }
        guard let value = significant.isEmpty ? 0 : Int64(significant) else {
            throw ReaderError(.invalidValue, line: line, "\(what) is too large")
        }
        return value
    }
}

/// The VOTES section read into the profile shape of the vote type.
struct PabulibBallots {
    let voteType: PabulibInstance.VoteType
    let projectIndex: [String: Int]
    let projectCount: Int
    let defaultScore: Int32
    private(set) var voterCount = 0
    private var approvals: [(approved: Set<Int>, weight: Int64)] = []
    private var rankings: [(groups: [[Int]], weight: Int64)] = []
    private var ratings: [(ratings: [Int32?], weight: Int64)] = []
    /// `seenOn[p] == voterCount + 1` while the current vote names `p` (a reusable marker).
    private var seenOn: [Int]

    init(voteType: PabulibInstance.VoteType, projectIndex: [String: Int], projectCount: Int, defaultScore: Int32) {
        self.voteType = voteType
        self.projectIndex = projectIndex
        self.projectCount = projectCount
        self.defaultScore = defaultScore
        seenOn = [Int](repeating: 0, count: projectCount)
    }

    private var needsPoints: Bool { voteType == .cumulative || voteType == .scoring }

    mutating func read(_ section: PabulibSections.Section, header: [String]) throws(ReaderError) {
        let headerLine = section.header?.line
        let voteColumns = header.indices.filter { header[$0] == "vote" }
        guard voteColumns.count == 1 else {
            throw ReaderError(.syntax, line: headerLine, "the VOTES header needs exactly one vote column")
        }
        let voteColumn = voteColumns[0]
        let pointColumns = header.indices.filter { header[$0] == "points" }
        guard pointColumns.count <= 1 else {
            throw ReaderError(.syntax, line: headerLine, "the column \"points\" appears twice")
        }
        guard !needsPoints || !pointColumns.isEmpty else {
            throw ReaderError(.syntax, line: headerLine, "\(voteType.rawValue) votes need a points column")
        }
        let voterColumn = header.firstIndex(of: "voter_id")
        var voterIDs = Set<String>()
        for row in section.rows {
            guard row.fields.count == header.count else {
                throw ReaderError(
                    .syntax, line: row.line,
                    "a VOTES row has \(row.fields.count) fields, the header has \(header.count)")
            }
            if let voterColumn {
                let id = row.fields[voterColumn]
                guard voterIDs.insert(id).inserted else {
                    throw ReaderError(.invalidValue, line: row.line, "the voter id \"\(id)\" appears twice")
                }
            }
            let projects = try projectsOf(row.fields[voteColumn], line: row.line)
            voterCount += 1
            switch voteType {
            case .approval, .chooseOne:
                guard voteType == .approval || projects.count <= 1 else {
                    throw ReaderError(.invalidValue, line: row.line, "a choose-1 vote lists \(projects.count) projects")
                }
                approvals.append((Set(projects), 1))
            case .ordinal:
                rankings.append((projects.map { [$0] }, 1))
            case .cumulative, .scoring:
                let points = try pointsOf(row.fields[pointColumns[0]], count: projects.count, line: row.line)
                let unlisted: Int32 = voteType == .scoring ? defaultScore : 0
                var row = [Int32?](repeating: unlisted, count: projectCount)
                for (project, value) in zip(projects, points) { row[project] = value }
                ratings.append((row, 1))
            }
        }
    }

    private mutating func projectsOf(_ text: String, line: Int) throws(ReaderError) -> [Int] {
        guard !text.isEmpty else { return [] }
        let mark = voterCount + 1
        var projects: [Int] = []
        for id in text.commaSeparatedParts {
            guard let project = projectIndex[String(id)] else {
                throw ReaderError(
                    .unknownCandidate, line: line, "the vote names project \"\(id)\", which is not listed")
            }
            guard seenOn[project] != mark else {
                throw ReaderError(.duplicateCandidate, line: line, "the vote names project \"\(id)\" twice")
            }
            seenOn[project] = mark
            projects.append(project)
        }
        return projects
    }

    private func pointsOf(_ text: String, count: Int, line: Int) throws(ReaderError) -> [Int32] {
        let parts = text.commaSeparatedParts
        guard parts.count == count else {
            throw ReaderError(.syntax, line: line, "the vote lists \(count) projects but \(parts.count) points")
        }
        var points: [Int32] = []
        for trimmed in parts {
            guard let value = Int32(trimmed), value != RatingProfile.blank else {
                throw ReaderError(
                    .unsupported, line: line, "the points \"\(trimmed)\" are not a whole number this reader supports")
            }
            points.append(value)
        }
        return points
    }

    func ballots() throws(ReaderError) -> Ballots {
        do {
            switch voteType {
            case .approval, .chooseOne:
                return .approval(try ApprovalProfile(candidateCount: projectCount, ballots: approvals))
            case .ordinal:
                return .ranked(try RankedProfile(candidateCount: projectCount, ballots: rankings))
            case .cumulative, .scoring:
                return .ratings(
                    try RatingProfile(
                        candidateCount: projectCount, range: (Int32.min + 1)...Int32.max, ballots: ratings))
            }
        } catch {
            throw ReaderError(error)
        }
    }
}

extension String {
    /// The comma-separated parts of the text, each without surrounding spaces and tabs (no parts
    /// for an empty text).
    fileprivate var commaSeparatedParts: [Substring] {
        guard !isEmpty else { return [] }
        let bytes = utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        while true {
            var end = start
            while end < bytes.endIndex && bytes[end] != UInt8(ascii: ",") { end = bytes.index(after: end) }
            var first = start
            var last = end
            while first < last && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) {
                first = bytes.index(after: first)
            }
            while first < last {
                let before = bytes.index(before: last)
                guard bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") else { break }
                last = before
            }
            parts.append(self[first..<last])
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        return parts
    }
}
