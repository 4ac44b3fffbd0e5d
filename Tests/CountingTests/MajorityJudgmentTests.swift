import Counting
import Testing

/// Majority judgment: majority grades, gauges, and the majority ranking's repeated removal.
@Suite struct MajorityJudgmentTests {
    /// Builds ballots realising each candidate's grade counts (worst grade first): ballot `i`
    /// gives every candidate its `i`-th lowest grade. Majority judgment depends only on these
    /// per-candidate distributions.
    static func profile(_ counts: [[Int64]]) throws -> RatingProfile {
        let voters = counts[0].reduce(0, +)
        var rows: [([Int32?], Int64)] = []
        for position in 1...voters {
            let row: [Int32?] = counts.map { histogram in
                var running: Int64 = 0
                for (grade, count) in histogram.enumerated() {
                    running += count
                    if running >= position { return Int32(grade) }
                }
                return nil
            }
            rows.append((row, 1))
        }
        return try CardinalFixture.ratings(counts.count, rows)
    }

    /// Wikipedia, "Condorcet winner criterion", majority judgment example: 35 voters grade A
    /// excellent, B fair, C poor; 34 grade C excellent, B fair, A poor; 31 grade B excellent, C
    /// good, A fair. B is the Condorcet winner, but C has the best median grade (good) and wins.
    @Test func wikipediaExampleElectsTheBestMedian() throws {
        let grades = ["Poor", "Fair", "Good", "Excellent"]
        let profile = try CardinalFixture.ratings(3, [([3, 1, 0], 35), ([0, 1, 3], 34), ([1, 3, 2], 31)])
        let outcome = try MajorityJudgment(grades: grades).count(
            profile, names: ["A", "B", "C"], tieBreak: CardinalFixture.order(3))
        #expect(outcome.winnerNames == ["C"])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1", "1", "2"])
        // A and B are both "Fair+": A's p (35/100) beats B's (31/100).
        #expect(outcome.ranking == [[2], [0], [1]])
        #expect(outcome.ties.isEmpty)
    }

    /// Balinski & Laraki's Orsay experiment (2007 French presidential election, 1,752 voters;
    /// grade distributions in percent as published in "Election by majority judgment:
    /// experimental evidence", 2011, table of results, a missing grade counted as "To Reject"),
    /// in thousandths, for the five candidates whose published rows add up to 100%. Bayrou's
    /// majority grade is Good+, the winning grade B&L report; the gauges below are read off the
    /// distributions by hand, and the order of finish among these five is the published one.
    @Test func orsay2007() throws {
        let counts: [[Int64]] = [
            [74, 84, 148, 251, 307, 136],  // Bayrou
            [282, 71, 115, 143, 198, 191],  // Sarkozy
            [205, 261, 237, 175, 93, 29],  // Voynet
            [311, 226, 160, 163, 99, 41],  // Besancenot
            [304, 264, 206, 125, 76, 25],  // Buffet
        ]
        let names = ["Bayrou", "Sarkozy", "Voynet", "Besancenot", "Buffet"]
        let outcome = try MajorityJudgment().count(
            try Self.profile(counts), names: names, tieBreak: CardinalFixture.order(5))
        #expect(outcome.winnerNames == ["Bayrou"])
        #expect(outcome.rankingNames == [["Bayrou"], ["Sarkozy"], ["Voynet"], ["Besancenot"], ["Buffet"]])
        guard case .array(let gauges)? = outcome.rounds[0].details.first(where: { $0.key == "majority_gauges" })?.value
        else {
            Issue.record("no gauges in the trace")
            return
        }
        let gaugeTexts = gauges.compactMap { gauge -> String? in
            guard case .object(let members) = gauge else { return nil }
            guard case .string(let text)? = members.first(where: { $0.key == "gauge" })?.value else { return nil }
            return text
        }
        #expect(
            gaugeTexts == [
                "(443/1000, Good+, 306/1000)", "(389/1000, Good-, 468/1000)", "(297/1000, Acceptable-, 466/1000)",
                "(463/1000, Poor+, 311/1000)", "(432/1000, Poor+, 304/1000)",
            ])
    }

    /// Two candidates with the same gauge (1/3, Acceptable-, 1/3) but different grades: the
    /// majority ranking's repeated removal separates them (B's second majority value, Poor,
    /// beats A's To Reject), where a gauge-only rule would call it a tie.
    @Test func repeatedRemovalSeparatesEqualGauges() throws {
        let profile = try CardinalFixture.ratings(2, [([0, 1], 1), ([2, 2], 1), ([3, 3], 1)])
        let outcome = try MajorityJudgment().count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        #expect(outcome.winners == [1])
        #expect(outcome.ranking == [[1], [0]])
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties[0].rule.contains("repeated removal"))
    }

    @Test func identicalDistributionsTieAndTheTieBreakOrderDecides() throws {
        let profile = try CardinalFixture.ratings(3, [([4, 2, 1], 1), ([2, 4, 1], 1)])
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let outcome = try MajorityJudgment().count(profile, names: ["A", "B", "C"], tieBreak: reversed)
        #expect(outcome.ranking == [[0, 1], [2]])
        #expect(outcome.winners == [1])
        #expect(
            outcome.ties.last
                == TieResolution(round: 1, decision: "winner", tied: [0, 1], chosen: [1], rule: reversed.rule))
    }

    @Test func aBlankIsTheWorstGrade() throws {
        let blanks = try CardinalFixture.ratings(2, [([nil, 3], 2), ([5, nil], 1)])
        let worst = try CardinalFixture.ratings(2, [([0, 3], 2), ([5, 0], 1)])
        let names = ["A", "B"]
        let a = try MajorityJudgment().count(blanks, names: names, tieBreak: CardinalFixture.order(2))
        let b = try MajorityJudgment().count(worst, names: names, tieBreak: CardinalFixture.order(2))
        #expect(a.rounds == b.rounds)
        #expect(a.winners == [1])
    }

    @Test func gradesOutsideTheScaleAreRejected() throws {
        let profile = try CardinalFixture.ratings(2, [([1, 6], 1)])
        #expect(throws: CountingError.self) {
            try MajorityJudgment().count(profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
        #expect(throws: CountingError.self) {
            try MajorityJudgment(grades: ["Only"]).count(
                profile, names: ["A", "B"], tieBreak: CardinalFixture.order(2))
        }
    }

    /// The majority value by its definition: take the lower middlemost grade, remove one copy,
    /// repeat.
    static func majorityValue(_ counts: [Int64]) -> [Int] {
        var grades: [Int] = []
        for (grade, count) in counts.enumerated() { grades += Array(repeating: grade, count: Int(count)) }
        var value: [Int] = []
        while !grades.isEmpty {
            let index = (grades.count + 1) / 2 - 1
            value.append(grades.remove(at: index))
        }
        return value
    }

    /// The fast comparison equals the lexicographic comparison of majority values built by the
    /// definition, for every pair of random distributions (odd and even numbers of voters).
    @Test func theComparisonMatchesTheDefinition() {
        var random = CardinalRandom(seed: 2007)
        for voters in 1...13 {
            let distributions: [[Int64]] = (0..<40).map { _ in
                var counts = [Int64](repeating: 0, count: 4)
                for _ in 0..<voters { counts[random.below(4)] += 1 }
                return counts
            }
            for a in distributions {
                for b in distributions {
                    let (left, right) = (Self.majorityValue(a), Self.majorityValue(b))
                    let expected = left == right ? 0 : (left.lexicographicallyPrecedes(right) ? -1 : 1)
                    let actual = GradeDistribution(counts: a).compareMajorityValues(with: GradeDistribution(counts: b))
                    #expect(actual == expected, "\(a) vs \(b)")
                }
            }
        }
    }

    /// Balinski & Laraki's majority-gauge rule is implied by the majority ranking: whenever two
    /// gauges differ in the gauge order, the ranking agrees.
    @Test func theGaugeOrderAgreesWithTheMajorityRanking() {
        var random = CardinalRandom(seed: 11)
        /// Positive when gauge a is better: higher grade; then + before -; larger p among +,
        /// smaller q among -.
        func gaugeOrder(_ a: GradeDistribution, _ b: GradeDistribution) -> Int {
            if a.majorityGrade != b.majorityGrade { return a.majorityGrade > b.majorityGrade ? 1 : -1 }
            let (pa, qa) = a.gauge
            let (pb, qb) = b.gauge
            let plusA = pa > qa
            let plusB = pb > qb
            if plusA != plusB { return plusA ? 1 : -1 }
            if plusA { return pa == pb ? 0 : (pa > pb ? 1 : -1) }
            return qa == qb ? 0 : (qa < qb ? 1 : -1)
        }
        var decided = 0
        for _ in 0..<3000 {
            let voters = 1 + random.below(30)
            var a = [Int64](repeating: 0, count: 6)
            var b = [Int64](repeating: 0, count: 6)
            for _ in 0..<voters {
                a[random.below(6)] += 1
                b[random.below(6)] += 1
            }
            let (left, right) = (GradeDistribution(counts: a), GradeDistribution(counts: b))
            let gauge = gaugeOrder(left, right)
            if gauge != 0 {
                decided += 1
                #expect(left.compareMajorityValues(with: right) == gauge, "\(a) vs \(b)")
            }
        }
        #expect(decided > 2000)
    }
}
