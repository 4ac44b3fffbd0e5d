/// Turns raw records into ``RCTabBallot``s: resolves every candidate name or alias to the
/// declared candidate's name, refuses names no candidate has (RCTab's "unrecognized candidate")
/// and ranks beyond `maxRankingsAllowed`, and, when merging, folds identical records into one
/// ballot with a `count`.
///
/// Records are compared by their marks alone, coded as small integers, so merging the 80,101
/// records of the 2013 Minneapolis mayor race into its 7,084 distinct ballots is cheap. A merged
/// ballot keeps an id, precinct or batch only when every record merged into it has the same.
struct RCTabBallotCollector {
    private let codes: [String: Int32]
    private let names: [String]
    private let maxRankings: Int
    private let merging: Bool
    private static let overvote: Int32 = -1
    private static let writeIn: Int32 = -2
    private static let rankEnd: Int32 = -3

    /// The ballots collected so far.
    private(set) var ballots: [RCTabBallot] = []
    private var index: [[Int32]: Int] = [:]
    private var unknown: [String: (count: Int, first: String)] = [:]

    init(config: RCTabContestConfig, merging: Bool) {
        var codes: [String: Int32] = [:]
        var names: [String] = []
        for candidate in config.candidates {
            let code = Int32(names.count)
            names.append(candidate.name)
            codes[candidate.name] = code
            for alias in candidate.aliases { codes[alias] = code }
        }
        if config.hasUndeclaredWriteIns { codes[RCTabBallot.undeclaredWriteInName] = Self.writeIn }
        self.codes = codes
        self.names = names
        self.maxRankings = config.maxRankings
        self.merging = merging
    }

    /// Adds the records of one file.
    mutating func add(_ records: [RCTabRawRecord]) throws(RCTabError) {
        index.reserveCapacity(index.count + records.count / 4)
        for record in records { try add(record) }
    }

    private mutating func add(_ record: RCTabRawRecord) throws(RCTabError) {
        var highest = 0
        for (rank, _) in record.marks where rank > highest { highest = rank }
        if highest > maxRankings {
            throw RCTabError(
                "cvr_value", at: record.location,
                "the record ranks a candidate \(highest); the contest allows \(maxRankings) rankings")
        }
        // The marks rank by rank, each rank closed by `rankEnd`, in reading order within a rank.
        var key = [Int32]()
        key.reserveCapacity(record.marks.count + highest)
        var known = true
        for rank in 1...max(highest, 1) where highest > 0 {
            for (markRank, mark) in record.marks where markRank == rank {
                switch mark {
                case .overvote: key.append(Self.overvote)
                case .undeclaredWriteIn: key.append(Self.writeIn)
                case .name(let text):
                    if let code = codes[text] {
                        key.append(code)
                    } else {
                        unknown[text, default: (0, record.location)].count += 1
                        known = false
                    }
                }
            }
            key.append(Self.rankEnd)
        }
        guard known else { return }
        if merging, let existing = index[key] {
            ballots[existing].count += 1
            if ballots[existing].id != record.id { ballots[existing].id = nil }
            if ballots[existing].precinct != record.precinct { ballots[existing].precinct = nil }
            if ballots[existing].batch != record.batch { ballots[existing].batch = nil }
            return
        }
        if merging { index[key] = ballots.count }
        ballots.append(
            RCTabBallot(
                rankings: rankings(key), count: 1, id: record.id, precinct: record.precinct, batch: record.batch))
    }

    private func rankings(_ key: [Int32]) -> [[RCTabMark]] {
        var rankings: [[RCTabMark]] = []
        var current: [RCTabMark] = []
        for code in key {
            switch code {
            case Self.rankEnd:
                rankings.append(current)
                current = []
            case Self.overvote: current.append(.overvote)
            case Self.writeIn: current.append(.undeclaredWriteIn)
            default: current.append(.candidate(names[Int(code)]))
            }
        }
        return rankings
    }

    /// Refuses the records if any named a candidate the configuration does not declare.
    func requireKnownCandidates(file: String) throws(RCTabError) {
        guard !unknown.isEmpty else { return }
        let listed = unknown.sorted { $0.key < $1.key }.map {
            "\"\($0.key)\" (\($0.value.count) times, first at \($0.value.first))"
        }
        throw RCTabError(
            "unrecognized_candidate", at: file,
            "the file names candidates the configuration does not declare: " + listed.joined(separator: ", "))
    }
}
