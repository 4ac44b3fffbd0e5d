/// Turns per-candidate scores into a ranking with ties kept, and picks a winner from it: the
/// shared last step of every method that ends with "most points wins".
public enum RankingByScore {
    /// Candidates grouped by equal score, best group first; within a group, by index.
    public static func groups<Score: Comparable>(_ scores: [Score], higherIsBetter: Bool) -> [[Int]] {
        let order = scores.indices.sorted { a, b in
            if scores[a] != scores[b] { return higherIsBetter ? scores[a] > scores[b] : scores[a] < scores[b] }
            return a < b
        }
        var groups: [[Int]] = []
        for candidate in order {
            if let last = groups.last?.first, scores[last] == scores[candidate] {
                groups[groups.count - 1].append(candidate)
            } else {
                groups.append([candidate])
            }
        }
        return groups
    }

    /// The single winner of `ranking`: its first group's only member, or the tie-break's pick
    /// among that group's members (recorded in `ties`). Nil when there are no candidates.
    public static func winner(
        of ranking: [[Int]], tieBreak: TieBreakOrder, round: Int, ties: inout [TieResolution]
    ) -> Int? {
        guard let top = ranking.first, !top.isEmpty else { return nil }
        if top.count == 1 { return top[0] }
        let chosen = tieBreak.favoured(top)
        ties.append(TieResolution(round: round, decision: "winner", tied: top, chosen: [chosen], rule: tieBreak.rule))
        return chosen
    }
}
