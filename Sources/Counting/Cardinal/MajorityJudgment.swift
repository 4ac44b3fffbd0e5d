import BigInt

/// Majority judgment (Balinski & Laraki): voters grade every candidate on a common scale of
/// named grades; candidates are ranked by their majority grades, ties by the majority ranking.
///
/// Definition (Balinski & Laraki, "A theory of measuring, electing, and ranking", *PNAS* 104
/// (2007) 8720-8725; *Majority Judgment*, MIT Press 2011, ch. 11-13): ``grades`` names the scale
/// from worst to best, and a ballot's rating of a candidate is the grade's index (0 = worst). A
/// candidate left blank gets the **worst grade** (B&L's convention: no opinion counts as "to
/// reject"; their experiments counted missing grades so). Given a candidate's `n` grades in order,
/// its **majority grade** α is the lower middlemost: the grade at position `(n + 1) / 2` (integer
/// division) counting from the worst. Its **majority gauge** is `(p, α, q)`: `p` the share of
/// grades above α, `q` the share below, with sign `+` when `p > q`, else `-`.
///
/// Ranking: by the **majority ranking**: compare the candidates' *majority values*, the sequences
/// of grades obtained by repeatedly taking the majority grade and removing one copy of it from
/// the candidate's grades, lexicographically (the first difference decides). It agrees with the
/// majority-gauge rule (higher α first; for equal α, `+` before `-`, larger `p` first among `+`,
/// smaller `q` first among `-`) whenever the gauges differ, and it also separates candidates
/// whose gauges coincide. Two candidates tie only when their grade distributions are identical;
/// such a tie for the win is settled by the ``TieBreakOrder`` and recorded. The comparison runs in
/// time proportional to the number of grades, not of voters.
public struct MajorityJudgment: Sendable {
    public static let name = "majority-judgment"

    /// Balinski & Laraki's scale for the 2007 Orsay experiment, worst first.
    public static let balinskiLarakiGrades = ["To Reject", "Poor", "Acceptable", "Good", "Very Good", "Excellent"]

    /// The grade names, worst first; a rating is an index into this list.
    public var grades: [String]

    public init(grades: [String] = MajorityJudgment.balinskiLarakiGrades) {
        self.grades = grades
    }

    /// Counts `profile`, settling a tie between identical grade distributions with `tieBreak`.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let candidateCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: candidateCount)
        let voters = try CardinalInput.totalWeight(profile.weights)
        guard grades.count >= 2, Set(grades).count == grades.count else {
            throw .invalidParameter("majority judgment needs at least two distinct grade names")
        }
        let gradeCount = grades.count
        // counts[c * gradeCount + g]: the weight of ballots giving candidate c grade g.
        var counts = [Int64](repeating: 0, count: candidateCount * gradeCount)
        let ratings = profile.ratings
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * candidateCount
            for candidate in 0..<candidateCount {
                var grade = ratings[base + candidate]
                if grade == RatingProfile.blank {
                    grade = 0
                } else if grade < 0 || Int(grade) >= gradeCount {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) gives candidate \(candidate + 1) grade "
                            + "\(grade), outside 0...\(gradeCount - 1) (\(grades[0]) to \(grades[gradeCount - 1]))")
                }
                counts[candidate * gradeCount + Int(grade)] += weight
            }
        }
        let distributions = (0..<candidateCount).map { candidate in
            GradeDistribution(counts: Array(counts[(candidate * gradeCount)..<((candidate + 1) * gradeCount)]))
        }
        let order = (0..<candidateCount).sorted { a, b in
            let comparison = distributions[a].compareMajorityValues(with: distributions[b])
            return comparison != 0 ? comparison > 0 : a < b
        }
        var ranking: [[Int]] = []
        for candidate in order {
            if let last = ranking.last?.first, distributions[last].counts == distributions[candidate].counts {
                ranking[ranking.count - 1].append(candidate)
            } else {
                ranking.append([candidate])
            }
        }
        var ties: [TieResolution] = []
        var reason = "highest majority grade"
        if voters > 0, let top = ranking.first {
            let topGrade = distributions[top[0]].majorityGrade
            let sameGrade = order.filter { distributions[$0].majorityGrade == topGrade }
            if sameGrade.count > 1 {
                reason = "highest majority grade, first in the majority ranking among those with it"
                ties.append(
                    TieResolution(
                        round: 1, decision: "winner", tied: sameGrade, chosen: top,
                        rule: "majority ranking: repeated removal of the majority grade (Balinski & Laraki)"))
            }
        }
        let winners = RankingByScore.winners(of: ranking, seats: 1, tieBreak: tieBreak, round: 1, ties: &ties)
        if voters == 0 { reason = "no ballots: every candidate is tied" }
        let gauges: [JSONValue] = (0..<candidateCount).map { candidate in
            let distribution = distributions[candidate]
            guard voters > 0 else { return .null }
            let (above, below) = distribution.gauge
            let grade = distribution.majorityGrade
            return .object([
                JSONMember("candidate", .integer(Int64(candidate))),
                JSONMember("majority_grade", .string(grades[grade])),
                JSONMember("p", .string(Rational(BigInt(above), BigInt(voters)).description)),
                JSONMember("q", .string(Rational(BigInt(below), BigInt(voters)).description)),
                JSONMember("above", .integer(above)),
                JSONMember("below", .integer(below)),
                JSONMember("sign", .string(above > below ? "+" : "-")),
                JSONMember(
                    "gauge",
                    .string("(\(above)/\(voters), \(grades[grade])\(above > below ? "+" : "-"), \(below)/\(voters))")),
            ])
        }
        let round = TraceRound(
            number: 1, label: "majority grades",
            tallies: voters == 0
                ? []
                : (0..<candidateCount).map {
                    CandidateTally(candidate: $0, votes: TraceNumber(distributions[$0].majorityGrade))
                },
            events: winners.map { TraceEvent(.elected, $0, reason: reason) },
            details: [
                JSONMember("grades", .array(grades.map(JSONValue.string))),
                JSONMember(
                    "grade_counts", .array(distributions.map { .array($0.counts.map(JSONValue.integer)) })),
                JSONMember("majority_gauges", .array(gauges)),
            ])
        return Outcome(
            method: MajorityJudgment.name,
            parameters: [
                JSONMember("grades", .array(grades.map(JSONValue.string))),
                JSONMember("blank", .string("worst grade")), tieBreak.parameter,
            ],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}

/// One candidate's grades as counts per grade (worst first), with B&L's majority grade, gauge and
/// majority-value comparison computed from the counts alone.
public struct GradeDistribution: Sendable, Hashable {
    /// `counts[g]`: how many voters (summed weight) gave grade `g`.
    public let counts: [Int64]
    /// `cumulative[g]`: how many gave grade `g` or worse.
    let cumulative: [Int64]

    public init(counts: [Int64]) {
        self.counts = counts
        var running: Int64 = 0
        cumulative = counts.map { count in
            running += count
            return running
        }
    }

    /// The number of grades (voters).
    public var total: Int64 { cumulative.last ?? 0 }

    /// The grade at 1-based position `position` counting from the worst.
    func grade(at position: Int64) -> Int {
        var grade = 0
        while cumulative[grade] < position { grade += 1 }
        return grade
    }

    /// The lower middlemost grade (the grade at position `(n + 1) / 2` from the worst); 0 when
    /// there are no grades.
    public var majorityGrade: Int { total == 0 ? 0 : grade(at: (total + 1) / 2) }

    /// The weight of grades strictly above and strictly below the majority grade.
    public var gauge: (above: Int64, below: Int64) {
        let grade = majorityGrade
        let below = grade == 0 ? 0 : cumulative[grade - 1]
        return (total - cumulative[grade], below)
    }

    /// Compares the majority values of two distributions with the same number of grades: 1 if
    /// this one's is lexicographically greater, -1 if smaller, 0 if equal (identical counts).
    ///
    /// Repeatedly taking the lower middlemost grade and removing it visits the sorted positions
    /// outward from the middle: for `n = 2k`, positions `k, k+1, k-1, k+2, ...`; for `n = 2k+1`,
    /// `k+1, k, k+2, k-1, ...`. So the first difference of the two sequences is at the differing
    /// position visited first, found by walking the intervals on which both grades are constant.
    public func compareMajorityValues(with other: GradeDistribution) -> Int {
        let n = total
        guard n > 0, n == other.total else { return 0 }
        let k = n / 2
        let odd = n % 2 == 1
        let lowerEnd = k  // positions 1...lowerEnd lie below the middle
        let upperStart = odd ? k + 2 : k + 1  // positions upperStart...n lie above it
        /// The step at which position `p` is visited.
        func step(_ p: Int64) -> Int64 {
            if odd && p == k + 1 { return 1 }
            if p <= lowerEnd { return 2 * (k - p) + (odd ? 2 : 1) }
            return 2 * (p - upperStart) + (odd ? 3 : 2)
        }
        var bestStep = Int64.max
        var result = 0
        var mine = 0
        var theirs = 0
        var start: Int64 = 1
        while start <= n {
            while cumulative[mine] < start { mine += 1 }
            while other.cumulative[theirs] < start { theirs += 1 }
            let end = min(cumulative[mine], other.cumulative[theirs])
            if mine != theirs {
                var candidates: [Int64] = []
                if start <= lowerEnd { candidates.append(min(end, lowerEnd)) }
                if end >= upperStart { candidates.append(max(start, upperStart)) }
                if odd && start <= k + 1 && k + 1 <= end { candidates.append(k + 1) }
                for position in candidates where step(position) < bestStep {
                    bestStep = step(position)
                    result = mine > theirs ? 1 : -1
                }
            }
            start = end + 1
        }
        return result
    }
}
