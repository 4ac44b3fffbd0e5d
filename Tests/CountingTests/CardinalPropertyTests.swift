import Counting
import Testing

/// Properties every cardinal method must have: the order and grouping of identical ballots
/// change nothing, and relabelling the candidates (with the tie-break order) relabels the
/// outcome. Small scales make ties frequent, so the tie rules are exercised too.
@Suite struct CardinalPropertyTests {
    typealias Count = @Sendable (RatingProfile, [String], TieBreakOrder) throws -> Outcome

    /// Each method with a generator of valid rows.
    static let methods: [(name: String, range: ClosedRange<Int32>, blanks: Int, count: Count)] = [
        ("score", 0...5, 5, { try ScoreVoting().count($0, names: $1, tieBreak: $2) }),
        (
            "score-excluded", 0...3, 3,
            { try ScoreVoting(maximumScore: 3, blank: .excluded).count($0, names: $1, tieBreak: $2) }
        ),
        ("score-seats", 0...2, 4, { try ScoreVoting(maximumScore: 2, seats: 2).count($0, names: $1, tieBreak: $2) }),
        ("star", 0...5, 6, { try STARVoting().count($0, names: $1, tieBreak: $2) }),
        ("star-coarse", 0...2, 0, { try STARVoting(maximumScore: 2).count($0, names: $1, tieBreak: $2) }),
        ("majority-judgment", 0...5, 6, { try MajorityJudgment().count($0, names: $1, tieBreak: $2) }),
        ("consent", 0...3, 4, { try ConsentDecision().count($0, names: $1, tieBreak: $2) }),
        ("quadratic", 0...25, 3, { try QuadraticVoting().count($0, names: $1, tieBreak: $2) }),
        ("cumulative", 0...2, 3, { try CumulativeVoting(points: 10, seats: 2).count($0, names: $1, tieBreak: $2) }),
    ]

    /// Tallies of every round as candidate -> text.
    static func tallies(_ outcome: Outcome, _ relabel: (Int) -> Int = { $0 }) -> [[Int: String]] {
        outcome.rounds.map { round in
            Dictionary(uniqueKeysWithValues: round.tallies.map { (relabel($0.candidate), $0.votes.text) })
        }
    }

    @Test(arguments: 0..<methods.count)
    func theOrderAndGroupingOfBallotsChangeNothing(_ index: Int) throws {
        let method = Self.methods[index]
        var random = CardinalRandom(seed: UInt64(100 + index))
        for _ in 0..<25 {
            let candidates = 2 + random.below(4)
            let rows = CardinalFixture.randomRows(
                &random, candidates: candidates, ballots: 1 + random.below(25), range: method.range,
                blankOdds: method.blanks)
            var singles = CardinalFixture.expanded(rows)
            for i in stride(from: singles.count - 1, to: 0, by: -1) { singles.swapAt(i, random.below(i + 1)) }
            let names = CardinalFixture.names(candidates)
            let order = TieBreakOrder(seed: random.next(), candidateCount: candidates)
            let grouped = try method.count(try CardinalFixture.ratings(candidates, rows), names, order)
            let split = try method.count(try CardinalFixture.ratings(candidates, singles), names, order)
            #expect(grouped == split, "\(method.name): \(rows)")
        }
    }

    @Test(arguments: 0..<methods.count)
    func relabellingCandidatesRelabelsTheOutcome(_ index: Int) throws {
        let method = Self.methods[index]
        var random = CardinalRandom(seed: UInt64(200 + index))
        for _ in 0..<25 {
            let candidates = 2 + random.below(4)
            let rows = CardinalFixture.randomRows(
                &random, candidates: candidates, ballots: 1 + random.below(25), range: method.range,
                blankOdds: method.blanks)
            let permutation = CardinalFixture.permutation(&random, candidates)
            let names = CardinalFixture.names(candidates)
            var movedNames = names
            for (old, new) in permutation.enumerated() { movedNames[new] = names[old] }
            let order = TieBreakOrder(seed: random.next(), candidateCount: candidates)
            let original = try method.count(try CardinalFixture.ratings(candidates, rows), names, order)
            let moved = try method.count(
                try CardinalFixture.ratings(candidates, CardinalFixture.relabelled(rows, permutation)), movedNames,
                try CardinalFixture.relabelled(order, permutation))
            #expect(original.winners.map { permutation[$0] } == moved.winners, "\(method.name): \(rows)")
            #expect(original.winnerNames == moved.winnerNames)
            #expect(
                CardinalFixture.relabelled(ranking: original.ranking, permutation) == moved.ranking.map { $0.sorted() },
                "\(method.name): \(rows)")
            #expect(Self.tallies(original, { permutation[$0] }) == Self.tallies(moved), "\(method.name): \(rows)")
            #expect(original.ties.count == moved.ties.count)
        }
    }

    @Test func approvalIsIndependentOfBallotOrderAndLabels() throws {
        var random = CardinalRandom(seed: 7)
        for _ in 0..<40 {
            let candidates = 2 + random.below(5)
            var ballots: [(approved: Set<Int>, weight: Int64)] = []
            for _ in 0..<(1 + random.below(20)) {
                let approved = Set((0..<candidates).filter { _ in random.below(2) == 0 })
                ballots.append((approved, Int64(1 + random.below(3))))
            }
            let seats = 1 + random.below(candidates)
            let names = CardinalFixture.names(candidates)
            let order = TieBreakOrder(seed: random.next(), candidateCount: candidates)
            let grouped = try ApprovalVoting(seats: seats).count(
                try ApprovalProfile(candidateCount: candidates, ballots: ballots), names: names, tieBreak: order)
            var singles = ballots.flatMap {
                Array(repeating: (approved: $0.approved, weight: Int64(1)), count: Int($0.weight))
            }
            for i in stride(from: singles.count - 1, to: 0, by: -1) { singles.swapAt(i, random.below(i + 1)) }
            let split = try ApprovalVoting(seats: seats).count(
                try ApprovalProfile(candidateCount: candidates, ballots: singles), names: names, tieBreak: order)
            #expect(grouped == split)
            let permutation = CardinalFixture.permutation(&random, candidates)
            let moved = try ApprovalVoting(seats: seats).count(
                try ApprovalProfile(
                    candidateCount: candidates,
                    ballots: ballots.map { (Set($0.approved.map { permutation[$0] }), $0.weight) }),
                names: names, tieBreak: try CardinalFixture.relabelled(order, permutation))
            #expect(grouped.winners.map { permutation[$0] } == moved.winners)
            #expect(CardinalFixture.relabelled(ranking: grouped.ranking, permutation) == moved.ranking)
        }
    }

    /// Every method's outcome encodes to canonical JSON that parses back to the same value.
    @Test(arguments: 0..<methods.count)
    func outcomesEncodeCanonically(_ index: Int) throws {
        let method = Self.methods[index]
        var random = CardinalRandom(seed: UInt64(300 + index))
        let rows = CardinalFixture.randomRows(
            &random, candidates: 4, ballots: 12, range: method.range, blankOdds: method.blanks)
        let outcome = try method.count(
            try CardinalFixture.ratings(4, rows), CardinalFixture.names(4), CardinalFixture.order(4))
        let bytes = outcome.canonicalBytes
        #expect(try StrictJSONParser().parse(bytes) == outcome.json.canonicalized)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"method\":\"\(outcome.method)\""))
    }
}

extension CardinalPropertyTests {
    /// No ballots at all: every candidate is tied, and the tie-break order's first choice leads.
    @Test(arguments: 0..<methods.count)
    func anEmptyProfileIsATieSettledByTheOrder(_ index: Int) throws {
        let order = TieBreakOrder(seed: 5, candidateCount: 4)
        let outcome = try Self.methods[index].count(
            try CardinalFixture.ratings(4, []), CardinalFixture.names(4), order)
        #expect(outcome.winners.first == order.order[0], "\(Self.methods[index].name)")
        #expect(outcome.ranking.first?.count == 4, "\(Self.methods[index].name)")
    }

    /// Weights too large for 64-bit totals are refused with a sentence, never a crash.
    @Test(arguments: 0..<methods.count)
    func overflowingTotalsAreRefused(_ index: Int) throws {
        let half = Int64.max / 2 + 1
        let profile = try CardinalFixture.ratings(2, [([1, 0], half), ([0, 1], half)])
        #expect(throws: CountingError.beyondLimit("the total ballot weight overflows 64 bits")) {
            try Self.methods[index].count(profile, CardinalFixture.names(2), CardinalFixture.order(2))
        }
    }
}
