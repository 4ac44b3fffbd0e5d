import Counting
import Testing

/// Hand-checked cases with published answers for the ranked single-winner methods.
@Suite struct OrdinalTextbookTests {
    // The Tennessee capital example (Wikipedia, "Condorcet method", "Instant-runoff voting",
    // "Borda count", "Ranked pairs", "Schulze method"): 42% Memphis > Nashville > Chattanooga >
    // Knoxville, 26% Nashville > Chattanooga > Knoxville > Memphis, 15% Chattanooga > Knoxville >
    // Nashville > Memphis, 17% Knoxville > Chattanooga > Nashville > Memphis. Published answers:
    // plurality elects Memphis, instant-runoff Knoxville, Borda and every Condorcet method
    // Nashville (the Condorcet winner); the Condorcet ranking is Nashville > Chattanooga >
    // Knoxville > Memphis; Borda's points (3-2-1-0 scale) are Nashville 194, Chattanooga 173,
    // Memphis 126, Knoxville 107.
    let tennesseeNames = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]
    var tennessee: RankedProfile {
        get throws {
            try OrdinalFixture.profile(
                4, [(42, [0, 1, 2, 3]), (26, [1, 2, 3, 0]), (15, [2, 3, 1, 0]), (17, [3, 2, 1, 0])])
        }
    }
    let order4 = TieBreakOrder(candidateCount: 4)

    @Test func tennesseeCondorcetMethodsElectNashville() throws {
        let profile = try tennessee
        let matrix = try PairwiseMatrix(profile)
        #expect(matrix.condorcetWinner == 1)
        #expect(matrix.votes(1, over: 0) == 58 && matrix.votes(2, over: 3) == 83 && matrix.votes(1, over: 2) == 68)
        let condorcetRanking = [[1], [2], [3], [0]]
        for strength in PairwiseStrength.allCases {
            let schulze = try Schulze(strength: strength).count(profile, names: tennesseeNames, tieBreak: order4)
            #expect(schulze.winners == [1] && schulze.ranking == condorcetRanking)
            let minimax = try Minimax(strength: strength).count(profile, names: tennesseeNames, tieBreak: order4)
            #expect(minimax.winners == [1])
            #expect(minimax.ranking == [[1], [0], [2], [3]])
        }
        let pairs = try RankedPairs().count(profile, names: tennesseeNames, tieBreak: order4)
        #expect(pairs.winners == [1] && pairs.ranking == condorcetRanking)
        let copeland = try Copeland().count(profile, names: tennesseeNames, tieBreak: order4)
        #expect(copeland.winners == [1] && copeland.ranking == condorcetRanking)
        #expect(copeland.rounds[0].tallies.map(\.votes.text) == ["-3", "3", "1", "-1"])
    }

    @Test func tennesseeBordaPluralityAndInstantRunoff() throws {
        let profile = try tennessee
        let classic = try Borda(lastPlacePoints: 0).count(profile, names: tennesseeNames, tieBreak: order4)
        #expect(classic.rounds[0].tallies.map(\.votes.text) == ["126", "194", "173", "107"])
        #expect(classic.winners == [1] && classic.ranking == [[1], [2], [0], [3]])
        let borda = try Borda().count(profile, names: tennesseeNames, tieBreak: order4)
        #expect(borda.rounds[0].tallies.map(\.votes.text) == ["226", "294", "273", "207"])
        #expect(borda.ranking == classic.ranking)
        #expect(Plurality().count(profile, names: tennesseeNames, tieBreak: order4).winners == [0])
        let runoff = try InstantRunoff().count(profile, names: tennesseeNames, tieBreak: order4)
        #expect(runoff.winners == [3])
        // Chattanooga (15) goes first, then Nashville (26); Knoxville then holds 58 of 100.
        #expect(runoff.rounds[0].tallies.map(\.votes.text) == ["42", "26", "15", "17"])
        #expect(runoff.rounds[0].threshold?.text == "50")
        #expect(runoff.rounds[0].events == [TraceEvent(.eliminated, 2, reason: "fewest votes")])
        #expect(runoff.rounds[1].transfers == [Transfer(from: 2, to: 3, votes: TraceNumber(15))])
        #expect(runoff.rounds[2].transfers == [Transfer(from: 1, to: 3, votes: TraceNumber(26))])
        #expect(runoff.rounds[2].tallies.map(\.votes.text) == ["42", "58"])
        #expect(runoff.rounds[2].events.first?.kind == .elected)
        // Ranking the others: Memphis, the only one left, then the eliminated, last out highest.
        #expect(runoff.ranking == [[3], [0], [1], [2]])
        #expect(runoff.ties.isEmpty)
    }

    // Wikipedia, "Schulze method", section "Example": 45 voters, 5 candidates. Published: the
    // pairwise table d, the strongest paths p (winning votes), and the result E > A > C > B > D.
    @Test func schulzeWikipediaExample() throws {
        let ballots: [(Int64, String)] = [
            (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"),
            (8, "EBADC"),
        ]
        let profile = try OrdinalFixture.profile(
            5, ballots.map { ($0.0, $0.1.unicodeScalars.map { Int($0.value) - 65 }) })
        let names = ["A", "B", "C", "D", "E"]
        let matrix = try PairwiseMatrix(profile)
        #expect(
            matrix.counts == [
                0, 20, 26, 30, 22, 25, 0, 16, 33, 18, 19, 29, 0, 17, 24, 15, 12, 28, 0, 14, 23, 27, 21, 31, 0,
            ])
        let schulze = Schulze(strength: .winningVotes)
        #expect(
            schulze.strongestPaths(matrix) == [
                0, 28, 28, 30, 24, 25, 0, 28, 33, 24, 25, 29, 0, 29, 24, 25, 28, 28, 0, 24, 25, 28, 28, 31, 0,
            ])
        let outcome = try schulze.count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 5))
        #expect(outcome.winners == [4])
        #expect(outcome.ranking == [[4], [0], [2], [1], [3]])
        #expect(outcome.rounds[0].details.map(\.key) == ["pairwise", "strongest_paths"])
        // With complete ballots the margin variant agrees.
        let margin = try Schulze(strength: .margin).count(
            profile, names: names, tieBreak: TieBreakOrder(candidateCount: 5))
        #expect(margin.ranking == outcome.ranking)
    }

    // Hand-checked cycle: 35 A>B>C, 33 B>C>A, 32 C>A>B. A beats B 67-33 (margin 34), B beats C
    // 68-32 (36), C beats A 65-35 (30): B>C is locked, then A>B, and C>A is skipped (it would
    // close the cycle), so A > B > C. Schulze and Minimax agree (A's worst defeat is the
    // weakest); Copeland sees three candidates with one win and one defeat each.
    @Test func rankedPairsLocksTheStrongestAndSkipsTheCycle() throws {
        let profile = try OrdinalFixture.profile(3, [(35, [0, 1, 2]), (33, [1, 2, 0]), (32, [2, 0, 1])])
        let names = ["A", "B", "C"]
        let order = TieBreakOrder(candidateCount: 3)
        let matrix = try PairwiseMatrix(profile)
        let victories = RankedPairs().lockedVictories(matrix)
        #expect(victories.map { [$0.winner, $0.loser] } == [[1, 2], [0, 1], [2, 0]])
        #expect(victories.map(\.margin) == [36, 34, 30])
        #expect(victories.map(\.locked) == [true, true, false])
        let outcome = try RankedPairs().count(profile, names: names, tieBreak: order)
        #expect(outcome.winners == [0] && outcome.ranking == [[0], [1], [2]])
        guard case .array(let pairs)? = outcome.rounds[0].details.first(where: { $0.key == "pairs" })?.value else {
            Issue.record("no pairs in the trace")
            return
        }
        #expect(pairs.count == 3)
        #expect(
            pairs.last
                == .object([
                    JSONMember("winner", .integer(2)), JSONMember("loser", .integer(0)),
                    JSONMember("margin", .integer(30)),
                    JSONMember("opposition", .integer(35)), JSONMember("batch", .integer(3)),
                    JSONMember("status", .string("skipped")),
                ]))
        #expect(try Schulze().count(profile, names: names, tieBreak: order).ranking == [[0], [1], [2]])
        let minimax = try Minimax().count(profile, names: names, tieBreak: order)
        #expect(minimax.rounds[0].tallies.map(\.votes.text) == ["65", "67", "68"])
        let copeland = try Copeland().count(profile, names: names, tieBreak: order)
        #expect(copeland.ranking == [[0, 1, 2]])
        #expect(copeland.winners == [0])
        #expect(
            copeland.ties == [
                TieResolution(round: 1, decision: "winner", tied: [0, 1, 2], chosen: [0], rule: order.rule)
            ])
    }

    // A perfect three-way cycle, one voter each: the three victories are equally strong, form one
    // batch, and all lie on the cycle, so none is locked: the ranking is one tie, and only the
    // tie-break order names a winner.
    @Test func rankedPairsSkipsABatchThatFormsACycle() throws {
        let profile = try OrdinalFixture.profile(3, [(1, [0, 1, 2]), (1, [1, 2, 0]), (1, [2, 0, 1])])
        let order = try TieBreakOrder(order: [2, 0, 1], candidateCount: 3)
        let outcome = try RankedPairs().count(profile, names: ["A", "B", "C"], tieBreak: order)
        #expect(RankedPairs().lockedVictories(try PairwiseMatrix(profile)).allSatisfy { !$0.locked && $0.batch == 1 })
        #expect(outcome.ranking == [[0, 1, 2]])
        #expect(outcome.winners == [2])
        #expect(outcome.ties.count == 1)
    }

    // Hand-checked: 2 voters B > A, 3 voters C > B, 2 voters B > A > C (truncated ballots). B beats
    // A 4-0, A beats C 2-0, C beats B 3-2. Worst defeats by margin: A 4, B 1, C 2, so B wins; by
    // winning votes: A 4, B 3, C 2, so C wins.
    @Test func minimaxMarginAndWinningVotesDisagreeOnTruncatedBallots() throws {
        let profile = try OrdinalFixture.profile(3, [(2, [1, 0]), (3, [2, 1]), (2, [1, 0, 2])])
        let names = ["A", "B", "C"]
        let order = TieBreakOrder(candidateCount: 3)
        let margin = try Minimax(strength: .margin).count(profile, names: names, tieBreak: order)
        #expect(margin.rounds[0].tallies.map(\.votes.text) == ["4", "1", "2"])
        #expect(margin.winners == [1] && margin.ranking == [[1], [2], [0]])
        let winning = try Minimax(strength: .winningVotes).count(profile, names: names, tieBreak: order)
        #expect(winning.rounds[0].tallies.map(\.votes.text) == ["4", "3", "2"])
        #expect(winning.winners == [2] && winning.ranking == [[2], [1], [0]])
        #expect(winning.parameters.first == JSONMember("strength", .string("winning-votes")))
        // An undefeated candidate's margin score is negative: here a Condorcet winner.
        let plain = try OrdinalFixture.profile(2, [(3, [0, 1]), (1, [1, 0])])
        let beats = try Minimax(strength: .margin).count(
            plain, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 2))
        #expect(beats.rounds[0].tallies.map(\.votes.text) == ["-2", "2"])
    }

    @Test func bordaSharesTiedPositionsAndSkipsTheUnranked() throws {
        // A=B > C on one ballot: A and B share 3 + 2 points; C gets 1. A lone C gets 3.
        let profile = try RankedProfile(candidateCount: 3, ballots: [([[0, 1], [2]], 1), ([[2]], 1), ([], 2)])
        let outcome = try Borda().count(profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["5/2", "5/2", "4"])
        #expect(outcome.rounds[0].exhausted?.text == "2")
        #expect(outcome.ranking == [[2], [0, 1]])
        #expect(throws: CountingError.self) { try Borda(lastPlacePoints: -1) }
    }

    @Test func pairwiseCountsOnlyWhatABallotRanks() throws {
        // A > B=C with D unranked: A over B and C; nothing between B and C, nor about D.
        let profile = try RankedProfile(candidateCount: 4, ballots: [([[0], [1, 2]], 3)])
        let matrix = try PairwiseMatrix(profile)
        #expect(matrix.votes(0, over: 1) == 3 && matrix.votes(0, over: 2) == 3)
        #expect(matrix.votes(1, over: 2) == 0 && matrix.votes(2, over: 1) == 0)
        #expect((0..<4).allSatisfy { matrix.votes($0, over: 3) == 0 && matrix.votes(3, over: $0) == 0 })
        #expect(throws: CountingError.self) { try PairwiseMatrix(candidateCount: 2, counts: [0, 1, -1, 0]) }
        #expect(throws: CountingError.self) { try PairwiseMatrix(candidateCount: 2, counts: [1, 0, 0, 0]) }
    }

    @Test func mismatchedNamesOrTieBreakOrdersAreRefused() throws {
        let profile = try OrdinalFixture.profile(3, [(1, [0, 1, 2])])
        let short = TieBreakOrder(candidateCount: 2)
        #expect(throws: CountingError.self) { try Schulze().count(profile, names: ["A", "B", "C"], tieBreak: short) }
        #expect(throws: CountingError.self) {
            try InstantRunoff().count(profile, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 3))
        }
        let huge = try RankedProfile(candidateCount: 2, ballots: [([[0]], Int64.max), ([[1]], Int64.max)])
        #expect(throws: CountingError.self) { try PairwiseMatrix(huge) }
        #expect(throws: CountingError.self) { try Borda().count(huge, names: ["A", "B"], tieBreak: short) }
        #expect(throws: CountingError.self) { try InstantRunoff().count(huge, names: ["A", "B"], tieBreak: short) }
    }
}
