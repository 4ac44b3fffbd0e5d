extension RunoffCount {
    /// Eliminates the candidate(s) with the fewest votes, settling a tie by the rules, and
    /// returns who was eliminated.
    mutating func eliminate(
        active: [Int], tallies: [Rational], round number: Int, in round: inout TraceRound
    )
        -> [Int]
    {
        let fewest = active.map { tallies[$0] }.min()!
        let tied = active.filter { tallies[$0] == fewest }
        var chosen = tied
        var reason = "fewest votes"
        if tied.count > 1 {
            switch rules.eliminationTie {
            case .backwardThenTieBreakOrder:
                var rule = "backward: fewest votes in the most recent earlier round where they differ"
                for earlier in history.dropLast().reversed() where chosen.count > 1 {
                    let least = chosen.map { earlier[$0] }.min()!
                    chosen = chosen.filter { earlier[$0] == least }
                }
                if chosen.count > 1 {
                    chosen = [tieBreak.disfavoured(chosen)]
                    rule = history.count > 1 ? rule + "; then " + tieBreak.rule : tieBreak.rule
                }
                ties.append(TieResolution(round: number, decision: "eliminate", tied: tied, chosen: chosen, rule: rule))
                reason = "fewest votes, tie settled (\(rule))"
            case .pairwiseThenTogether:
                let matrix = pairwiseMatrix()
                for _ in 1..<tied.count { chosen = Self.pairwiseLosers(chosen, matrix) }
                let rule =
                    "pairwise comparison (Condorcet PHP): the tied who beat none of the others and have no more "
                    + "pairwise wins or balance; those left are eliminated together"
                ties.append(TieResolution(round: number, decision: "eliminate", tied: tied, chosen: chosen, rule: rule))
                reason = chosen.count > 1 ? "fewest votes, eliminated together (tie)" : "fewest votes, tie settled"
            }
        }
        for candidate in chosen {
            placed[candidate] = true
            round.events.append(TraceEvent(.eliminated, candidate, reason: reason))
        }
        continuing -= chosen.count
        bottom.append(chosen)
        if continuing == 0 && winner == nil {
            // Everyone left was eliminated together: they share the first place.
            winner = RankingByScore.winner(of: [chosen], tieBreak: tieBreak, round: number, ties: &ties)
            round.events.append(TraceEvent(.elected, winner!, reason: "tied for the last place standing"))
        }
        return chosen
    }

    /// One pass of Condorcet PHP's rule: keep the tied candidates that beat none of the others
    /// pairwise and have no more pairwise wins, and no higher balance, than any other; all of
    /// them when none qualifies.
    static func pairwiseLosers(_ tied: [Int], _ matrix: PairwiseMatrix) -> [Int] {
        let n = matrix.candidateCount
        func wins(_ c: Int) -> Int { (0..<n).filter { $0 != c && matrix.beats(c, $0) }.count }
        func balance(_ c: Int) -> Int { wins(c) - (0..<n).filter { $0 != c && matrix.beats($0, c) }.count }
        let kept = tied.filter { c in
            tied.allSatisfy { d in
                d == c || !(matrix.beats(c, d) || balance(c) > balance(d) || wins(c) > wins(d))
            }
        }
        return kept.isEmpty ? tied : kept
    }

    private mutating func pairwiseMatrix() -> PairwiseMatrix {
        if let pairwise { return pairwise }
        // The total weight was checked when the count began, so the table cannot fail.
        let matrix = (try? PairwiseMatrix(profile)) ?? PairwiseMatrix(zeroFor: n)
        pairwise = matrix
        return matrix
    }

    /// The votes that moved when `removed` left the count: each continuing candidate's gain, and
    /// the newly exhausted weight.
    func transfers(
        from removed: Int, _ before: [Rational], _ exhaustedBefore: Int64, to after: [Rational], _ exhausted: Int64,
        active: [Int]
    ) -> [Transfer] {
        var moves: [Transfer] = []
        for candidate in active where after[candidate] > before[candidate] {
            moves.append(
                Transfer(from: removed, to: candidate, votes: TraceNumber(after[candidate] - before[candidate])))
        }
        if exhausted > exhaustedBefore {
            moves.append(Transfer(from: removed, to: nil, votes: TraceNumber(exhausted - exhaustedBefore)))
        }
        return moves
    }
}
