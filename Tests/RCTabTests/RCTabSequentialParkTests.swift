import Testing

@testable import RCTab

/// The multi-pass (sequential) 2013 Minneapolis Park Board count. The corpus has RCTab's summary
/// of pass 1 only, so passes 2 and 3 have no reference; as a regression check: on these ballots
/// the three passes elect the same three the official (STV) count declared.
@Suite struct RCTabSequentialParkTests {
    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func threePassesElectTheDeclaredWinners() throws {
        let session = try RCTabSession(
            configPath: RCTabCorpus.configPath("2013_minneapolis_park_sequential"), readFile: RCTabCorpus.readFile)
        let passes = try session.tabulate()
        #expect(passes.map(\.pass) == [1, 2, 3])
        #expect(Set(passes.flatMap(\.winners)) == ["JOHN ERWIN", "ANNIE YOUNG", "MEG FORNEY"])
        #expect(passes.allSatisfy { $0.numWinners == 1 })
    }
}
