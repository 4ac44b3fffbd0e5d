/// Turns raw records into ``RCTabBallot``s as they are read: refuses names no candidate has
/// (RCTab's "unrecognized candidate") and ranks beyond `maxRankingsAllowed`, and, when merging,
/// folds identical records into one ballot with a `count`.
///
/// Records are compared by their marks alone, coded as small integers, so merging the 80,101
/// records of the 2013 Minneapolis mayor race into its 7,084 distinct ballots is cheap, and the
/// memory it takes grows with the distinct ballots, not the records. A merged ballot keeps an id,
/// precinct or batch only when every record merged into it has the same.
struct RCTabBallotCollector {
    /// The codes the readers give the candidates' names.
    let candidates: RCTabCandidateCodes
    private let maxRankings: Int
    private let merging: Bool
    /// The end of a rank in a ballot's key.
    private static let rankEnd: Int32 = -3

    /// The ballots collected so far.
    private(set) var ballots: [RCTabBallot] = []
    /// Each merged ballot's key (its coded marks), mapped to its place in `ballots`.
    private var index = RCTabByteTable()
    /// The key of the record being added, reused from record to record.
    private var key: [Int32] = []
    private var unknown: [String: (count: Int, first: String)] = [:]

    init(config: RCTabContestConfig, merging: Bool) {
        self.candidates = RCTabCandidateCodes(config: config)
        self.maxRankings = config.maxRankings
        self.merging = merging
    }

    /// Adds a record of `file`.
    mutating func add(_ record: RCTabRawRecord, file: String) throws(RCTabError) {
        var highest = 0
        var inOrder = true
        var previous = 0
        for mark in record.marks {
            if mark.rank > highest { highest = mark.rank }
            if mark.rank < previous { inOrder = false }
            previous = mark.rank
        }
        if highest > maxRankings {
            throw RCTabError(
                "cvr_value", at: "\(file):\(record.line)",
                "the record ranks a candidate \(highest); the contest allows \(maxRankings) rankings")
        }
        // The marks rank by rank, each rank closed by `rankEnd`, in reading order within a rank.
        key.removeAll(keepingCapacity: true)
        var known = true
        func append(_ code: Int32) {
            if code > RCTabCandidateCodes.firstUnknown {
                key.append(code)
            } else {
                unknown[record.unknownName(code), default: (0, "\(file):\(record.line)")].count += 1
                known = false
            }
        }
        if inOrder {
            var rank = 1
            for mark in record.marks {
                while rank < mark.rank {
                    key.append(Self.rankEnd)
                    rank += 1
                }
                append(mark.code)
            }
            while rank <= highest {
                key.append(Self.rankEnd)
                rank += 1
            }
        } else {
            for rank in 1...highest {
                for mark in record.marks where mark.rank == rank { append(mark.code) }
                key.append(Self.rankEnd)
            }
        }
        guard known else { return }
        if merging, let found = key.withUnsafeBytes({ index.value(for: $0) }) {
            let existing = Int(found)
            ballots[existing].count += 1
            if let id = ballots[existing].id, !Self.same(id, record.id) { ballots[existing].id = nil }
            if let precinct = ballots[existing].precinct, !Self.same(precinct, record.precinct) {
                ballots[existing].precinct = nil
            }
            if let batch = ballots[existing].batch, !Self.same(batch, record.batch) { ballots[existing].batch = nil }
            return
        }
        if merging { key.withUnsafeBytes { index.insert($0, value: Int32(ballots.count)) } }
        ballots.append(
            RCTabBallot(
                rankings: rankings(key), count: 1, id: Self.text(record.id), precinct: Self.text(record.precinct),
                batch: Self.text(record.batch)))
    }

    private static func text(_ cell: UnsafeBufferPointer<UInt8>?) -> String? {
        cell.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a cell's text is `text`, compared as Swift strings are.
    private static func same(_ text: String, _ cell: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let cell else { return false }
        if text.utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(cell) }) == true { return true }
        return text == String(decoding: cell, as: UTF8.self)
    }

    private func rankings(_ key: [Int32]) -> [[RCTabMark]] {
        var rankings: [[RCTabMark]] = []
        var current: [RCTabMark] = []
        for code in key {
            if code == Self.rankEnd {
                rankings.append(current)
                current = []
            } else {
                current.append(candidates.mark(code))
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
