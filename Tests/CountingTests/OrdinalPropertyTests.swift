import Counting
import TestRandom
import Testing

/// Properties of the ranked methods on random profiles (fixed-seed SplitMix64).
@Suite struct OrdinalPropertyTests {
    typealias Method = @Sendable (RankedProfile, [String], TieBreakOrder) throws -> Outcome

    static let methods: [(String, Method)] = [
        ("schulze-margin", { try Schulze(strength: .margin).count($0, names: $1, tieBreak: $2) }),
        ("schulze-winning", { try Schulze(strength: .winningVotes).count($0, names: $1, tieBreak: $2) }),
        ("ranked-pairs", { try RankedPairs().count($0, names: $1, tieBreak: $2) }),
        ("copeland", { try Copeland().count($0, names: $1, tieBreak: $2) }),
        ("minimax-margin", { try Minimax(strength: .margin).count($0, names: $1, tieBreak: $2) }),
        ("minimax-winning", { try Minimax(strength: .winningVotes).count($0, names: $1, tieBreak: $2) }),
        ("borda", { try Borda().count($0, names: $1, tieBreak: $2) }),
        ("instant-runoff", { try InstantRunoff().count($0, names: $1, tieBreak: $2) }),
        (
            "instant-runoff-php",
            {
                try InstantRunoff(majority: .allBallots, eliminationTie: .pairwiseThenTogether, equalRanks: .skipGroup)
                    .count($0, names: $1, tieBreak: $2)
            }
        ),
    ]

    static func randomProfile(_ random: inout OrdinalRandom, allowTies: Bool) throws -> RankedProfile {
        let candidates = 2 + random.below(5)
        let voters = 1 + random.below(30)
        let ballots = (0..<voters).map { _ in
            (groups: random.ballot(candidates: candidates, allowTies: allowTies), weight: Int64(1 + random.below(3)))
        }
        return try RankedProfile(candidateCount: candidates, ballots: ballots)
    }

    @Test func aCondorcetWinnerWinsEveryCondorcetMethod() throws {
        var random = OrdinalRandom(seed: 0x0D1A_2026)
        var found = 0
        for _ in 0..<400 {
            let allowTies = random.below(2) == 0
            let profile = try Self.randomProfile(&random, allowTies: allowTies)
            let matrix = try PairwiseMatrix(profile)
            guard let winner = matrix.condorcetWinner else { continue }
            found += 1
            let names = OrdinalFixture.names(profile.candidateCount)
            let order = TieBreakOrder(seed: random.next(), candidateCount: profile.candidateCount)
            for (name, method) in Self.methods where !name.hasPrefix("borda") && !name.hasPrefix("instant") {
                let outcome = try method(profile, names, order)
                #expect(outcome.winners == [winner], "\(name) did not elect the Condorcet winner")
                #expect(outcome.ranking.first == [winner], "\(name) shares first place with a Condorcet winner")
            }
        }
        #expect(found > 150)
    }

    @Test func mergingOrSplittingIdenticalBallotsChangesNothing() throws {
        var random = OrdinalRandom(seed: 77)
        for _ in 0..<150 {
            let profile = try Self.randomProfile(&random, allowTies: true)
            let unmerged = try OrdinalFixture.unmerged(profile, random: &random)
            let names = OrdinalFixture.names(profile.candidateCount)
            let order = TieBreakOrder(candidateCount: profile.candidateCount)
            for (name, method) in Self.methods {
                let merged = try method(profile, names, order)
                let split = try method(unmerged, names, order)
                #expect(merged == split, "\(name) depends on how ballots are merged")
            }
        }
    }

    @Test func relabellingCandidatesPermutesTheOutcome() throws {
        var random = OrdinalRandom(seed: 4242)
        for _ in 0..<150 {
            let profile = try Self.randomProfile(&random, allowTies: true)
            let count = profile.candidateCount
            let permutation = random.shuffled(Array(0..<count))
            let relabelled = try OrdinalFixture.relabel(profile, permutation)
            let names = OrdinalFixture.names(count)
            var movedNames = names
            for candidate in 0..<count { movedNames[permutation[candidate]] = names[candidate] }
            // The tie-break order follows the candidates, so ties are settled alike.
            let order = TieBreakOrder(seed: random.next(), candidateCount: count)
            let movedOrder = try TieBreakOrder(order: order.order.map { permutation[$0] }, candidateCount: count)
            for (name, method) in Self.methods {
                let original = try method(profile, names, order)
                let moved = try method(relabelled, movedNames, movedOrder)
                #expect(moved.winners == original.winners.map { permutation[$0] }, "\(name) winner")
                #expect(
                    moved.ranking.map { Set($0) } == original.ranking.map { Set($0.map { permutation[$0] }) },
                    "\(name) ranking")
                #expect(moved.winnerNames == original.winnerNames, "\(name) winner name")
            }
        }
    }

    @Test func everyRankingCoversEachCandidateOnceAndStartsWithTheWinner() throws {
        var random = OrdinalRandom(seed: 9)
        for _ in 0..<200 {
            let profile = try Self.randomProfile(&random, allowTies: true)
            let names = OrdinalFixture.names(profile.candidateCount)
            let order = TieBreakOrder(seed: random.next(), candidateCount: profile.candidateCount)
            for (name, method) in Self.methods {
                let outcome = try method(profile, names, order)
                #expect(outcome.ranking.flatMap { $0 }.sorted() == Array(0..<profile.candidateCount), "\(name)")
                #expect(outcome.winners.count == 1, "\(name)")
                #expect(outcome.ranking.first?.contains(outcome.winners[0]) == true, "\(name)")
                if outcome.ranking.first?.count ?? 0 > 1 {
                    #expect(outcome.ties.contains { $0.decision == "winner" }, "\(name) broke a tie silently")
                }
            }
        }
    }

    @Test func schulzeAndRankedPairsRelationsAreAcyclic() throws {
        var random = OrdinalRandom(seed: 31337)
        for _ in 0..<200 {
            let profile = try Self.randomProfile(&random, allowTies: true)
            let matrix = try PairwiseMatrix(profile)
            let n = matrix.candidateCount
            for strength in PairwiseStrength.allCases {
                let paths = Schulze(strength: strength).strongestPaths(matrix)
                for a in 0..<n {
                    for b in 0..<n where paths[a * n + b] > paths[b * n + a] {
                        for c in 0..<n where paths[b * n + c] > paths[c * n + b] {
                            #expect(paths[a * n + c] > paths[c * n + a], "Schulze's relation is not transitive")
                        }
                    }
                }
            }
            let locked = RankedPairs().lockedVictories(matrix).filter(\.locked)
            // Locked victories never contradict the final ranking.
            let ranking = try RankedPairs().count(
                matrix, names: OrdinalFixture.names(n), tieBreak: TieBreakOrder(candidateCount: n)
            ).ranking
            let place = Dictionary(
                uniqueKeysWithValues: ranking.enumerated().flatMap { index, group in group.map { ($0, index) } })
            #expect(locked.allSatisfy { place[$0.winner]! < place[$0.loser]! })
        }
    }
}
