import Testing

@testable import Counting

/// The look-back rule for ties (rules 50(2) and 52(2)(a)) on a made-up history, where our
/// reading and Droop's differ.
@Suite struct ScottishSTVTieTests {
    func count(history: [[Int64]]) throws -> ScottishCount {
        let profile = try RankedProfile(candidateCount: 3, rankings: [[0], [1], [2]])
        let papers = try TransferablePapers(profile: profile, withdrawn: [])
        var count = ScottishCount(
            papers: papers, seats: 1, names: ["X", "Y", "Z"], tieBreak: TieBreakOrder(candidateCount: 3))
        count.history = history
        return count
    }

    /// X, Y and Z are tied now. At the stage before, X and Y had fewest (3, 3, 4); at stage 1
    /// X had fewer than Y (2, 3) while Z had fewest of all (1). We keep looking among X and Y,
    /// who were lowest where the three last differed, and exclude X; Droop, looking for a stage
    /// where one candidate alone is lowest among all three, would exclude Z.
    @Test func theLookBackContinuesAmongThoseStillTied() throws {
        var count = try count(history: [[2, 3, 1], [3, 3, 4], [5, 5, 5]])
        let excluded = count.settle([0, 1, 2], lowest: true, decision: "exclude", rules: ("52(2)(a)", "52(2)(b)"))
        #expect(excluded.candidate == 0)
        #expect(count.ties.last?.rule.contains("stage 1") == true)
        let first = count.settle(
            [0, 1, 2], lowest: false, decision: "transfer surplus first", rules: ("50(2)", "50(3)"))
        #expect(first.candidate == 2)
        #expect(count.ties.last?.rule.contains("stage 2") == true)
    }

    @Test func equalAtEveryStageFallsToTheTieBreakOrder() throws {
        var count = try count(history: [[4, 4, 4], [4, 4, 4]])
        #expect(count.settle([0, 2], lowest: true, decision: "exclude", rules: ("a", "b")).candidate == 2)
        #expect(count.settle([0, 2], lowest: false, decision: "transfer", rules: ("a", "b")).candidate == 0)
        #expect(count.ties.count == 2)
        #expect(count.ties.allSatisfy { $0.rule.contains("by lot") })
    }
}
