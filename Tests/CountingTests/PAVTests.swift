import Counting
import Testing

/// The running example of Lackner & Skowron, *Multi-Winner Voting with Approval Preferences*
/// (Springer 2023), Example 2.1: candidates a..h, twelve voters, four seats.
enum BookRunningExample {
    static let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
    static let seats = 4

    static func profile() throws -> ApprovalProfile {
        let (a, b, c, d, e, f, g) = (0, 1, 2, 3, 4, 5, 6)
        return try ApprovalProfile(
            candidateCount: 8,
            ballots: [
                ([a, b], 3), ([a, c], 3), ([a, d], 2), ([b, c, f], 1), ([e], 1), ([f], 1), ([g], 1),
            ])
    }

    static var tieBreak: TieBreakOrder { TieBreakOrder(candidateCount: 8) }
}

/// Proportional approval voting, optimal and sequential.
@Suite struct PAVTests {
    @Test func theBookRunningExampleElectsABCF() throws {
        // Lackner & Skowron 2023, Example 2.4: PAV elects {a, b, c, f}.
        let outcome = try ProportionalApprovalVoting(seats: 4).count(
            BookRunningExample.profile(), names: BookRunningExample.names, tieBreak: BookRunningExample.tieBreak)
        #expect(outcome.winners == [0, 1, 2, 5])
        // Score: 8 voters with two members (3/2 each), {b,c,f} with three (11/6), {f} with one.
        #expect(outcome.rounds[0].details.first { $0.key == "score" }?.value == .string("83/6"))
        #expect(outcome.rounds[0].details.first { $0.key == "committees_examined" }?.value == .integer(70))
        #expect(outcome.ties.isEmpty)
        #expect(outcome.method == "pav")
    }

    @Test func optimalAndSequentialPAVDisagreeOnTheBookExample() throws {
        // Lackner & Skowron 2023, Example 2.5: PAV elects {a, c}, seq-PAV {c, d}.
        let profile = try ApprovalProfile(
            candidateCount: 4, ballots: [([0, 1], 3), ([0, 3], 6), ([1], 4), ([2], 5), ([2, 3], 5)])
        let names = ["a", "b", "c", "d"]
        let order = TieBreakOrder(candidateCount: 4)
        #expect(
            try ProportionalApprovalVoting(seats: 2).count(profile, names: names, tieBreak: order).winners == [0, 2])
        let sequential = try SequentialProportionalApprovalVoting(seats: 2).count(
            profile, names: names, tieBreak: order)
        #expect(sequential.winners == [3, 2])
        // Round 1: approvals 9, 7, 10, 11 -> d; round 2: c gains 5 + 5/2 = 15/2, a gains 3 + 6/2 = 6.
        #expect(sequential.rounds[0].tallies.map(\.votes.text) == ["9", "7", "10", "11"])
        #expect(sequential.rounds[1].tallies.map(\.votes.text) == ["6", "7", "15/2"])
    }

    @Test func thieleExampleWithWeightedBallots() throws {
        // Janson's survey, Example 13.3 (Thiele's example), as in Lackner & Skowron 2023, Example 2.5:
        // PAV elects {a, b}, seq-PAV {a, c}.
        let (a, b, c, d) = (0, 1, 2, 3)
        let profile = try ApprovalProfile(
            candidateCount: 4,
            ballots: [
                ([a, c, d], 960), ([b, c, d], 3000), ([b, c], 520), ([a, b], 1620), ([a, d], 1081),
                ([a, c], 1240), ([b, d], 360), ([d], 360), ([c], 120), ([b], 60),
            ])
        let names = ["a", "b", "c", "d"]
        let order = TieBreakOrder(candidateCount: 4)
        #expect(
            try ProportionalApprovalVoting(seats: 2).count(profile, names: names, tieBreak: order).winners == [0, 1])
        #expect(
            try SequentialProportionalApprovalVoting(seats: 2).count(profile, names: names, tieBreak: order).winners
                == [2, 0])
    }

    @Test func sequentialPAVOnTheRunningExampleWithItsTrace() throws {
        // Hand-checked: a (8); b and c tie at 5/2, b first in candidate order; c (2); f (4/3).
        let outcome = try SequentialProportionalApprovalVoting(seats: 4).count(
            BookRunningExample.profile(), names: BookRunningExample.names, tieBreak: BookRunningExample.tieBreak)
        #expect(outcome.winners == [0, 1, 2, 5])
        #expect(outcome.rounds.count == 4)
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["8", "4", "4", "2", "1", "2", "1", "0"])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["5/2", "5/2", "1", "1", "2", "1", "0"])
        #expect(outcome.rounds[2].tallies.map(\.votes.text) == ["2", "1", "1", "3/2", "1", "0"])
        #expect(outcome.rounds[3].tallies.map(\.votes.text) == ["1", "1", "4/3", "1", "0"])
        #expect(
            outcome.ties == [
                TieResolution(round: 2, decision: "elect", tied: [1, 2], chosen: [1], rule: outcome.ties[0].rule)
            ])
    }

    @Test func tiedOptimalCommitteesAreSettledByTheOrderAndRecorded() throws {
        // Two disjoint groups of equal size: {a,b} and {c,d} give the same score.
        let profile = try ApprovalProfile(candidateCount: 4, ballots: [([0, 1], 2), ([2, 3], 2)])
        let names = ["a", "b", "c", "d"]
        let byDefault = try ProportionalApprovalVoting(seats: 1).count(
            profile, names: names, tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(byDefault.winners == [0])
        #expect(byDefault.ties.first?.tied == [0, 1, 2, 3])
        #expect(byDefault.rounds[0].details.first { $0.key == "optimal_committees" }?.value == .integer(4))
        let reversed = try TieBreakOrder(order: [3, 2, 1, 0], candidateCount: 4)
        let outcome = try ProportionalApprovalVoting(seats: 2).count(profile, names: names, tieBreak: reversed)
        // {a,c}, {a,d}, {b,c}, {b,d} all score 4; the order favours d, then c.
        #expect(outcome.winners == [1, 3])
        #expect(outcome.ties.first?.chosen == [1, 3])
    }

    @Test func tooManyCommitteesAreRefused() throws {
        let profile = try ApprovalProfile(candidateCount: 40, ballots: [([0, 1, 2], 1)])
        #expect(throws: CountingError.self) {
            try ProportionalApprovalVoting(seats: 10).count(
                profile, names: (0..<40).map { "c\($0)" }, tieBreak: TieBreakOrder(candidateCount: 40))
        }
        do {
            _ = try ProportionalApprovalVoting(seats: 10).count(
                profile, names: (0..<40).map { "c\($0)" }, tieBreak: TieBreakOrder(candidateCount: 40))
        } catch {
            #expect(error.code == "beyond_limit")
        }
    }
}
