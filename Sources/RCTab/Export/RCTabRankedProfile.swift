import Counting

/// RCTab cast-vote records as the ranked ballots Plenum's own methods count: each record becomes
/// a strict ranking that reads, down to where it ends, as RCTab's rules read it.
///
/// Plenum's ranked ballots have no skipped ranks, no overvotes and no repeated candidates: a
/// ranking is an order of distinct candidates, and Plenum's instant-runoff (like its STV) moves
/// down it past candidates no longer counting and exhausts the ballot at its end. The contest's
/// ballot rules decide, rank by rank from the top, how far a ranking goes, exactly as RCTab walks
/// a ballot (so the first round's tallies are RCTab's):
/// - only the first `maxRankingsAllowed` ranks are read;
/// - a skipped rank (no mark) is passed over, but a mark after more than `maxSkippedRanksAllowed`
///   consecutive skipped ranks is not reached: the ranking ends before it;
/// - with `exhaustOnDuplicateCandidate`, the ranking ends at a rank repeating a mark; without it,
///   a candidate ranked again is dropped (reaching the repeat could only find them counted or
///   gone already);
/// - a rank with several candidates, or the overvote label, ends the ranking under
///   `exhaustImmediately` and is passed over under `alwaysSkipToNextRank`;
///   `exhaustIfMultipleContinuing` depends on who is continuing when the rank is reached, which a
///   fixed ranking cannot say: a ballot that needs it is refused (`unsupported_option`);
/// - excluded candidates are not candidates of the profile: their marks are passed over.
///
/// Undeclared write-ins count as the candidate ``RCTabBallot/undeclaredWriteInName`` when the
/// candidates include it (as ``RCTabSession/tabulationCandidates`` does); Plenum's methods treat
/// it as any other candidate (RCTab never elects it). The other rules (tie-breaks, thresholds,
/// batch elimination, ...) belong to RCTab's count, not to reading a ballot: Plenum's method
/// applies its own. A record whose ranking ends before any candidate is an empty ranking, which
/// Plenum's counts treat as blank.
public struct RCTabRankedProfile: Sendable {
    /// The candidates of the profile (the declared ones that are not excluded, in order).
    public let names: [String]
    /// The rankings, identical ones merged, weighted by their number of records.
    public let profile: RankedProfile

    /// Reads `ballots` with the ballot rules of `rules` over `candidates` (a contest's
    /// ``RCTabSession/tabulationCandidates``).
    public init(candidates: [RCTabCandidate], ballots: [RCTabBallot], rules: RCTabRules) throws(RCTabError) {
        var index: [String: Int] = [:]
        var names: [String] = []
        var excluded: Set<String> = []
        for candidate in candidates {
            if candidate.excluded {
                excluded.insert(candidate.name)
            } else if index[candidate.name] == nil {
                index[candidate.name] = names.count
                names.append(candidate.name)
            }
        }
        let declared = candidates.filter { $0.name != RCTabBallot.undeclaredWriteInName }.count
        let rankLimit = rules.maxRankingsAllowed ?? declared
        var builder = RankedProfile.Builder(candidateCount: names.count)
        var ranking: [Int] = []
        for (position, ballot) in ballots.enumerated() {
            ranking.removeAll(keepingCapacity: true)
            var lastRankSeen = 0
            var seen: Set<RCTabMark> = []
            walk: for (offset, marks) in ballot.rankings.prefix(rankLimit).enumerated() where !marks.isEmpty {
                let rank = offset + 1
                if let maxSkipped = rules.maxSkippedRanksAllowed, rank - lastRankSeen > maxSkipped + 1 { break walk }
                lastRankSeen = rank
                if rules.exhaustOnDuplicateCandidate {
                    for mark in marks where !seen.insert(mark).inserted { break walk }
                }
                if marks.count > 1 || marks[0] == .overvote {
                    switch rules.overvoteRule {
                    case .exhaustImmediately: break walk
                    case .alwaysSkipToNextRank: continue walk
                    case .exhaustIfMultipleContinuing:
                        if marks.contains(.overvote) { continue walk }
                        throw RCTabError(
                            "unsupported_option", at: "ballot \(position + 1)",
                            "rules.overvoteRule exhaustIfMultipleContinuing: an overvoted rank cannot be read into a "
                                + "fixed ranking for Plenum's count")
                    }
                }
                let name: String
                switch marks[0] {
                case .candidate(let candidate): name = candidate
                case .undeclaredWriteIn: name = RCTabBallot.undeclaredWriteInName
                case .overvote: continue walk
                }
                if excluded.contains(name) { continue walk }
                guard let candidate = index[name] else {
                    throw RCTabError(
                        "unknown_candidate", at: "ballot \(position + 1)",
                        "the ballot ranks \"\(name)\", who is not a candidate of the contest")
                }
                if !ranking.contains(candidate) { ranking.append(candidate) }
            }
            guard ballot.count >= 1 else {
                throw RCTabError("invalid_ballot", at: "ballot \(position + 1)", "a ballot's count must be at least 1")
            }
            do {
                try builder.add(ranking: ranking, weight: Int64(ballot.count))
            } catch {
                throw RCTabError("invalid_ballot", at: "ballot \(position + 1)", String(describing: error))
            }
        }
        self.names = names
        self.profile = builder.build()
    }
}
