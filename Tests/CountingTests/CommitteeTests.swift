import Counting
import TestRandom
import Testing

/// The fixed-seed generator of the committee and budgeting tests.

/// The fixed-seed generator of the committee and budgeting tests.
typealias CommitteeRandom = SplitMix64

/// Properties every approval-based committee rule must have.
@Suite struct CommitteeTests {
    typealias Rule = @Sendable (Int) -> (ApprovalProfile, [String], TieBreakOrder) throws -> Outcome

    static let rules: [(name: String, rule: Rule)] = [
        ("pav", { seats in { try ProportionalApprovalVoting(seats: seats).count($0, names: $1, tieBreak: $2) } }),
        (
            "seq-pav",
            { seats in { try SequentialProportionalApprovalVoting(seats: seats).count($0, names: $1, tieBreak: $2) } }
        ),
        ("seq-phragmen", { seats in { try SequentialPhragmen(seats: seats).count($0, names: $1, tieBreak: $2) } }),
        ("equal-shares", { seats in { try EqualShares(seats: seats).count($0, names: $1, tieBreak: $2) } }),
    ]

    @Test(arguments: 0..<4)
    func aCommitteeHasExactlyTheSeatsAndMergingBallotsChangesNothing(_ ruleIndex: Int) throws {
        var random = CommitteeRandom(seed: 4242 + UInt64(ruleIndex))
        let rule = Self.rules[ruleIndex]
        for _ in 0..<60 {
            let candidates = random.next(in: 2...7)
            let seats = random.next(in: 1...candidates)
            let ballots = random.ballots(candidates: candidates, voters: random.next(in: 0...10), percent: 40)
            let names = (0..<candidates).map { "c\($0)" }
            let order = TieBreakOrder(candidateCount: candidates)
            let merged = try ApprovalProfile(candidateCount: candidates, ballots: ballots)
            let outcome = try rule.rule(seats)(merged, names, order)
            #expect(outcome.winners.count == seats, "\(rule.name)")
            #expect(Set(outcome.winners).count == seats, "\(rule.name) elects someone twice")
            #expect(outcome.method == rule.name)
            // Split every weighted ballot into single voters, listed in reverse: the same count.
            var split: [(approved: Set<Int>, weight: Int64)] = []
            for ballot in ballots.reversed() {
                for _ in 0..<ballot.weight { split.append((ballot.approved, 1)) }
            }
            let unmerged = try ApprovalProfile(candidateCount: candidates, ballots: split)
            #expect(try rule.rule(seats)(unmerged, names, order).winners == outcome.winners, "\(rule.name)")
        }
    }

    @Test(arguments: 0..<4)
    func renamingCandidatesRenamesTheCommittee(_ ruleIndex: Int) throws {
        var random = CommitteeRandom(seed: 99 + UInt64(ruleIndex))
        let rule = Self.rules[ruleIndex]
        for _ in 0..<40 {
            let candidates = random.next(in: 2...6)
            let seats = random.next(in: 1...candidates)
            let ballots = random.ballots(candidates: candidates, voters: random.next(in: 1...9), percent: 45)
            // A permutation: candidate c is called permutation[c] in the second count, and the
            // tie-break order is permuted the same way.
            var permutation = Array(0..<candidates)
            for i in stride(from: candidates - 1, to: 0, by: -1) { permutation.swapAt(i, random.next(in: 0...i)) }
            let names = (0..<candidates).map { "c\($0)" }
            let outcome = try rule.rule(seats)(
                ApprovalProfile(candidateCount: candidates, ballots: ballots), names,
                TieBreakOrder(candidateCount: candidates))
            let renamed = try rule.rule(seats)(
                ApprovalProfile(
                    candidateCount: candidates,
                    ballots: ballots.map { (Set($0.approved.map { permutation[$0] }), $0.weight) }),
                names, TieBreakOrder(order: permutation, candidateCount: candidates))
            // Optimal PAV lists its committee by candidate index; the others in order of election.
            let expected = outcome.winners.map { permutation[$0] }
            #expect(renamed.winners == (rule.name == "pav" ? expected.sorted() : expected), "\(rule.name)")
        }
    }

    @Test func aGroupOfHalfTheVotersGetsHalfTheSeats() throws {
        // Two cohesive groups of 6 and 6 voters, four seats: every proportional rule gives 2 + 2.
        let profile = try ApprovalProfile(candidateCount: 6, ballots: [([0, 1, 2], 6), ([3, 4, 5], 6)])
        for rule in Self.rules {
            let winners = try rule.rule(4)(profile, (0..<6).map { "c\($0)" }, TieBreakOrder(candidateCount: 6)).winners
            #expect(winners.filter { $0 < 3 }.count == 2, "\(rule.name)")
        }
    }

    @Test func badParametersAreRefusedWithASentence() throws {
        let profile = try ApprovalProfile(candidateCount: 3, ballots: [([0], 1)])
        let order = TieBreakOrder(candidateCount: 3)
        for rule in Self.rules {
            #expect(throws: CountingError.self) { try rule.rule(0)(profile, ["a", "b", "c"], order) }
            #expect(throws: CountingError.self) { try rule.rule(4)(profile, ["a", "b", "c"], order) }
            #expect(throws: CountingError.self) { try rule.rule(1)(profile, ["a", "b"], order) }
            #expect(throws: CountingError.self) {
                try rule.rule(1)(profile, ["a", "b", "c"], TieBreakOrder(candidateCount: 2))
            }
        }
    }

    @Test func outcomesEncodeCanonically() throws {
        let profile = try BookRunningExample.profile()
        for rule in Self.rules {
            let outcome = try rule.rule(4)(profile, BookRunningExample.names, BookRunningExample.tieBreak)
            let text = String(decoding: outcome.canonicalBytes, as: UTF8.self)
            #expect(text.contains(#""method":"\#(rule.name)""#))
            #expect(text.contains(#""seats":4"#))
            #expect(try StrictJSONParser().parse(outcome.canonicalBytes) == outcome.json.canonicalized)
        }
    }

    @Test func sequentialRulesStayFastOnLargerProfiles() throws {
        // 2,000 distinct ballots over 60 candidates, 10 seats: exact arithmetic stays fast.
        var random = CommitteeRandom(seed: 7)
        let ballots = random.ballots(candidates: 60, voters: 2000, percent: 8)
        let profile = try ApprovalProfile(candidateCount: 60, ballots: ballots)
        let names = (0..<60).map { "c\($0)" }
        let order = TieBreakOrder(candidateCount: 60)
        let clock = ContinuousClock()
        for rule in Self.rules where rule.name != "pav" {
            let start = clock.now
            let outcome = try rule.rule(10)(profile, names, order)
            #expect(outcome.winners.count == 10)
            #expect(clock.now - start < .seconds(20), "\(rule.name)")
        }
    }
}

extension SplitMix64 {
    /// A number in `range`.
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// Approval ballots over `candidates`, each candidate approved with probability `percent`%.
    mutating func ballots(candidates: Int, voters: Int, percent: Int) -> [(approved: Set<Int>, weight: Int64)] {
        (0..<voters).map { _ in
            (Set((0..<candidates).filter { _ in next(in: 0...99) < percent }), Int64(next(in: 1...3)))
        }
    }
}
