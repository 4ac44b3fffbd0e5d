/// Turns raw records into ``RCTabBallot``s: resolves every candidate name or alias to the
/// declared candidate's name, refuses names no candidate has (RCTab's "unrecognized candidate"),
/// and refuses a rank beyond `maxRankingsAllowed`.
struct RCTabMarkResolver {
    let namesByAlias: [String: String]
    let hasUndeclaredWriteIns: Bool
    let maxRankings: Int

    init(config: RCTabContestConfig) {
        namesByAlias = config.namesByAlias
        hasUndeclaredWriteIns = config.hasUndeclaredWriteIns
        maxRankings = config.maxRankings
    }

    func ballots(_ records: [RCTabRawRecord], file: String) throws(RCTabError) -> [RCTabBallot] {
        var ballots: [RCTabBallot] = []
        ballots.reserveCapacity(records.count)
        var unknown: [String: (count: Int, first: String)] = [:]
        for record in records {
            let highest = record.marks.map(\.rank).max() ?? 0
            if highest > maxRankings {
                throw RCTabError(
                    "cvr_value", at: record.location,
                    "the record ranks a candidate \(highest); the contest allows \(maxRankings) rankings")
            }
            var rankings = [[RCTabMark]](repeating: [], count: highest)
            for (rank, mark) in record.marks {
                switch mark {
                case .overvote:
                    rankings[rank - 1].append(.overvote)
                case .undeclaredWriteIn:
                    rankings[rank - 1].append(.undeclaredWriteIn)
                case .name(let text):
                    if let name = namesByAlias[text] {
                        rankings[rank - 1].append(.candidate(name))
                    } else if hasUndeclaredWriteIns && text == RCTabBallot.undeclaredWriteInName {
                        rankings[rank - 1].append(.undeclaredWriteIn)
                    } else {
                        unknown[text, default: (0, record.location)].count += 1
                    }
                }
            }
            ballots.append(
                RCTabBallot(
                    rankings: rankings, count: 1, id: record.id, precinct: record.precinct, batch: record.batch))
        }
        if !unknown.isEmpty {
            let listed = unknown.sorted { $0.key < $1.key }.map {
                "\"\($0.key)\" (\($0.value.count) times, first at \($0.value.first))"
            }
            throw RCTabError(
                "unrecognized_candidate", at: file,
                "the file names candidates the configuration does not declare: " + listed.joined(separator: ", "))
        }
        return ballots
    }
}
