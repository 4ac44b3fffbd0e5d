import Counting
import Testing

/// Scottish STV (SSI 2011/399 rules 46-53): hand-checked traces, published examples, ties,
/// void papers, and properties.
@Suite struct ScottishSTVTests {
    let abcd = ["A", "B", "C", "D"]

    /// Worked by hand. 14 papers, 2 seats: quota = floor(14 / 3) + 1 = 5.
    /// Stage 1: A 7, B 2, C 2, D 3; A is elected with surplus 2.
    /// Stage 2: transfer value = 2 x 1 / 7 = 0.285714... -> 0.28571 (truncated, rule 49(3)).
    ///   A,B x4 -> B + 4 x 0.28571 = 1.14284; A,C x2 -> C + 0.57142; A x1 -> non-transferable 0.28571.
    ///   Credited 1.71426 of 2, so 0.28574 is not credited: 0.28571 on the paper with no next
    ///   preference, 0.00003 in ignored remainders. A 5, B 3.14284, C 2.57142, D 3.
    /// Stage 3: nobody has a surplus; C has fewest votes and is excluded: C,B x2 at 1 -> B + 2;
    ///   A,C x2 at 0.28571 have no next preference -> non-transferable 0.57142.
    ///   B 5.14284 reaches the quota; both seats are filled.
    @Test func aSmallCountMatchesTheHandComputedTrace() throws {
        let profile = try STVFixtures.profile(
            candidateCount: 4, [(4, [1, 2]), (2, [1, 3]), (1, [1]), (2, [2]), (2, [3, 2]), (3, [4, 3])])
        let outcome = try ScottishSTV(seats: 2).count(profile, names: abcd, tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.winners == [0, 1])
        #expect(outcome.ranking.isEmpty)
        #expect(outcome.rounds.count == 3)
        let (first, second, third) = (outcome.rounds[0], outcome.rounds[1], outcome.rounds[2])
        #expect(first.threshold?.text == "5")
        #expect(STVFixtures.tallies(first) == ["7.00000", "2.00000", "2.00000", "3.00000"])
        #expect(first.events == [TraceEvent(.elected, 0, reason: "reached the quota (rule 48)")])
        #expect(STVFixtures.tallies(second) == ["5.00000", "3.14284", "2.57142", "3.00000"])
        #expect(
            second.transfers == [
                Transfer(from: 0, to: 1, votes: TraceNumber(FixedPoint(units: 114_284, places: 5))),
                Transfer(from: 0, to: 2, votes: TraceNumber(FixedPoint(units: 57_142, places: 5))),
                Transfer(from: 0, to: nil, votes: TraceNumber(FixedPoint(units: 28_574, places: 5))),
            ])
        #expect(second.exhausted?.text == "0.28574")
        let details = second.details.map(\.key)
        #expect(details == ["surplus", "transfer_values", "non_transferable_papers", "remainders_ignored"])
        #expect(
            second.details[1].value
                == .array([
                    .object([
                        JSONMember("paper_value", .string("1.00000")), JSONMember("transfer_value", .string("0.28571")),
                        JSONMember("papers", .integer(7)),
                    ])
                ]))
        #expect(second.details[2].value == .string("0.28571"))
        #expect(second.details[3].value == .string("0.00003"))
        #expect(STVFixtures.tallies(third) == ["5.00000", "5.14284", "0.00000", "3.00000"])
        #expect(third.exhausted?.text == "0.85716")
        #expect(
            third.events == [
                TraceEvent(.excluded, 2, reason: "fewest votes (rule 51)"),
                TraceEvent(.elected, 1, reason: "reached the quota (rule 48)"),
            ])
        #expect(outcome.ties.isEmpty)
    }

    /// The worked example of Wikipedia's "Single transferable vote" article (the food election:
    /// 20 voters, 3 seats, Droop quota 6), whose published winners are Chocolate, Oranges and
    /// Strawberries. Chocolate's surplus of 6 goes on at 6/12 = 0.5, Pears is excluded and
    /// Oranges reaches 6, then Hamburgers is excluded and Strawberries fills the last seat.
    @Test func theWikipediaFoodElectionElectsItsPublishedWinners() throws {
        let names = ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"]
        let profile = try STVFixtures.profile(
            candidateCount: 5, [(4, [1]), (2, [2, 1]), (8, [3, 4]), (4, [3, 5]), (1, [4]), (1, [5])])
        let outcome = try ScottishSTV(seats: 3).count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 5))
        #expect(outcome.winnerNames == ["Chocolate", "Oranges", "Strawberries"])
        #expect(outcome.rounds[0].threshold?.text == "6")
        #expect(STVFixtures.tallies(outcome.rounds[1]) == ["4.00000", "2.00000", "6.00000", "5.00000", "3.00000"])
        #expect(
            outcome.rounds[1].transfers == [
                Transfer(from: 2, to: 3, votes: TraceNumber(FixedPoint(units: 400_000, places: 5))),
                Transfer(from: 2, to: 4, votes: TraceNumber(FixedPoint(units: 200_000, places: 5))),
            ])
        #expect(
            outcome.rounds.last?.events.last
                == TraceEvent(
                    .elected, 3, reason: "continuing candidates no more than the vacancies (rule 53)"))
    }

    /// A and D tie at stage 4 (4 votes each) after C received A's surplus; at stage 1 C had 1
    /// and D had 4, so C is excluded (rule 52(2)(a)), and D fills the last seat (rule 53).
    @Test func anExclusionTieIsSettledByTheMostRecentStageWhereTheyDiffered() throws {
        // 14 papers, 2 seats, quota 5. A: 8 (surplus 3, transfer value 0.375), B 1, C 1, D 4.
        let profile = try STVFixtures.profile(candidateCount: 4, [(8, [1, 3]), (1, [3]), (4, [4]), (1, [2])])
        let outcome = try ScottishSTV(seats: 2).count(profile, names: abcd, tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.rounds.count == 4)
        #expect(STVFixtures.tallies(outcome.rounds[2]) == ["5.00000", "0.00000", "4.00000", "4.00000"])
        #expect(outcome.winners == [0, 3])
        #expect(outcome.ties.count == 1)
        #expect(outcome.ties[0].round == 4)
        #expect(outcome.ties[0].decision == "exclude")
        #expect(outcome.ties[0].tied == [2, 3])
        #expect(outcome.ties[0].chosen == [2])
        #expect(outcome.ties[0].rule.contains("stage 1"))
        #expect(outcome.ties[0].rule.contains("52(2)(a)"))
    }

    /// A and B are equal at every stage, so the lot decides: the tie-break order's latest is
    /// excluded. Reversing the order reverses the result.
    @Test func aTieAtEveryStageIsDecidedByLotThroughTheTieBreakOrder() throws {
        let profile = try STVFixtures.profile(candidateCount: 3, [(2, [1]), (2, [2]), (1, [3])])
        let names = ["A", "B", "C"]
        let listed = try ScottishSTV(seats: 1).count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(listed.winners == [0])
        #expect(listed.ties.map(\.chosen) == [[1]])
        #expect(listed.ties[0].rule.contains("by lot (rule 52(2)(b))"))
        let reversed = try TieBreakOrder(order: [2, 1, 0], candidateCount: 3)
        let other = try ScottishSTV(seats: 1).count(profile, names: names, tieBreak: reversed)
        #expect(other.winners == [1])
        #expect(other.ties.map(\.chosen) == [[0]])
    }

    /// Two equal surpluses at the first stage: no earlier stage, so the lot decides which goes
    /// first (the earliest in the tie-break order), and it is recorded.
    @Test func equalSurplusesAreOrderedByLot() throws {
        let profile = try STVFixtures.profile(candidateCount: 4, [(6, [1, 3]), (6, [2, 4]), (2, [3]), (3, [4])])
        let outcome = try ScottishSTV(seats: 3).count(profile, names: abcd, tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.ties.first?.decision == "transfer surplus first")
        #expect(outcome.ties.first?.chosen == [0])
        #expect(outcome.rounds[1].label == "transfer of the surplus of A (rules 49, 50)")
        #expect(outcome.winners.prefix(2) == [0, 1])
    }

    /// A shared first preference makes a paper void (not valid, not in the quota); a shared
    /// later rank ends the paper there; withdrawn candidates are skipped.
    @Test func voidPapersSharedRanksAndWithdrawnCandidates() throws {
        let profile = try RankedProfile(
            candidateCount: 4,
            ballots: [
                ([[0], [1]], 5), ([[0, 1]], 3), ([[3], [0, 2], [1]], 2), ([[2]], 4), ([], 1), ([[3]], 1),
            ])
        let outcome = try ScottishSTV(seats: 1, withdrawn: [3]).count(
            profile, names: abcd, tieBreak: TieBreakOrder(candidateCount: 4))
        // Valid: 5 (A,B) + 4 (C) = 9; void: 3 shared first + 2 shared first after withdrawn D + 1 blank + 1 only D.
        #expect(outcome.rounds[0].threshold?.text == "5")
        #expect(
            outcome.rounds[0].details == [
                JSONMember("valid_papers", .integer(9)), JSONMember("void_no_preference", .integer(2)),
                JSONMember("void_shared_first_preference", .integer(5)),
            ])
        #expect(outcome.rounds[0].tallies.map(\.candidate) == [0, 1, 2])
        #expect(outcome.winners == [0])
        let parameters = outcome.parameters.first { $0.key == "withdrawn" }
        #expect(parameters?.value == .array([.integer(3)]))
    }

    @Test func aSharedLaterRankMakesThePaperNonTransferableThere() throws {
        // 1 seat, 7 papers, quota 4. C (2) is excluded first: C,{A,B} stops at the shared rank.
        let profile = try RankedProfile(
            candidateCount: 3, ballots: [([[0]], 3), ([[1]], 2), ([[2], [0, 1]], 2)])
        let outcome = try ScottishSTV(seats: 1).count(
            profile, names: ["A", "B", "C"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(
            outcome.rounds[1].transfers == [
                Transfer(from: 2, to: nil, votes: TraceNumber(FixedPoint(units: 200_000, places: 5)))
            ])
        #expect(outcome.winners == [0])
    }

    /// Droop's Scottish count of its SC election (see ``STVDroopSC``), stage by stage.
    @Test func droopsSCElectionMatchesDroopsCountToTheLastDigit() throws {
        let outcome = try ScottishSTV(seats: 4).count(
            STVDroopSC.profile, names: STVDroopSC.names, tieBreak: STVDroopSC.droopOrder)
        #expect(outcome.winnerNames == ["Rebecca Rotzler", "Pat LaMarche", "Steve Kramer", "Tom Sevigny"])
        let stages = outcome.rounds.map { STVFixtures.tallies($0) }
        #expect(outcome.rounds.count == 13)
        #expect(outcome.rounds[0].threshold?.text == "19")
        #expect(
            stages[1] == [
                "6.84848", "3.42424", "8.42424", "22.00000", "2.42424", "0.00000", "19.00000", "12.45448", "1.42424",
                "0.00000", "0.00000", "0.00000", "18.00000",
            ])
        #expect(
            stages[2] == [
                "7.80300", "3.56060", "9.24240", "19.00000", "2.69696", "0.00000", "19.00000", "12.72720", "1.42424",
                "0.00000", "0.00000", "0.00000", "18.54544",
            ])
        #expect(outcome.rounds[3...6].map { $0.events.first?.candidate } == [5, 9, 10, 11])
        #expect(stages[8][7] == "14.57568")
        #expect(stages[8][12] == "19.68180")
        #expect(stages[9][0] == "9.01084")
        // Droop's non-transferable column counts only papers with no next preference (0.00472,
        // 1.43368, 18.40808 at stages 10, 11 and 13); ours is everything not credited to a
        // candidate, so it also holds the remainders the truncation ignored in the three surplus
        // transfers: 14 - 33 x 0.42424 = 0.00008, 3 - 22 x 0.13636 = 0.00008, and 0.00004.
        let ignored = outcome.rounds.compactMap { round in
            round.details.first { $0.key == "remainders_ignored" }?.value
        }
        #expect(ignored == [.string("0.00008"), .string("0.00008"), .string("0.00004")])
        #expect(outcome.rounds[9].exhausted?.text == "0.00492")
        #expect(outcome.rounds[10].exhausted?.text == "1.43388")
        #expect(stages[11][2] == "16.62204")
        #expect(stages[11][7] == "16.59988")
        #expect(outcome.rounds[12].exhausted?.text == "18.40828")
        #expect(stages[12][2] == "18.59172")
    }

    @Test func badParametersAreRejectedWithAClearError() throws {
        let profile = try STVFixtures.profile(candidateCount: 2, [(1, [1, 2])])
        let order = TieBreakOrder(candidateCount: 2)
        #expect(throws: CountingError.invalidParameter("seats must be at least 1, got 0")) {
            try ScottishSTV(seats: 0).count(profile, names: ["A", "B"], tieBreak: order)
        }
        #expect(throws: CountingError.self) { try ScottishSTV(seats: 1).count(profile, names: ["A"], tieBreak: order) }
        #expect(throws: CountingError.self) {
            try ScottishSTV(seats: 1, withdrawn: [5]).count(profile, names: ["A", "B"], tieBreak: order)
        }
        #expect(throws: CountingError.self) {
            try ScottishSTV(seats: 1).count(profile, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 3))
        }
    }

    @Test func moreSeatsThanCandidatesElectsEveryone() throws {
        let profile = try STVFixtures.profile(candidateCount: 2, [(3, [1]), (1, [2])])
        let outcome = try ScottishSTV(seats: 3).count(
            profile, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 2))
        #expect(Set(outcome.winners) == [0, 1])
        let empty = try RankedProfile(candidateCount: 2, rankings: [])
        let none = try ScottishSTV(seats: 1).count(
            empty, names: ["A", "B"], tieBreak: TieBreakOrder(candidateCount: 2))
        #expect(none.winners.count == 1)
    }
}
