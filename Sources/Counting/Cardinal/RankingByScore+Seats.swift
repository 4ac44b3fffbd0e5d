extension RankingByScore {
    /// The first `seats` candidates of `ranking` (groups best first): whole groups while they fit,
    /// then the members of the group that straddles the last seat most favoured by `tieBreak`
    /// (that choice is recorded in `ties`). Candidates of a group elected whole are listed in
    /// tie-break order. Returns fewer than `seats` only when there are fewer candidates.
    public static func winners(
        of ranking: [[Int]], seats: Int, tieBreak: TieBreakOrder, round: Int, ties: inout [TieResolution]
    ) -> [Int] {
        var elected: [Int] = []
        for group in ranking where elected.count < seats {
            let open = seats - elected.count
            if group.count <= open {
                elected.append(contentsOf: tieBreak.sorted(group))
            } else {
                let chosen = Array(tieBreak.sorted(group).prefix(open))
                ties.append(
                    TieResolution(
                        round: round, decision: seats == 1 ? "winner" : "elect", tied: group, chosen: chosen,
                        rule: tieBreak.rule))
                elected.append(contentsOf: chosen)
            }
        }
        return elected
    }
}
