import RCTab
import Testing

/// Every contest of `../shared/ballots/rctab/` end to end with the product's own readers: the
/// configuration and cast-vote records read, the count, the summary written, and the summary
/// compared with RCTab's expected one (as values, vote counts as exact decimals; and byte for
/// byte).
@Suite struct RCTabCorpusTests {
    /// Differences that come from the corpus files, not from Plenum: the `.csv` of
    /// `first_round_determines_threshold_test` lacks the three blank records (rows with no cell)
    /// of the spreadsheet RCTab read, so it counts 16 records where RCTab counted 19, 3 of them
    /// blank. Every round, tally, transfer and threshold still matches.
    static let dataArtifacts: [String: Set<String>] = [
        "first_round_determines_threshold_test": [
            #"summary.totalNumBallots: "16", expected "19""#, "summary.undervotes: 0, expected 3",
        ]
    ]

    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func theCorpusHasTwentySixContests() {
        #expect(RCTabCorpus.contests.count == 26)
    }

    @Test(
        .enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"),
        arguments: RCTabCorpus.isPresent ? RCTabCorpus.contests : [])
    func reproducesTheExpectedSummary(_ contest: String) throws {
        let session = try RCTabSession(configPath: RCTabCorpus.configPath(contest), readFile: RCTabCorpus.readFile)
        let summaries = try session.summaries()
        let expected = RCTabCorpus.expectedReports(contest)
        #expect(!expected.isEmpty)
        let artifacts = Self.dataArtifacts[contest] ?? []
        for (pass, path) in expected {
            let written = try #require(
                summaries.first { $0.pass == pass }, "\(contest): no summary for pass \(pass ?? 1)")
            let expectedBytes = try RCTabCorpus.bytes(path)
            let comparison = try RCTabSummaryComparison(actual: Array(written.json.utf8), expected: expectedBytes)
            let real = comparison.differences.filter { !artifacts.contains($0) }
            #expect(real.isEmpty, "\(contest): \(real.prefix(20).joined(separator: "; "))")
            #expect(
                comparison.notationDifferences.isEmpty,
                "\(contest): \(comparison.notationDifferences.prefix(20).joined(separator: "; "))")
            let known = comparison.differences.filter { artifacts.contains($0) }
            if known.isEmpty {
                var text = String(decoding: expectedBytes, as: UTF8.self)
                if text.hasSuffix("\n") { text.removeLast() }
                #expect(written.json == text, "\(contest): equal values, but not byte for byte")
            } else {
                withKnownIssue("the corpus CSV lacks the spreadsheet's blank rows") {
                    Issue.record("\(contest): \(known.sorted().joined(separator: "; "))")
                }
            }
        }
    }
}
