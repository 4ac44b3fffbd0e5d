import Foundation
import Testing

@testable import RCTab

/// Prints how long the 2013 Minneapolis mayor race (80,101 records, 36 candidates, 33 rounds)
/// takes to tabulate (reading excluded); run in release for the figure that matters.
@Suite struct RCTabEngineTimingTests {
    @Test(.enabled(if: EngineCorpusContest.available))
    func minneapolisMayorTiming() throws {
        let contest = try EngineCorpusContest("2013_minneapolis_mayor")
        let tabulator = try RCTabTabulator(rules: contest.rules, candidates: contest.candidates)
        var best = Duration.seconds(3600)
        for _ in 0..<5 {
            let clock = ContinuousClock()
            let start = clock.now
            let results = try tabulator.tabulate(contest.ballots)
            best = min(best, clock.now - start)
            #expect(results.first?.winners == ["BETSY HODGES"])
            #expect(results.first?.rounds.count == 33)
        }
        print("RCTab engine: 2013 Minneapolis mayor, \(contest.ballots.count) records, best of 5: \(best)")
    }
}
