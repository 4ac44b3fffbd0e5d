import Counting
import Testing

/// Sequential Phragmén.
@Suite struct PhragmenTests {
    @Test func theBookRunningExampleElectsABCDWithItsLoads() throws {
        // Lackner & Skowron 2023, Example 2.9: seq-Phragmén elects {a, b, c, d}.
        // Hand-checked loads: a 1/8; b and c tie at (1 + 3/8) / 4 = 11/32 (b first in candidate
        // order); c (1 + 3/8 + 11/32) / 4 = 55/128; d (1 + 2/8) / 2 = 5/8.
        let outcome = try SequentialPhragmen(seats: 4).count(
            BookRunningExample.profile(), names: BookRunningExample.names, tieBreak: BookRunningExample.tieBreak)
        #expect(outcome.winners == [0, 1, 2, 3])
        #expect(outcome.method == "seq-phragmen")
        // Candidate h is approved by no one and never has a load.
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1/8", "1/4", "1/4", "1/2", "1", "1/2", "1"])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["11/32", "11/32", "5/8", "1", "1/2", "1"])
        #expect(outcome.rounds[2].tallies.map(\.votes.text) == ["55/128", "5/8", "1", "43/64", "1"])
        #expect(outcome.rounds[3].tallies.map(\.votes.text) == ["5/8", "1", "183/256", "1"])
        #expect(outcome.rounds[3].details.first { $0.key == "load" }?.value == .string("5/8"))
        #expect(outcome.ties.map(\.round) == [2])
        #expect(outcome.ties.first?.tied == [1, 2])
    }

    @Test func theSurveyExampleElectsBCD() throws {
        // Lackner & Skowron 2023, Example 2.12 (survey Example 11): seq-Phragmén elects {b, c, d}.
        // Loads: c 1/5; b 1/3 (a would be 7/20, d 2/5); d 29/60 (a 31/60).
        let profile = try ApprovalProfile(
            candidateCount: 4, ballots: [([2, 3], 3), ([0, 1], 2), ([0, 2], 2), ([1, 3], 1)])
        let outcome = try SequentialPhragmen(seats: 3).count(
            profile, names: ["a", "b", "c", "d"], tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.winners == [2, 1, 3])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["7/20", "1/3", "2/5"])
        #expect(outcome.rounds[2].tallies.map(\.votes.text) == ["31/60", "29/60"])
        #expect(outcome.ties.isEmpty)
    }

    @Test func candidatesNobodyApprovesFillTheLastSeatsInTieBreakOrder() throws {
        let profile = try ApprovalProfile(candidateCount: 4, ballots: [([1], 3), ([], 2)])
        let order = try TieBreakOrder(order: [3, 2, 1, 0], candidateCount: 4)
        let outcome = try SequentialPhragmen(seats: 3).count(profile, names: ["a", "b", "c", "d"], tieBreak: order)
        #expect(outcome.winners == [1, 3, 2])
        #expect(outcome.ties.map(\.tied) == [[3, 2, 0], [2, 0]])
        #expect(outcome.rounds[1].events.first?.reason?.contains("no remaining candidate is approved") == true)
    }

    @Test func aProfileWithoutBallotsStillFillsTheSeats() throws {
        let profile = try ApprovalProfile(candidateCount: 3, ballots: [])
        let outcome = try SequentialPhragmen(seats: 2).count(
            profile, names: ["a", "b", "c"], tieBreak: TieBreakOrder(candidateCount: 3))
        #expect(outcome.winners == [0, 1])
    }
}
