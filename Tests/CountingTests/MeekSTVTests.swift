import Counting
import Testing

/// Meek STV (Reference Meek Rule, fixed point; and exact): hand-checked iterations, Droop's
/// published count, exact against fixed, and the limits.
@Suite struct MeekSTVTests {
    let abc = ["A", "B", "C"]

    /// 13 ballots, 2 seats: A,B x6; C x4; B x3.
    /// Exact, worked by hand. Round 1: A 6, B 3, C 4; quota 13/3; A exceeds it and is elected.
    /// Round 2, iteration 1: the same votes, surplus 6 - 13/3 = 5/3; A's keep value becomes
    /// 1 x (13/3) / 6 = 13/18. Iteration 2: A keeps 6 x 13/18 = 13/3 and passes 6 x 5/18 = 5/3
    /// to B: B 14/3 > 13/3, elected. Both seats are filled and C is defeated.
    @Test func exactArithmeticMatchesTheHandComputedIteration() throws {
        let profile = try STVFixtures.profile(candidateCount: 3, [(6, [1, 2]), (4, [3]), (3, [2])])
        let outcome = try MeekSTV(seats: 2, arithmetic: .exact).count(
            profile, names: abc, tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.winners == [0, 1])
        #expect(outcome.rounds.count == 3)
        #expect(STVFixtures.tallies(outcome.rounds[0]) == ["6", "3", "4"])
        #expect(outcome.rounds[0].threshold?.text == "13/3")
        #expect(outcome.rounds[0].events == [TraceEvent(.elected, 0, reason: "reached the quota")])
        #expect(STVFixtures.tallies(outcome.rounds[1]) == ["13/3", "14/3", "4"])
        #expect(outcome.rounds[1].details.first { $0.key == "iterations" }?.value == .integer(2))
        #expect(
            outcome.rounds[1].details.first { $0.key == "keep_values" }?.value
                == .array([
                    .object([JSONMember("candidate", .integer(0)), JSONMember("keep_value", .string("13/18"))]),
                    .object([JSONMember("candidate", .integer(1)), JSONMember("keep_value", .string("1"))]),
                ]))
        #expect(outcome.rounds[2].events == [TraceEvent(.defeated, 2, reason: "every seat is filled")])
    }

    /// The same election in the Reference rule's 9-place fixed point, by hand:
    /// round 1 quota = 13/3 truncated to 4.333333333, plus 0.000000001 = 4.333333334.
    /// Round 2: surplus 1.666666666; A's keep value = 4.333333334 / 6 = 0.7222222223...,
    /// rounded up: 0.722222223. Then A keeps 0.722222223 x 6 = 4.333333338 and B receives
    /// 0.277777777 x 6 = 1.666666662: B 4.666666662 reaches the quota 4.333333334.
    @Test func fixedPointRoundsAsTheReferenceRuleSays() throws {
        let profile = try STVFixtures.profile(candidateCount: 3, [(6, [1, 2]), (4, [3]), (3, [2])])
        let outcome = try MeekSTV(seats: 2).count(profile, names: abc, tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.winners == [0, 1])
        #expect(outcome.rounds[0].threshold?.text == "4.333333334")
        #expect(STVFixtures.tallies(outcome.rounds[1]) == ["4.333333338", "4.666666662", "4.000000000"])
        #expect(outcome.rounds[1].threshold?.text == "4.333333334")
        #expect(outcome.rounds[1].exhausted?.text == "0.000000000")
        let parameters = outcome.parameters.map(\.key)
        #expect(parameters == ["seats", "withdrawn", "omega_exponent", "arithmetic", "places", "tie_break"])
    }

    /// Droop's Reference Meek count of its SC election (see ``STVDroopSC``), digit for digit.
    @Test func droopsSCElectionMatchesDroopsReferenceMeekCount() throws {
        let outcome = try MeekSTV(seats: 4).count(
            STVDroopSC.profile, names: STVDroopSC.names, tieBreak: STVDroopSC.droopOrder)
        #expect(outcome.winnerNames == ["Rebecca Rotzler", "Pat LaMarche", "Steve Kramer", "Kristen Olsen"])
        let second = outcome.rounds[1]
        #expect(second.threshold?.text == "18.800000001")
        #expect(
            STVFixtures.tallies(second) == [
                "8.006073598", "3.232685848", "9.408174589", "18.800000609", "2.759954125", "0.000000000",
                "18.800000299", "13.000470959", "1.435843893", "0.000000000", "0.000000000", "0.000000000",
                "18.556796080",
            ])
        #expect(second.details.first { $0.key == "surplus" }?.value == .string("0.000000906"))
        #expect(
            second.details.first { $0.key == "keep_values" }?.value
                == .array([
                    .object([JSONMember("candidate", .integer(3)), JSONMember("keep_value", .string("0.837944884"))]),
                    .object([JSONMember("candidate", .integer(6)), JSONMember("keep_value", .string("0.564156107"))]),
                ]))
        let defeats = outcome.rounds.flatMap { round in round.events.filter { $0.kind == .defeated }.map(\.candidate) }
        #expect(defeats == [5, 9, 10, 11, 8, 4, 1, 0, 2])
        #expect(outcome.ties.first?.tied == [11, 10, 9, 5])
        let ninth = outcome.rounds[8]
        #expect(ninth.threshold?.text == "18.799133306")
        #expect(ninth.exhausted?.text == "0.004333472")
        #expect(ninth.tallies[1].votes.text == "3.730149807")
        #expect(outcome.rounds[9].threshold?.text == "18.789719295")
        #expect(outcome.rounds[9].tallies[0].votes.text == "10.204118384")
        let eleventh = outcome.rounds[10]
        #expect(eleventh.threshold?.text == "18.586296861")
        #expect(eleventh.tallies.map(\.votes.text)[2...3] == ["16.482212783", "19.087429756"])
        #expect(eleventh.tallies[7].votes.text == "19.085721549")
        #expect(eleventh.tallies[12].votes.text == "19.202438090")
    }

    /// Exact and fixed-point counts elect the same candidates on random profiles (where no
    /// decision falls within the fixed point's rounding).
    @Test func exactAndFixedAgreeOnRandomProfiles() throws {
        var random = STVRandom(seed: 123)
        var compared = 0
        for _ in 0..<30 {
            let profile = try RankedProfile(candidateCount: 5, ballots: random.profile(candidateCount: 5, voters: 12))
            let names = (0..<5).map { "C\($0)" }
            let order = TieBreakOrder(candidateCount: 5)
            let fixed = try MeekSTV(seats: 2).count(profile, names: names, tieBreak: order)
            guard let exact = try? MeekSTV(seats: 2, arithmetic: .exact).count(profile, names: names, tieBreak: order)
            else { continue }
            guard fixed.ties.isEmpty && exact.ties.isEmpty else { continue }
            #expect(Set(fixed.winners) == Set(exact.winners))
            compared += 1
        }
        #expect(compared >= 10)
    }

    /// Two elected candidates passing votes to each other, with votes running out: exact keep
    /// values double their size every iteration, so the exact count stops at the stated limit
    /// (4096 bits) instead of running away, while the fixed-point count finishes.
    @Test func exactArithmeticStopsAtItsStatedLimit() throws {
        let profile = try STVFixtures.profile(
            candidateCount: 5, [(8, [1, 2]), (8, [2, 1]), (2, [1]), (2, [2]), (5, [3]), (4, [4]), (3, [5])])
        let names = ["A", "B", "C", "D", "E"]
        let order = TieBreakOrder(candidateCount: 5)
        #expect {
            try MeekSTV(seats: 3, arithmetic: .exact).count(profile, names: names, tieBreak: order)
        } throws: { error in
            guard case CountingError.beyondLimit(let message) = error else { return false }
            return message.contains("4096 bits")
        }
        let fixed = try MeekSTV(seats: 3).count(profile, names: names, tieBreak: order)
        #expect(fixed.winners.count == 3)
    }

    @Test func parametersOutOfRangeAreRejected() throws {
        let profile = try STVFixtures.profile(candidateCount: 3, [(1, [1, 2])])
        let order = TieBreakOrder(candidateCount: 3)
        #expect(throws: CountingError.self) {
            try MeekSTV(seats: 1, arithmetic: .fixed(places: 0)).count(profile, names: abc, tieBreak: order)
        }
        #expect(throws: CountingError.self) {
            try MeekSTV(seats: 1, arithmetic: .fixed(places: 4), omegaExponent: 6).count(
                profile, names: abc, tieBreak: order)
        }
        #expect(throws: CountingError.self) { try MeekSTV(seats: 0).count(profile, names: abc, tieBreak: order) }
    }

    /// With one seat and no exhausted votes Meek is the alternative vote: the Wikipedia food
    /// election's first stage, counted for one seat, elects Chocolate (12 of 20 first preferences).
    @Test func oneSeatElectsAMajorityWinner() throws {
        let names = ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"]
        let profile = try STVFixtures.profile(
            candidateCount: 5, [(4, [1]), (2, [2, 1]), (8, [3, 4]), (4, [3, 5]), (1, [4]), (1, [5])])
        let outcome = try MeekSTV(seats: 1).count(profile, names: names, tieBreak: TieBreakOrder(candidateCount: 5))
        #expect(outcome.winnerNames == ["Chocolate"])
        #expect(outcome.rounds[0].threshold?.text == "10.000000001")
    }
}
