/// Reads participatory budgeting instances in pabulib's `.pb` format (pabulib.org; Faliszewski,
/// Flis, Peters, Pierczyński, Skowron, Stolicki, Szufa & Talmon, "Participatory budgeting: data,
/// tools and analysis", IJCAI 2023).
///
/// The layout: three sections, each a title line (`META`, `PROJECTS`, `VOTES`), a header line
/// naming the columns, and rows, all `;`-separated in CSV style (a field may be quoted with `"`,
/// `""` inside for a quote; surrounding spaces are trimmed).
/// - META: header `key;value`, then one entry a row. `budget` (a non-negative amount, decimals
///   allowed) is required; `vote_type` (`approval`, `ordinal`, `cumulative`, `scoring`,
///   `choose-1`) defaults to `approval`; `num_projects` and `num_votes`, when present, must match
///   the rows; `default_score` is read for scoring votes.
/// - PROJECTS: columns `project_id` and `cost` (a non-negative amount) are required; `name` and
///   `selected` (an integer) are read when present; other columns are ignored.
/// - VOTES: column `vote` is required: the voter's project ids separated by commas (empty for a
///   blank ballot), most preferred first for ordinal votes; `points` (integers, as many as there
///   are ids) for cumulative and scoring votes; `voter_id`, when present, must be unique. Other
///   columns are ignored.
///
/// The budget and every cost are scaled by the same power of ten (at most 10^6) to whole units
/// (``PabulibInstance/costDecimals``). Lines end in LF, CRLF or CR; a byte-order mark is skipped.
/// Malformed input is rejected with a ``ReaderError`` naming the line and the problem; no input
/// makes the reader crash. Identical ballots are merged.
public struct PabulibReader: Sendable {
    public static let formatName = "pabulib"
    /// The most decimals an amount may have.
    public static let maximumDecimals = 6

    public init() {}

    /// Reads a `.pb` file's text.
    public func read(_ text: String) throws(ReaderError) -> PabulibInstance { try read(Array(text.utf8)) }

    /// Reads a `.pb` file's bytes (UTF-8).
    public func read(_ bytes: [UInt8]) throws(ReaderError) -> PabulibInstance {
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw ReaderError(.encoding, line: line, "the file holds a NUL byte: it is not a text file")
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw ReaderError(.encoding, line: line, "the file is not valid UTF-8")
        }
        var records = PabulibRecords(bytes: bytes)
        var sections = PabulibSections()
        try sections.collect(&records)
        return try sections.instance()
    }
}

/// The three sections as records, before interpretation.
struct PabulibSections {
    struct Section {
        var titleLine: Int
        var header: PabulibRecords.Record?
        var rows: [PabulibRecords.Record] = []
    }

    var meta: Section?
    var projects: Section?
    var votes: Section?

    mutating func collect(_ records: inout PabulibRecords) throws(ReaderError) {
        var current: WritableKeyPath<PabulibSections, Section?>?
        while let record = try records.next() {
            let title = record.fields[0].lowercased()
            let rest = record.fields.dropFirst().allSatisfy(\.isEmpty)
            if rest, let path = Self.section(named: title) {
                guard self[keyPath: path] == nil else {
                    throw ReaderError(.syntax, line: record.line, "the section \(title.uppercased()) appears twice")
                }
                self[keyPath: path] = Section(titleLine: record.line)
                current = path
                continue
            }
            guard let path = current else {
                throw ReaderError(.syntax, line: record.line, "a line comes before the first section title (META)")
            }
            if self[keyPath: path]!.header == nil {
                self[keyPath: path]!.header = record
            } else {
                self[keyPath: path]!.rows.append(record)
            }
        }
    }

    private static func section(named title: String) -> WritableKeyPath<PabulibSections, Section?>? {
        switch title {
        case "meta": return \.meta
        case "projects": return \.projects
        case "votes": return \.votes
        default: return nil
        }
    }

    /// The section, which must exist and have a header.
    private func require(_ section: Section?, _ name: String) throws(ReaderError) -> (Section, [String]) {
        guard let section else { throw ReaderError(.syntax, "the file has no \(name) section") }
        guard let header = section.header else {
            throw ReaderError(.syntax, line: section.titleLine, "the \(name) section has no header line")
        }
        return (section, header.fields.map { $0.lowercased() })
    }

    /// The column named `name` in `header`, if any (an error if it appears twice).
    private func column(_ name: String, in header: [String], line: Int?) throws(ReaderError) -> Int? {
        let found = header.indices.filter { header[$0] == name }
        guard found.count <= 1 else { throw ReaderError(.syntax, line: line, "the column \"\(name)\" appears twice") }
        return found.first
    }

    func instance() throws(ReaderError) -> PabulibInstance {
        let (metaSection, metaHeader) = try require(meta, "META")
        guard metaHeader == ["key", "value"] else {
            throw ReaderError(.syntax, line: metaSection.header?.line, "the META header must be \"key;value\"")
        }
        var entries: [String: String] = [:]
        var entryLines: [String: Int] = [:]
        for row in metaSection.rows {
            guard row.fields.count == 2 else {
                throw ReaderError(.syntax, line: row.line, "a META row has \(row.fields.count) fields, not 2")
            }
            let key = row.fields[0]
            guard !key.isEmpty else { throw ReaderError(.metadata, line: row.line, "a META row has an empty key") }
            guard entries[key] == nil else {
                throw ReaderError(.metadata, line: row.line, "the META key \"\(key)\" appears twice")
            }
            entries[key] = row.fields[1]
            entryLines[key] = row.line
        }
        let voteType: PabulibInstance.VoteType
        if let text = entries["vote_type"] {
            guard let type = PabulibInstance.VoteType(rawValue: text.lowercased()) else {
                throw ReaderError(
                    .unsupported, line: entryLines["vote_type"],
                    "vote_type \"\(text)\" is not one of approval, ordinal, cumulative, scoring, choose-1")
            }
            voteType = type
        } else {
            voteType = .approval
        }
        guard let budgetText = entries["budget"] else {
            throw ReaderError(.metadata, line: metaSection.titleLine, "META has no budget")
        }
        let budgetAmount = try PabulibAmount(budgetText, line: entryLines["budget"], what: "the budget")

        let (projectSection, projectHeader) = try require(projects, "PROJECTS")
        let headerLine = projectSection.header?.line
        guard let idColumn = try column("project_id", in: projectHeader, line: headerLine) else {
            throw ReaderError(.syntax, line: headerLine, "the PROJECTS header has no project_id column")
        }
        guard let costColumn = try column("cost", in: projectHeader, line: headerLine) else {
            throw ReaderError(.syntax, line: headerLine, "the PROJECTS header has no cost column")
        }
        let nameColumn = try column("name", in: projectHeader, line: headerLine)
        let selectedColumn = try column("selected", in: projectHeader, line: headerLine)
        var ids: [String] = []
        var index: [String: Int] = [:]
        var amounts: [PabulibAmount] = []
        var names: [String] = []
        var flags: [Int] = []
        for row in projectSection.rows {
            guard row.fields.count == projectHeader.count else {
                throw ReaderError(
                    .syntax, line: row.line,
                    "a PROJECTS row has \(row.fields.count) fields, the header has \(projectHeader.count)")
            }
            let id = row.fields[idColumn]
            guard !id.isEmpty else { throw ReaderError(.invalidValue, line: row.line, "a project has an empty id") }
            guard index[id] == nil else {
                throw ReaderError(.duplicateCandidate, line: row.line, "two projects have the id \"\(id)\"")
            }
            index[id] = ids.count
            ids.append(id)
            amounts.append(try PabulibAmount(row.fields[costColumn], line: row.line, what: "project \(id)'s cost"))
            if let nameColumn { names.append(row.fields[nameColumn]) }
            if let selectedColumn {
                let text = row.fields[selectedColumn]
                guard let flag = text.isEmpty ? 0 : Int(text) else {
                    throw ReaderError(
                        .invalidValue, line: row.line, "project \(id)'s selected value \"\(text)\" is not an integer")
                }
                flags.append(flag)
            }
        }
        guard !ids.isEmpty else {
            throw ReaderError(.empty, line: projectSection.titleLine, "PROJECTS lists no project")
        }
        try checkCount("num_projects", ids.count, entries, entryLines)

        let decimals = ([budgetAmount] + amounts).map(\.decimals).max() ?? 0
        let total = try budgetAmount.units(decimals: decimals, line: entryLines["budget"], what: "the budget")
        var costs: [Int64] = []
        costs.reserveCapacity(amounts.count)
        for (project, amount) in amounts.enumerated() {
            costs.append(
                try amount.units(
                    decimals: decimals, line: projectSection.rows[project].line, what: "project \(ids[project])'s cost")
            )
        }

        let (voteSection, voteHeader) = try require(votes, "VOTES")
        var ballots = PabulibBallots(
            voteType: voteType, projectIndex: index, projectCount: ids.count,
            defaultScore: try defaultScore(entries, entryLines, voteType))
        try ballots.read(voteSection, header: voteHeader)
        try checkCount("num_votes", ballots.voterCount, entries, entryLines)

        let election = Election(
            title: entries["description"], candidates: ids, seats: 1, ballots: try ballots.ballots(),
            budget: BudgetLimits(total: total, costs: costs))
        return PabulibInstance(
            election: election, meta: entries, projectNames: nameColumn == nil ? nil : names,
            selectionFlags: selectedColumn == nil ? nil : flags, voteType: voteType, costDecimals: decimals)
    }

    private func checkCount(
        _ key: String, _ actual: Int, _ entries: [String: String], _ lines: [String: Int]
    ) throws(ReaderError) {
        guard let text = entries[key] else { return }
        guard let stated = Int(text) else {
            throw ReaderError(.metadata, line: lines[key], "\(key) \"\(text)\" is not a whole number")
        }
        guard stated == actual else {
            throw ReaderError(.countMismatch, line: lines[key], "\(key) says \(stated), the file has \(actual)")
        }
    }

    private func defaultScore(
        _ entries: [String: String], _ lines: [String: Int], _ voteType: PabulibInstance.VoteType
    ) throws(ReaderError) -> Int32 {
        guard voteType == .scoring, let text = entries["default_score"] else { return 0 }
        guard let value = Int32(text), value != RatingProfile.blank else {
            throw ReaderError(
                .metadata, line: lines["default_score"], "default_score \"\(text)\" is not a whole number")
        }
        return value
    }
}
