/// STAR voting (Score Then Automatic Runoff): a scoring round picks two finalists, and the
/// finalist preferred on more ballots wins.
///
/// Definition (Equal Vote Coalition, "STAR Voting Technical Specifications", starvoting.org):
/// voters score each candidate from 0 to ``maximumScore`` stars (5 on the official ballot); a
/// blank counts as 0. **Scoring round:** each candidate's score is the sum of its stars; the two
/// highest-scoring candidates are the finalists. **Automatic runoff:** each ballot counts for the
/// finalist it scores higher (a ballot scoring them equally states no preference); the finalist
/// preferred on more ballots wins.
///
/// Ties, by the official tie-breaking protocol (starvoting.org/ties; BetterVoting's "Official
/// Tie-breaker Protocol"), with this library's ``TieBreakOrder`` in place of the random draw:
/// - a tie in the scoring round for a finalist place is broken in favour of the tied candidate
///   preferred head-to-head: among the tied candidates, the ones who win the most head-to-head
///   match-ups against the others in the tie (scored higher on more ballots) go ahead; the
///   comparison is repeated among those still tied; then the most five-star (maximum-score)
///   ratings; then head-to-head again among any still tied; finally the tie-break order;
/// - a tie in the runoff is broken in favour of the finalist with the higher score, then the one
///   with more five-star ratings, then the tie-break order.
/// For a two-way tie this is exactly the official protocol; for three or more tied candidates,
/// where the published texts differ (straight to five-star ratings on BetterVoting's page,
/// fewest head-to-head losses among the tied in Equal Vote's own tabulator), this reading counts
/// head-to-head wins first, as the tabulator does. Every tie met is recorded in ``Outcome/ties``.
///
/// The ranking is the winner, then the runner-up (one group if only the tie-break order
/// separated them), then the other candidates by score, equal scores tied. A candidate kept out
/// of the runoff by the tie-break order alone shares the group of the lowest-placed finalist
/// chosen over it (the method does not separate them).
public struct STARVoting: Sendable {
    public static let name = "star"

    /// The top of the scale (5 stars on the official ballot); the bottom is 0.
    public var maximumScore: Int32

    public init(maximumScore: Int32 = 5) {
        self.maximumScore = maximumScore
    }

    /// Counts `profile`, using `tieBreak` where the official protocol calls for a random draw.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let candidateCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: candidateCount)
        let voters = try CardinalInput.totalWeight(profile.weights)
        guard maximumScore >= 1 else {
            throw .invalidParameter("the maximum STAR score must be at least 1, got \(maximumScore)")
        }
        var totals = [Int64](repeating: 0, count: candidateCount)
        var topRatings = [Int64](repeating: 0, count: candidateCount)
        let ratings = profile.ratings
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * candidateCount
            for candidate in 0..<candidateCount {
                let score = ratings[base + candidate]
                if score == RatingProfile.blank { continue }
                guard score >= 0 && score <= maximumScore else {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) gives candidate \(candidate + 1) \(score) "
                            + "stars, outside 0...\(maximumScore)")
                }
                totals[candidate] = try CardinalInput.add(totals[candidate], Int64(score), times: weight)
                if score == maximumScore { topRatings[candidate] += weight }
            }
        }
        let scoreGroups = RankingByScore.groups(totals, higherIsBetter: true)
        var ties: [TieResolution] = []
        var tieSteps: [JSONValue] = []
        var finalists: [Int] = []
        var unluckyInTie: Set<Int> = []
        // Candidates only the tie-break order kept out of the runoff: the method cannot rank them
        // below the finalist(s) chosen over them.
        var passedOverByOrder: [Int] = []
        var chosenByOrder: Set<Int> = []
        for group in scoreGroups where finalists.count < 2 {
            let open = 2 - finalists.count
            if group.count <= open {
                finalists.append(contentsOf: group)
                continue
            }
            var criteria: [String] = []
            let tally = StarTally(profile: profile, totals: totals, topRatings: topRatings, tieBreak: tieBreak)
            var unresolved: [Int] = []
            let chosen = tally.choose(
                open, from: group, criteria: &criteria, steps: &tieSteps, unresolved: &unresolved)
            passedOverByOrder = unresolved.filter { !chosen.contains($0) }
            chosenByOrder = Set(unresolved.filter { chosen.contains($0) })
            ties.append(
                TieResolution(
                    round: 1, decision: "finalist", tied: group, chosen: chosen,
                    rule: "STAR scoring-round tie protocol: " + criteria.joined(separator: ", then ")))
            finalists.append(contentsOf: chosen)
            unluckyInTie = Set(group).subtracting(chosen)
        }
        let scoringEvents = (0..<candidateCount).filter { !finalists.contains($0) }.map { candidate in
            TraceEvent(
                .eliminated, candidate,
                reason: unluckyInTie.contains(candidate)
                    ? "lost the scoring-round tie for a finalist place" : "not among the two highest scores")
        }
        var scoringDetails = [
            JSONMember("five_star_ratings", .array(topRatings.map { .integer($0) })),
            JSONMember("finalists", .array(finalists.map { .integer(Int64($0)) })),
        ]
        if !tieSteps.isEmpty { scoringDetails.append(JSONMember("tie_break_steps", .array(tieSteps))) }
        var rounds = [
            TraceRound(
                number: 1, label: "scoring round",
                tallies: (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(totals[$0])) },
                events: scoringEvents, details: scoringDetails)
        ]
        let parameters = [
            JSONMember("maximum_score", .integer(Int64(maximumScore))), JSONMember("blank", .string("zero")),
            tieBreak.parameter,
        ]
        guard finalists.count == 2 else {
            // A single candidate: elected without a runoff.
            rounds[0].events.append(TraceEvent(.elected, finalists[0], reason: "the only candidate"))
            return Outcome(
                method: STARVoting.name, parameters: parameters, candidates: names, winners: finalists,
                ranking: [finalists], rounds: rounds, ties: ties)
        }
        let first = finalists[0]
        let second = finalists[1]
        let (forFirst, forSecond) = StarTally.runoff(profile, first, second)
        let noPreference = voters - forFirst - forSecond
        let winner: Int
        var decidedBy = "preferred on more ballots"
        var separated = true
        if forFirst != forSecond {
            winner = forFirst > forSecond ? first : second
        } else if totals[first] != totals[second] {
            winner = totals[first] > totals[second] ? first : second
            decidedBy = "runoff tie: the higher score"
        } else if topRatings[first] != topRatings[second] {
            winner = topRatings[first] > topRatings[second] ? first : second
            decidedBy = "runoff tie, equal scores: more five-star ratings"
        } else {
            winner = tieBreak.favoured([first, second])
            decidedBy = tieBreak.rule
            separated = false
        }
        let runnerUp = winner == first ? second : first
        if forFirst == forSecond {
            ties.append(
                TieResolution(round: 2, decision: "winner", tied: [first, second], chosen: [winner], rule: decidedBy))
        }
        rounds.append(
            TraceRound(
                number: 2, label: "automatic runoff",
                tallies: [
                    CandidateTally(candidate: first, votes: TraceNumber(forFirst)),
                    CandidateTally(candidate: second, votes: TraceNumber(forSecond)),
                ],
                exhausted: TraceNumber(noPreference),
                events: [
                    TraceEvent(.elected, winner, reason: decidedBy),
                    TraceEvent(.defeated, runnerUp, reason: "lost the automatic runoff"),
                ],
                details: [JSONMember("no_preference", .integer(noPreference))]))
        var ranking: [[Int]] = separated ? [[winner], [runnerUp]] : [[first, second].sorted()]
        if !passedOverByOrder.isEmpty {
            // They join the group of the lowest-placed finalist chosen over them by the order.
            let place = ranking.lastIndex { !chosenByOrder.isDisjoint(with: $0) } ?? ranking.count - 1
            ranking[place] = (ranking[place] + passedOverByOrder).sorted()
        }
        for group in scoreGroups {
            let rest = group.filter { $0 != first && $0 != second && !passedOverByOrder.contains($0) }
            if !rest.isEmpty { ranking.append(rest) }
        }
        return Outcome(
            method: STARVoting.name, parameters: parameters, candidates: names, winners: [winner],
            ranking: ranking, rounds: rounds, ties: ties)
    }
}

/// The facts STAR's tie protocol consults, and the protocol itself.
private struct StarTally {
    let profile: RatingProfile
    let totals: [Int64]
    let topRatings: [Int64]
    let tieBreak: TieBreakOrder

    /// The weight of ballots scoring `a` above `b`, and `b` above `a` (a blank is 0 stars).
    static func runoff(_ profile: RatingProfile, _ a: Int, _ b: Int) -> (Int64, Int64) {
        var forA: Int64 = 0
        var forB: Int64 = 0
        let count = profile.candidateCount
        let ratings = profile.ratings
        for ballot in 0..<profile.ballotCount {
            let scoreA = max(ratings[ballot * count + a], 0)
            let scoreB = max(ratings[ballot * count + b], 0)
            if scoreA > scoreB {
                forA += profile.weights[ballot]
            } else if scoreB > scoreA {
                forB += profile.weights[ballot]
            }
        }
        return (forA, forB)
    }

    /// Each of `tied`'s head-to-head wins against the others in `tied`.
    func headToHeadWins(_ tied: [Int]) -> [Int64] {
        var wins = [Int64](repeating: 0, count: tied.count)
        for i in tied.indices {
            for j in tied.indices where j > i {
                let (forI, forJ) = StarTally.runoff(profile, tied[i], tied[j])
                if forI > forJ { wins[i] += 1 }
                if forJ > forI { wins[j] += 1 }
            }
        }
        return wins
    }

    /// Picks `open` of `tied` (more than `open` candidates with equal scores): head-to-head wins
    /// among them, then five-star ratings, each narrowing the tie and starting again among those
    /// still tied; the tie-break order when neither separates them. `criteria` collects the
    /// criteria used, `steps` the values seen, for the trace; `unresolved` becomes the set the
    /// tie-break order had to choose from, if it was needed.
    func choose(
        _ open: Int, from tied: [Int], criteria: inout [String], steps: inout [JSONValue], unresolved: inout [Int]
    ) -> [Int] {
        if tied.count <= open { return tied }
        let wins = headToHeadWins(tied)
        steps.append(step("head_to_head_wins", tied, wins))
        if let chosen = narrow(
            open, tied, by: wins, "head-to-head wins among the tied", &criteria, &steps, &unresolved)
        {
            return chosen
        }
        let stars = tied.map { topRatings[$0] }
        steps.append(step("five_star_ratings", tied, stars))
        if let chosen = narrow(open, tied, by: stars, "most five-star ratings", &criteria, &steps, &unresolved) {
            return chosen
        }
        note(tieBreak.rule, &criteria)
        unresolved = tied
        return Array(tieBreak.sorted(tied).prefix(open))
    }

    /// Splits `tied` by `values` (higher first) and takes `open` of them, settling a split group
    /// by the protocol again; nil when the values do not separate anyone.
    private func narrow(
        _ open: Int, _ tied: [Int], by values: [Int64], _ criterion: String, _ criteria: inout [String],
        _ steps: inout [JSONValue], _ unresolved: inout [Int]
    ) -> [Int]? {
        let groups = RankingByScore.groups(values, higherIsBetter: true)
        guard groups.count > 1 else { return nil }
        note(criterion, &criteria)
        var chosen: [Int] = []
        for group in groups where chosen.count < open {
            let members = group.map { tied[$0] }
            let remaining = open - chosen.count
            if members.count <= remaining {
                chosen.append(contentsOf: members)
            } else {
                chosen.append(
                    contentsOf: choose(
                        remaining, from: members, criteria: &criteria, steps: &steps, unresolved: &unresolved))
            }
        }
        return chosen
    }

    private func note(_ criterion: String, _ criteria: inout [String]) {
        if !criteria.contains(criterion) { criteria.append(criterion) }
    }

    private func step(_ criterion: String, _ tied: [Int], _ values: [Int64]) -> JSONValue {
        .object([
            JSONMember("criterion", .string(criterion)),
            JSONMember("tied", .array(tied.map { .integer(Int64($0)) })),
            JSONMember("values", .array(values.map { .integer($0) })),
        ])
    }
}
