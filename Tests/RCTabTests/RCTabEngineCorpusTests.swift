import Foundation
import Testing

@testable import RCTab

/// Every corpus contest through the engine (with the test-only minimal readers), compared round
/// by round with RCTab's expected summary.
@Suite struct RCTabEngineCorpusTests {
    /// Differences that come from the corpus files, not the count: `first_round_determines_threshold_test`'s
    /// expected summary counts 19 records, 3 of them blank (`undervotes` 3), but its `.csv` holds only the
    /// 16 non-blank rows (the blank rows of the original `.xlsx` were lost in conversion).
    static let dataArtifacts: [String: Set<String>] = [
        "first_round_determines_threshold_test": [
            "totalNumBallots: 16, expected 19", "undervotes: 0, expected 3",
        ]
    ]

    @Test(arguments: EngineCorpusContest.names())
    func reproducesExpectedSummary(_ name: String) throws {
        let contest = try EngineCorpusContest(name)
        let tabulator = try RCTabTabulator(rules: contest.rules, candidates: contest.candidates)
        let results = try tabulator.tabulate(contest.ballots)
        #expect(results.count >= contest.expected.count)
        let artifacts = RCTabEngineCorpusTests.dataArtifacts[name] ?? []
        for (result, expected) in zip(results, contest.expected) {
            let differences = EngineCorpusComparison.differences(result, expected)
            let real = differences.filter { !artifacts.contains($0) }
            #expect(real.isEmpty, "\(name): \(real.prefix(12).joined(separator: "; "))")
            let known = differences.filter { artifacts.contains($0) }
            if !known.isEmpty {
                withKnownIssue("corpus CSV lacks the .xlsx's blank rows") {
                    Issue.record("\(name): \(known.joined(separator: "; "))")
                }
            }
        }
    }
}
