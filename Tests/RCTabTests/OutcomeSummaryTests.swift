import Counting
import Foundation
import RCTab
import Testing

/// Plenum's own instant-runoff, Scottish STV and Meek STV counts written as RCTab's summary.
@Suite struct OutcomeSummaryTests {
    static func decimal(_ text: String) -> RCTabDecimal { RCTabDecimal(text)! }

    /// Compares two results value by value: every number with its scale, every name, every round.
    static func expectIdentical(
        _ actual: RCTabResult, _ expected: RCTabResult, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func same(_ a: RCTabDecimal, _ b: RCTabDecimal, _ what: String) {
            #expect(a.isIdentical(to: b), "\(what): \(a) ≠ \(b)", sourceLocation: sourceLocation)
        }
        func sameMap(_ a: [String: RCTabDecimal], _ b: [String: RCTabDecimal], _ what: String) {
            #expect(
                Set(a.keys) == Set(b.keys), "\(what): \(a.keys.sorted()) ≠ \(b.keys.sorted())",
                sourceLocation: sourceLocation)
            for (key, value) in b { if let other = a[key] { same(other, value, "\(what).\(key)") } }
        }
        #expect(actual.rounds.count == expected.rounds.count, sourceLocation: sourceLocation)
        for (a, b) in zip(actual.rounds, expected.rounds) {
            let at = "round \(b.round)"
            #expect(a.round == b.round, sourceLocation: sourceLocation)
            sameMap(a.tally, b.tally, "\(at) tally")
            same(a.threshold, b.threshold, "\(at) threshold")
            same(a.inactiveBallots.overvotes, b.inactiveBallots.overvotes, "\(at) overvotes")
            same(a.inactiveBallots.exhaustedChoices, b.inactiveBallots.exhaustedChoices, "\(at) exhaustedChoices")
            same(a.inactiveBallots.skippedRankings, b.inactiveBallots.skippedRankings, "\(at) skippedRankings")
            same(a.inactiveBallots.repeatedRankings, b.inactiveBallots.repeatedRankings, "\(at) repeatedRankings")
            #expect(a.inactiveBallots.finalRoundSurplus == nil, sourceLocation: sourceLocation)
            #expect(
                a.tallyResults.map { "\($0.action) \($0.candidate)" }
                    == b.tallyResults.map { "\($0.action) \($0.candidate)" },
                "\(at) tallyResults", sourceLocation: sourceLocation)
            for (x, y) in zip(a.tallyResults, b.tallyResults) {
                sameMap(x.transfers, y.transfers, "\(at) \(y.candidate)")
            }
        }
        #expect(actual.winners == expected.winners, sourceLocation: sourceLocation)
        #expect(actual.numCandidates == expected.numCandidates, sourceLocation: sourceLocation)
        #expect(actual.numWinners == expected.numWinners, sourceLocation: sourceLocation)
        same(actual.totalNumBallots, expected.totalNumBallots, "totalNumBallots")
        #expect(actual.undervotes == expected.undervotes, sourceLocation: sourceLocation)
        same(actual.finalThreshold, expected.finalThreshold, "finalThreshold")
    }

    /// Writes `result` and reads it back, so the written text holds exactly the mapped values.
    static func roundTrip(_ outcome: Outcome) throws -> RCTabResult {
        let text = try OutcomeSummary.text(outcome, settings: RCTabOutputSettings(contestName: "test"))
        return try RCTabSummaryFixture.read(Array(text.utf8)).0
    }

    // MARK: Instant-runoff

    /// Alice, Bob, Cara, Dan; 15 ballots, one blank. Round 1: A 5, B 4, C 3, D 2, 14 continuing
    /// (more than 7 wins: threshold 8); Dan is eliminated, his two ballots go to Cara and to no one.
    /// Round 2: A 5, B 4, C 4, 13 continuing (threshold 7); Bob and Cara tie for fewest, Cara had
    /// fewer in round 1 and is eliminated: two ballots to Bob, two exhausted (her own `[C]` and
    /// Dan's `[D, C]`). Round 3: A 5, B 6, 11 continuing (more than 5.5: threshold 6): Bob wins.
    static let irvNames = ["Alice", "Bob", "Cara", "Dan"]
    static func irvOutcome() throws -> Outcome {
        try InstantRunoff().count(try irvOutcomeProfile(), names: irvNames, tieBreak: TieBreakOrder(candidateCount: 4))
    }

    @Test func aSmallInstantRunoffCountIsExportedAsCheckedByHand() throws {
        let outcome = try Self.irvOutcome()
        #expect(outcome.winnerNames == ["Bob"])
        let d = Self.decimal
        let expected = RCTabResult(
            rounds: [
                RCTabRound(
                    round: 1, tally: ["Alice": d("5"), "Bob": d("4"), "Cara": d("3"), "Dan": d("2")],
                    tallyResults: [
                        RCTabTallyResult(.eliminated, "Dan", transfers: ["Cara": d("1"), "exhausted": d("1")])
                    ],
                    inactiveBallots: RCTabInactiveBallots(exhaustedChoices: d("0")), threshold: d("8")),
                RCTabRound(
                    round: 2, tally: ["Alice": d("5"), "Bob": d("4"), "Cara": d("4")],
                    tallyResults: [
                        RCTabTallyResult(.eliminated, "Cara", transfers: ["Bob": d("2"), "exhausted": d("2")])
                    ],
                    inactiveBallots: RCTabInactiveBallots(exhaustedChoices: d("1")), threshold: d("7")),
                RCTabRound(
                    round: 3, tally: ["Alice": d("5"), "Bob": d("6")],
                    tallyResults: [RCTabTallyResult(.elected, "Bob")],
                    inactiveBallots: RCTabInactiveBallots(exhaustedChoices: d("3")), threshold: d("6")),
            ],
            winners: ["Bob"], numCandidates: 4, numWinners: 1, totalNumBallots: d("15"), undervotes: 1,
            finalThreshold: d("6"))
        Self.expectIdentical(try OutcomeSummary.result(outcome), expected)
        Self.expectIdentical(try Self.roundTrip(outcome), expected)
        let text = try OutcomeSummary.text(
            outcome, settings: RCTabOutputSettings(contestName: "Club chair", contestDate: "2024-05-01"))
        #expect(
            text.hasPrefix("{\n  \"config\" : {\n    \"contest\" : \"Club chair\",\n    \"date\" : \"2024-05-01\","))
        #expect(text.contains("\"generatedBy\" : \"Plenum instant-runoff (RCTab 2.0.0 summary format)\""))
        #expect(text.contains("\"jsonFormatVersion\" : \"1\""))
        #expect(text.contains("\"tallyResults\" : [ {\n      \"eliminated\" : \"Dan\",\n      \"transfers\" : {"))
    }

    @Test func splitBallotsAreWrittenAsDecimalsAndAThirdIsRefused() throws {
        // One ballot ranks A and B equal: each has half of it. Round 1: A 2.5, B 1.5, C 1 of 5;
        // more than 2.5 wins, so the least winning tally in halves is 2.6 (one unit of the last place).
        let halves = try InstantRunoff().count(
            try RankedProfile(
                candidateCount: 3, ballots: [([[0, 1]], 1), ([[0], [1]], 2), ([[1]], 1), ([[2], [0]], 1)]),
            names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        let first = try OutcomeSummary.result(halves).rounds[0]
        #expect(first.tally["A"]!.isIdentical(to: Self.decimal("2.5")))
        #expect(first.tally["C"]!.isIdentical(to: Self.decimal("1")))
        #expect(first.threshold.isIdentical(to: Self.decimal("2.6")))
        let thirds = try InstantRunoff().count(
            try RankedProfile(candidateCount: 3, ballots: [([[0, 1, 2]], 1), ([[0]], 2)]), names: ["A", "B", "C"],
            tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(throws: RCTabError.self) { try OutcomeSummary.result(thirds) }
        do {
            _ = try OutcomeSummary.result(thirds)
        } catch {
            #expect(error.code == "not_decimal")
        }
    }

    @Test func otherMethodsAreRefused() throws {
        let plurality = Plurality().count(
            try RankedProfile(candidateCount: 2, rankings: [[0, 1], [1, 0], [0]]), names: ["A", "B"],
            tieBreak: TieBreakOrder(candidateCount: 2))
        do {
            _ = try OutcomeSummary.text(plurality, settings: RCTabOutputSettings(contestName: "x"))
            Issue.record("a plurality outcome was exported")
        } catch {
            #expect(error.code == "unsupported_method")
            #expect(error.message.contains("plurality"))
        }
    }

    // MARK: Scottish STV

    /// Three seats, candidates A, B, C, D; 22 papers: 20 valid, one blank, one with A and B both
    /// first (void). Quota floor(20 / 4) + 1 = 6.
    /// - Stage 1: A 8, B 7, C 3, D 2: A and B are elected.
    /// - Stage 2: A's surplus 2 at 2 × 1 / 8 = 0.25 a paper: C 5 × 0.25 = 1.25, D 2 × 0.25 = 0.5,
    ///   one paper non-transferable (0.25). A is `elected` in round 1, with these transfers.
    /// - Stage 3: B's surplus 1 at 1 / 7 = 0.14285 (truncated) a paper: D 7 × 0.14285 = 0.99995;
    ///   the 0.00005 dropped is a `residual surplus`. B's surplus waited a stage, so B is
    ///   `elected` in round 2, the round before it moves.
    /// - Stage 4: C 4.25 and D 3.49995 for one seat: D is excluded (in round 3): C gets 2 from D's
    ///   own papers, 0.5 + 0.99995 = 1.49995 are non-transferable. C reaches 6.25 and is elected.
    static func scottishOutcome() throws -> Outcome {
        let ballots: [(groups: [[Int]], weight: Int64)] = [
            ([[0], [2]], 5), ([[0], [3]], 2), ([[0]], 1), ([[1], [3]], 7), ([[2]], 3), ([[3], [2]], 2), ([], 1),
            ([[0, 1], [2]], 1),
        ]
        return try ScottishSTV(seats: 3).count(
            try RankedProfile(candidateCount: 4, ballots: ballots), names: ["A", "B", "C", "D"],
            tieBreak: TieBreakOrder(candidateCount: 4))
    }

    @Test func aSmallScottishSTVCountIsExportedAsCheckedByHand() throws {
        let outcome = try Self.scottishOutcome()
        #expect(outcome.winnerNames == ["A", "B", "C"])
        let d = Self.decimal
        let six = d("6.00000")
        let expected = RCTabResult(
            rounds: [
                RCTabRound(
                    round: 1, tally: ["A": d("8.00000"), "B": d("7.00000"), "C": d("3.00000"), "D": d("2.00000")],
                    tallyResults: [
                        RCTabTallyResult(
                            .elected, "A", transfers: ["C": d("1.25000"), "D": d("0.50000"), "exhausted": d("0.25000")])
                    ],
                    inactiveBallots: RCTabInactiveBallots(overvotes: d("1"), exhaustedChoices: d("0.00000")),
                    threshold: d("6")),
                RCTabRound(
                    round: 2, tally: ["A": six, "B": d("7.00000"), "C": d("4.25000"), "D": d("2.50000")],
                    tallyResults: [
                        RCTabTallyResult(
                            .elected, "B", transfers: ["D": d("0.99995"), "residual surplus": d("0.00005")])
                    ],
                    inactiveBallots: RCTabInactiveBallots(overvotes: d("1"), exhaustedChoices: d("0.25000")),
                    threshold: d("6")),
                RCTabRound(
                    round: 3, tally: ["A": six, "B": six, "C": d("4.25000"), "D": d("3.49995")],
                    tallyResults: [
                        RCTabTallyResult(.eliminated, "D", transfers: ["C": d("2.00000"), "exhausted": d("1.49995")])
                    ],
                    inactiveBallots: RCTabInactiveBallots(overvotes: d("1"), exhaustedChoices: d("0.25000")),
                    threshold: d("6")),
                RCTabRound(
                    round: 4, tally: ["A": six, "B": six, "C": d("6.25000")],
                    tallyResults: [RCTabTallyResult(.elected, "C")],
                    inactiveBallots: RCTabInactiveBallots(overvotes: d("1"), exhaustedChoices: d("1.74995")),
                    threshold: d("6")),
            ],
            winners: ["A", "B", "C"], numCandidates: 4, numWinners: 3, totalNumBallots: d("22"), undervotes: 1,
            finalThreshold: d("6"))
        Self.expectIdentical(try OutcomeSummary.result(outcome), expected)
        // Read back, the winners come in the order the summary lists them.
        Self.expectIdentical(try Self.roundTrip(outcome), expected)
    }

    // MARK: Meek STV

    @Test func aSingleSeatMeekCountHasItsTransfersDerivedFromTheChangesOfTally() throws {
        let outcome = try MeekSTV(seats: 1).count(
            try Self.irvOutcomeProfile(), names: Self.irvNames, tieBreak: TieBreakOrder(candidateCount: 4))
        let result = try OutcomeSummary.result(outcome)
        #expect(result.winners == ["Bob"])
        #expect(result.rounds.count == 3)
        let first = result.rounds[0]
        #expect(first.tally["Dan"]!.isIdentical(to: Self.decimal("2.000000000")))
        #expect(first.threshold.isIdentical(to: Self.decimal("7.000000001")))
        #expect(first.tallyResults.map(\.candidate) == ["Dan"])
        #expect(first.tallyResults[0].transfers == ["Cara": Self.decimal("1"), "exhausted": Self.decimal("1")])
        #expect(
            result.rounds[1].tallyResults[0].transfers == ["Bob": Self.decimal("2"), "exhausted": Self.decimal("2")])
        #expect(result.rounds[2].tallyResults.map(\.action) == [.elected])
        #expect(result.totalNumBallots.isIdentical(to: Self.decimal("14")))
        // A zero Java would write as 0E-9 is written plain, as URCVT readers require.
        let text = try OutcomeSummary.text(outcome, settings: RCTabOutputSettings(contestName: "x"))
        #expect(text.contains("\"exhaustedChoices\" : \"0.000000000\""))
        #expect(!text.contains("E-"))
    }

    @Test func aMeekCountWhoseElectedCandidatesLoseVotesIsRefused() throws {
        // Two seats, 21 papers: A (9 first preferences) is elected in round 1 (quota 7.000000001),
        // D is defeated in round 2; two of D's three papers exhaust, the quota falls to 6.2086...
        // and A's votes fall with it (7.000000002 to 6.259259270) while D's go: two sources.
        let profile = try RankedProfile(
            candidateCount: 4,
            ballots: [([[0], [1]], 9), ([[1]], 3), ([[2]], 6), ([[3]], 2), ([[3], [0]], 1)])
        let outcome = try MeekSTV(seats: 2).count(
            profile, names: ["A", "B", "C", "D"], tieBreak: TieBreakOrder(candidateCount: 4))
        do {
            _ = try OutcomeSummary.result(outcome)
            Issue.record("the multi-seat Meek count was exported")
        } catch {
            #expect(error.code == "transfers_not_derivable")
        }
        let exact = try MeekSTV(seats: 1, arithmetic: .exact).count(
            try Self.irvOutcomeProfile(), names: Self.irvNames, tieBreak: TieBreakOrder(candidateCount: 4))
        do {
            _ = try OutcomeSummary.result(exact)
            Issue.record("an exact Meek count was exported")
        } catch {
            #expect(error.code == "unsupported_option")
        }
    }

    static func irvOutcomeProfile() throws -> RankedProfile {
        try RankedProfile(
            candidateCount: 4,
            ballots: [
                ([[0]], 5), ([[1], [2]], 4), ([[2], [1]], 2), ([[2]], 1), ([[3], [2]], 1), ([[3]], 1), ([], 1),
            ])
    }

    // MARK: RCTab cast-vote records counted by Plenum

    @Test func rctabBallotsAreReadAsRCTabWalksThem() throws {
        let candidates = ["A", "B", "C", "X"].map { RCTabCandidate(name: $0, excluded: $0 == "X") }
        let a = RCTabMark.candidate("A")
        let b = RCTabMark.candidate("B")
        let c = RCTabMark.candidate("C")
        let ballots = [
            RCTabBallot(rankings: [[a], [], [b], [], [], [c]]),  // one skip passes, two end it
            RCTabBallot(rankings: [[a], [b, c], [c]]),  // overvote ends it (exhaustImmediately)
            RCTabBallot(rankings: [[.overvote], [b]]),  // overvote label at rank 1: blank for Plenum
            RCTabBallot(rankings: [[b], [a], [b], [c]]),  // a repeated candidate is dropped
            RCTabBallot(rankings: [[.candidate("X")], [c], [a]], count: 2),  // excluded X passed over
            RCTabBallot(rankings: [[a], [b], [c]]),  // past maxRankingsAllowed (2): not read
        ]
        let rules = RCTabRules(overvoteRule: .exhaustImmediately, maxSkippedRanksAllowed: 1, maxRankingsAllowed: 4)
        let read = try RCTabRankedProfile(candidates: candidates, ballots: ballots, rules: rules)
        #expect(read.names == ["A", "B", "C"])
        let rankings = (0..<read.profile.ballotCount).map { read.profile.groups(of: $0) }
        #expect(rankings == [[[0], [1]], [[0]], [], [[1], [0], [2]], [[2], [0]], [[0], [1], [2]]])
        #expect(read.profile.weights == [1, 1, 1, 1, 2, 1])
        var limited = rules
        limited.maxRankingsAllowed = 2
        limited.overvoteRule = .alwaysSkipToNextRank
        let short = try RCTabRankedProfile(candidates: candidates, ballots: ballots, rules: limited)
        let shortRankings = (0..<short.profile.ballotCount).map { short.profile.groups(of: $0) }
        #expect(shortRankings == [[[0]], [[1]], [[1], [0]], [[2]], [[0], [1]]])
        limited.overvoteRule = .exhaustIfMultipleContinuing
        #expect(throws: RCTabError.self) {
            try RCTabRankedProfile(candidates: candidates, ballots: ballots, rules: limited)
        }
    }

    /// The 2013 Minneapolis mayor race, counted by Plenum's own instant-runoff from RCTab's
    /// cast-vote records (read with the contest's ballot rules) and exported: its winner, first
    /// round and threshold are RCTab's, and so is every round where the same candidates remain
    /// (RCTab eliminates in batches, Plenum one at a time; a ballot's place depends only on who
    /// remains, so equal sets of candidates have equal tallies, and the same inactive ballots).
    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func theMinneapolisMayorRaceCountedByPlenumAgreesWithRCTab() throws {
        let contest = "2013_minneapolis_mayor"
        let session = try RCTabSession(configPath: RCTabCorpus.configPath(contest), readFile: RCTabCorpus.readFile)
        let read = try RCTabRankedProfile(
            candidates: session.tabulationCandidates, ballots: session.ballots, rules: session.config.rules)
        #expect(read.names.count == 36)
        let outcome = try InstantRunoff().count(
            read.profile, names: read.names, tieBreak: TieBreakOrder(candidateCount: read.names.count))
        #expect(outcome.winnerNames == ["BETSY HODGES"])
        let text = try OutcomeSummary.text(outcome, settings: session.config.outputSettings)
        let exported = try RCTabSummaryFixture.read(Array(text.utf8)).0
        let expected = try RCTabSummaryFixture.read(
            try RCTabCorpus.bytes(RCTabCorpus.expectedReports(contest)[0].path)
        ).0
        #expect(exported.winners == ["BETSY HODGES"])
        #expect(exported.rounds[0].tally == expected.rounds[0].tally)
        #expect(exported.rounds[0].tally.count == 36)
        #expect(exported.rounds[0].threshold == expected.rounds[0].threshold)
        #expect(exported.totalNumBallots == expected.totalNumBallots)
        // Blank records (639), and those whose first rank is an overvote (103) or comes after two
        // skipped ranks (47), rank no one for Plenum: its undervotes.
        #expect(exported.undervotes == 639 + 103 + 47)
        var matched = 0
        for round in expected.rounds {
            guard let same = exported.rounds.first(where: { Set($0.tally.keys) == Set(round.tally.keys) }) else {
                continue
            }
            #expect(same.tally == round.tally, "RCTab's round \(round.round)")
            #expect(same.threshold == round.threshold, "RCTab's round \(round.round)")
            let inactive = round.inactiveBallots
            #expect(
                same.inactiveBallots.exhaustedChoices
                    == inactive.exhaustedChoices + inactive.overvotes + inactive.skippedRankings
                    - Self.decimal("150"), "RCTab's round \(round.round)")
            matched += 1
        }
        // RCTab's rounds 2 to 9 have no match: RCTab eliminates the undeclared write-ins in round
        // 1 whatever their votes; for Plenum they are a candidate like the others (out in round 9).
        #expect(matched == 25)
        #expect(exported.rounds.count == 35)
        #expect(exported.rounds.last!.tally == expected.rounds.last!.tally)
    }
}
