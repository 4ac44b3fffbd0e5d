import Counting
import TestRandom
import Testing

/// Properties both STV rule sets must have, on random profiles from a fixed-seed SplitMix64.
@Suite struct STVPropertyTests {
    enum Method: CaseIterable { case scottish, meek }

    func count(
        _ method: Method, _ profile: RankedProfile, seats: Int, withdrawn: Set<Int> = [], order: TieBreakOrder
    )
        throws -> Outcome
    {
        let names = (0..<profile.candidateCount).map { "C\($0)" }
        switch method {
        case .scottish:
            return try ScottishSTV(seats: seats, withdrawn: withdrawn).count(profile, names: names, tieBreak: order)
        case .meek:
            return try MeekSTV(seats: seats, withdrawn: withdrawn).count(profile, names: names, tieBreak: order)
        }
    }

    /// Counting merged weighted ballots or every paper separately gives the same outcome. The
    /// profile builder merges identical papers, so each separate paper is made distinct by a
    /// last preference for a withdrawn dummy candidate of its own.
    @Test(arguments: Method.allCases) func splittingMergedBallotsChangesNothing(_ method: Method) throws {
        var random = STVRandom(seed: 7)
        for _ in 0..<20 {
            let ballots = random.profile(candidateCount: 6, voters: 25)
            let papers = Int(ballots.map(\.weight).reduce(0, +))
            var split: [(groups: [[Int]], weight: Int64)] = []
            for ballot in ballots {
                for _ in 0..<ballot.weight { split.append((ballot.groups + [[6 + split.count]], 1)) }
            }
            let dummies = Set(6..<(6 + papers))
            let merged = try RankedProfile(candidateCount: 6 + papers, ballots: ballots)
            let unmerged = try RankedProfile(candidateCount: 6 + papers, ballots: split)
            #expect(unmerged.ballotCount == papers)
            let order = TieBreakOrder(candidateCount: 6 + papers)
            let a = try count(method, merged, seats: 3, withdrawn: dummies, order: order)
            let b = try count(method, unmerged, seats: 3, withdrawn: dummies, order: order)
            #expect(a == b)
        }
    }

    /// Renaming the candidates (and the tie-break order with them) renames the result.
    @Test(arguments: Method.allCases) func permutingCandidatesPermutesTheResult(_ method: Method) throws {
        var random = STVRandom(seed: 11)
        for _ in 0..<20 {
            let ballots = random.profile(candidateCount: 7, voters: 50)
            var permutation = Array(0..<7)
            for i in stride(from: 6, through: 1, by: -1) { permutation.swapAt(i, random.below(i + 1)) }
            let renamed = ballots.map { (groups: $0.groups.map { $0.map { permutation[$0] } }, weight: $0.weight) }
            let original = try count(
                method, RankedProfile(candidateCount: 7, ballots: ballots), seats: 3,
                order: TieBreakOrder(candidateCount: 7))
            let other = try count(
                method, RankedProfile(candidateCount: 7, ballots: renamed), seats: 3,
                order: TieBreakOrder(order: permutation, candidateCount: 7))
            #expect(other.winners == original.winners.map { permutation[$0] })
            #expect(other.rounds.count == original.rounds.count)
            for (a, b) in zip(original.rounds, other.rounds) {
                let renamedTallies = a.tallies.map {
                    CandidateTally(candidate: permutation[$0.candidate], votes: $0.votes)
                }
                #expect(
                    b.tallies.sorted { $0.candidate < $1.candidate }
                        == renamedTallies.sorted { $0.candidate < $1.candidate })
                #expect(b.threshold == a.threshold)
                #expect(b.exhausted == a.exhausted)
            }
        }
    }

    /// Withdrawing a candidate is the same as striking them from every ballot.
    @Test(arguments: Method.allCases) func withdrawingIsStrikingFromEveryBallot(_ method: Method) throws {
        var random = STVRandom(seed: 5)
        for _ in 0..<20 {
            let ballots = random.profile(candidateCount: 6, voters: 40)
            let gone = random.below(6)
            let struck = ballots.map { (groups: $0.groups.map { $0.filter { $0 != gone } }, weight: $0.weight) }
            let order = TieBreakOrder(candidateCount: 6)
            let withdrawn = try count(
                method, RankedProfile(candidateCount: 6, ballots: ballots), seats: 2, withdrawn: [gone], order: order)
            let without = try count(
                method, RankedProfile(candidateCount: 6, ballots: struck), seats: 2, withdrawn: [gone], order: order)
            #expect(withdrawn.winners == without.winners)
            #expect(withdrawn.rounds == without.rounds)
            #expect(!withdrawn.winners.contains(gone))
        }
    }

    /// Every count fills exactly the seats, and its numbers balance: the candidates' votes and
    /// the non-transferable total add up to the valid papers in every round.
    @Test(arguments: Method.allCases) func everyCountFillsTheSeatsAndBalances(_ method: Method) throws {
        var random = STVRandom(seed: 99)
        for trial in 0..<40 {
            let candidates = 3 + random.below(6)
            let seats = 1 + random.below(candidates)
            let profile = try RankedProfile(
                candidateCount: candidates, ballots: random.profile(candidateCount: candidates, voters: 30))
            let outcome = try count(method, profile, seats: seats, order: TieBreakOrder(candidateCount: candidates))
            #expect(outcome.winners.count == seats, "trial \(trial)")
            #expect(Set(outcome.winners).count == seats)
            let scale = method == .scottish ? FixedPoint.scale(5) : FixedPoint.scale(9)
            for round in outcome.rounds {
                let units = round.tallies.map { Self.units($0.votes.text) }.reduce(0, +)
                #expect(units + Self.units(round.exhausted!.text) == Int128(profile.totalWeight) * scale)
            }
        }
    }

    static func units(_ text: String) -> Int128 { Int128(text.replacingOccurrences(of: ".", with: ""))! }
}
