import Foundation
import Testing

@testable import RCTab

/// Prints how long the 2013 Minneapolis mayor race (80,101 records, 36 candidates, 33 rounds)
/// takes to tabulate, reading excluded; run in release for the figure that matters.
@Suite struct RCTabEngineTimingTests {
    /// The thirteen-fold run is for optimized builds only (in a debug build it is slow and says little).
    static let optimized: Bool = {
        #if DEBUG
            return false
        #else
            return true
        #endif
    }()

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

    /// RCTab's scale test is the same race 13 times over (1,041,313 records): here every record is
    /// handed over singly, so the merging of identical ballots is timed too.
    @Test(.enabled(if: RCTabCorpus.isPresent && optimized, "release build with the corpus only"))
    func minneapolisMayorTimesThirteenTiming() throws {
        let session = try RCTabSession(
            configPath: RCTabCorpus.configPath("2013_minneapolis_mayor"), readFile: RCTabCorpus.readFile)
        let tabulator = try RCTabTabulator(rules: session.config.rules, candidates: session.tabulationCandidates)
        var single: [RCTabBallot] = []
        for ballot in session.ballots {
            var one = ballot
            one.count = 1
            single += Array(repeating: one, count: ballot.count * 13)
        }
        #expect(single.count == 1_041_313)
        let clock = ContinuousClock()
        let start = clock.now
        let results = try tabulator.tabulate(single)
        let elapsed = clock.now - start
        #expect(results.first?.winners == ["BETSY HODGES"])
        #expect(results.first?.totalNumBallots == RCTabDecimal(1_041_313))
        print("RCTab engine: 2013 Minneapolis mayor x13, \(single.count) single records: \(elapsed)")
    }
}
