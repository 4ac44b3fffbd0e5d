import Counting
import Testing

/// The method of equal shares for committees (abcvoting's `equal-shares`).
@Suite struct EqualSharesTests {
    @Test func theBookRunningExampleElectsABCD() throws {
        // Lackner & Skowron 2023, Example 2.11: equal shares elects {a, b, c, d}.
        // Hand-checked: each voter holds 1/3. a costs each of its 8 approvers 1/8; b and c would
        // cost 1/4; d, e, f, g are unaffordable. After a, b's and c's approvers hold
        // 3 * 5/24 + 1/3 = 23/24 < 1, so MES stops. Phragmén starts from loads -5/24 (a's
        // approvers) and -1/3 (the others): b and c tie at 1/96, then c 37/384, then d 7/24.
        let outcome = try EqualShares(seats: 4).count(
            BookRunningExample.profile(), names: BookRunningExample.names, tieBreak: BookRunningExample.tieBreak)
        #expect(outcome.winners == [0, 1, 2, 3])
        #expect(outcome.rounds.count == 5)
        #expect(outcome.rounds[0].tallies.map(\.candidate) == [0, 1, 2])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1/8", "1/4", "1/4"])
        #expect(
            outcome.rounds[0].details.first { $0.key == "unaffordable" }?.value
                == .array([.integer(3), .integer(4), .integer(5), .integer(6)]))
        #expect(outcome.rounds[1].events.map(\.candidate) == [1, 2])
        #expect(outcome.rounds[1].events.allSatisfy { $0.kind == .excluded })
        #expect(outcome.rounds[2].tallies.map(\.votes.text) == ["1/96", "1/96", "7/24", "2/3", "1/6", "2/3"])
        #expect(outcome.rounds[3].tallies.map(\.votes.text) == ["37/384", "7/24", "2/3", "65/192", "2/3"])
        #expect(outcome.rounds[4].tallies.map(\.votes.text) == ["7/24", "2/3", "293/768", "2/3"])
        #expect(outcome.ties.map(\.round) == [3])
        #expect(outcome.parameters.contains(JSONMember("completion", .string("seq-phragmen"))))
    }

    @Test func theSurveyExampleElectsACD() throws {
        // Lackner & Skowron 2023, Example 2.12: equal shares elects {a, c, d} (seq-Phragmén {b, c, d}).
        // Hand-checked: budgets 3/8; c at 1/5; a at 13/40 (its {a,c} approvers pay their 7/40 and
        // the {a,b} approvers 13/40); then nothing is affordable, and Phragmén adds d at load 1/40.
        let profile = try ApprovalProfile(
            candidateCount: 4, ballots: [([2, 3], 3), ([0, 1], 2), ([0, 2], 2), ([1, 3], 1)])
        let outcome = try EqualShares(seats: 3).count(
            profile, names: ["a", "b", "c", "d"], tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.winners == [2, 0, 3])
        #expect(outcome.rounds[0].tallies.map(\.votes.text) == ["1/4", "1/3", "1/5", "1/4"])
        #expect(outcome.rounds[1].tallies.map(\.votes.text) == ["13/40", "1/3"])
        #expect(outcome.rounds[3].tallies.map(\.votes.text) == ["7/40", "1/40"])
    }

    @Test func withoutCompletionTheCommitteeMayStaySmall() throws {
        let outcome = try EqualShares(seats: 4, completion: .none).count(
            BookRunningExample.profile(), names: BookRunningExample.names, tieBreak: BookRunningExample.tieBreak)
        #expect(outcome.winners == [0])
        #expect(outcome.parameters.contains(JSONMember("completion", .string("none"))))
    }

    @Test func aUnanimousProfileFillsEverySeatInTheMESPhase() throws {
        // Three voters approve everyone: each seat costs each voter 1/3 of its 1 (seats 3 / 3 voters).
        let profile = try ApprovalProfile(candidateCount: 4, ballots: [([0, 1, 2, 3], 3)])
        let outcome = try EqualShares(seats: 3, completion: .none).count(
            profile, names: ["a", "b", "c", "d"], tieBreak: TieBreakOrder(candidateCount: 4))
        #expect(outcome.winners == [0, 1, 2])
        #expect(
            outcome.rounds.map { $0.details.first { $0.key == "price" }?.value }
                == Array(repeating: .string("1/3"), count: 3))
        #expect(outcome.ties.map(\.tied) == [[0, 1, 2, 3], [1, 2, 3], [2, 3]])
    }
}
