import Foundation
import Testing

@testable import RCTab

/// Prints how long the 2013 Minneapolis mayor race (80,101 records, 36 candidates, 33 rounds)
/// takes to tabulate, reading excluded; run in release for the figure that matters.
@Suite struct RCTabEngineTimingTests {
    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func minneapolisMayorTiming() throws {
        let session = try RCTabSession(
            configPath: RCTabCorpus.configPath("2013_minneapolis_mayor"), readFile: RCTabCorpus.readFile)
        let tabulator = try RCTabTabulator(rules: session.config.rules, candidates: session.tabulationCandidates)
        var best = Duration.seconds(3600)
        for _ in 0..<5 {
            let clock = ContinuousClock()
            let start = clock.now
            let results = try tabulator.tabulate(session.ballots)
            best = min(best, clock.now - start)
            #expect(results.first?.winners == ["BETSY HODGES"])
            #expect(results.first?.rounds.count == 33)
        }
        print("RCTab engine: 2013 Minneapolis mayor, \(session.ballots.count) records, best of 5: \(best)")
    }
}
