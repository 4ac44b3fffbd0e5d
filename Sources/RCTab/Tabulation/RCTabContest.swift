/// A contest prepared for counting: candidates by index, identical ballots merged, and the
/// orders in which RCTab's Java collections visit the candidates.
struct RCTabContest: Sendable {
    /// A mark at a rank, by candidate index; ``overvote`` for the explicit overvote label.
    typealias Mark = Int32
    static let overvote: Mark = -1

    /// One distinct ballot: its non-empty ranks in order, and how many records it stands for.
    struct Ballot: Sendable {
        /// `(rank, marks)` for every rank that has at least one mark, rank ascending.
        var ranks: [(rank: Int, marks: [Mark])]
        /// The highest rank with a mark (RCTab's `maxRankingNumber`), 0 for a blank ballot.
        var maxRank: Int { ranks.last?.rank ?? 0 }
        /// The number of identical records.
        var weight: Int
    }

    /// Candidate names, in configuration order (the undeclared write-in last, if any).
    let names: [String]
    /// The index of the undeclared write-in pseudo-candidate, if the contest has one.
    let undeclaredWriteIn: Int?
    /// Whether each candidate is excluded by the configuration.
    let excluded: [Bool]
    /// The candidates in the order RCTab's `HashSet` of candidate names visits them.
    let nameSetOrder: [Int]
    /// The merged ballots.
    let ballots: [Ballot]
    /// The number of cast-vote records.
    let recordCount: Int
    /// The number of declared candidates (without the undeclared write-in).
    var declaredCount: Int { names.count - (undeclaredWriteIn == nil ? 0 : 1) }

    init(candidates: [RCTabCandidate], ballots raw: [RCTabBallot], maxRankings: Int?) throws {
        var index: [String: Int] = [:]
        for (position, candidate) in candidates.enumerated() {
            guard !candidate.name.isEmpty else {
                throw RCTabError("invalid_candidate", at: "candidates[\(position)]", "a candidate has no name")
            }
            guard index[candidate.name] == nil else {
                throw RCTabError(
                    "duplicate_candidate", at: "candidates[\(position)]",
                    "candidate \"\(candidate.name)\" is declared twice")
            }
            index[candidate.name] = position
        }
        names = candidates.map(\.name)
        excluded = candidates.map(\.excluded)
        undeclaredWriteIn = index[RCTabBallot.undeclaredWriteInName]
        nameSetOrder = JavaHashOrder.iterationOrder(Array(names.indices), name: { candidates[$0].name })
        let rankLimit = maxRankings ?? (candidates.count - (undeclaredWriteIn == nil ? 0 : 1))
        // Identical ballots are merged on a flat key: each rank's marks, then a separator.
        var merged: [[Mark]: Int] = [:]
        var order: [[Mark]] = []
        var records = 0
        var key: [Mark] = []
        for (position, ballot) in raw.enumerated() {
            guard ballot.count >= 1 else {
                throw RCTabError("invalid_ballot", at: "ballot \(position + 1)", "a ballot's count must be at least 1")
            }
            records += ballot.count
            key.removeAll(keepingCapacity: true)
            for marks in ballot.rankings.prefix(rankLimit) {
                for mark in marks {
                    key.append(try RCTabContest.resolve(mark, index, ballot: position))
                }
                key.append(RCTabContest.separator)
            }
            while key.count >= 1 && key.last == RCTabContest.separator
                && (key.count == 1 || key[key.count - 2] == RCTabContest.separator)
            {
                key.removeLast()
            }
            if let existing = merged[key] {
                merged[key] = existing + ballot.count
            } else {
                merged[key] = ballot.count
                order.append(key)
            }
        }
        ballots = order.map { key in
            var ranks: [(rank: Int, marks: [Mark])] = []
            var rank = 1
            var marks: [Mark] = []
            for mark in key {
                if mark == RCTabContest.separator {
                    if !marks.isEmpty { ranks.append((rank, marks)) }
                    marks = []
                    rank += 1
                } else {
                    marks.append(mark)
                }
            }
            if !marks.isEmpty { ranks.append((rank, marks)) }
            return Ballot(ranks: ranks, weight: merged[key] ?? 0)
        }
        recordCount = records
    }

    /// Ends a rank in a merge key.
    private static let separator: Mark = -2

    /// A mark as a candidate index (or ``overvote``).
    private static func resolve(_ mark: RCTabMark, _ index: [String: Int], ballot position: Int) throws -> Mark {
        switch mark {
        case .overvote: return overvote
        case .candidate(let name):
            guard let found = index[name] else {
                throw RCTabError(
                    "unknown_candidate", at: "ballot \(position + 1)",
                    "the ballot ranks \"\(name)\", who is not a declared candidate")
            }
            return Mark(found)
        case .undeclaredWriteIn:
            guard let found = index[RCTabBallot.undeclaredWriteInName] else {
                throw RCTabError(
                    "unknown_candidate", at: "ballot \(position + 1)",
                    "the ballot has an undeclared write-in but the contest declares none")
            }
            return Mark(found)
        }
    }

    /// The given candidates (in ``nameSetOrder``) in the order a `HashMap` holding just them visits them.
    func hashOrder(of candidates: [Int], initialCapacity: Int = 16) -> [Int] {
        JavaHashOrder.iterationOrder(candidates, name: { names[$0] }, initialCapacity: initialCapacity)
    }
}
