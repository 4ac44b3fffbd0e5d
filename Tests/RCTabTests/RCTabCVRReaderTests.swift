import RCTab
import Testing

@Suite struct RCTabCVRReaderTests {
    /// A one-source contest reading `csv` with the given source settings. The source names
    /// `sub/cvr.xlsx`; only `/c/cvr.csv` exists, so every test also checks that a spreadsheet is read
    /// from its CSV export, found beside the configuration.
    func ballots(
        _ csv: String, provider: String = "ess", source: String = "", candidates: String = "\"A\", \"B\", \"C\"",
        rules: String = "", merge: Bool = false
    ) throws(RCTabError) -> [RCTabBallot] {
        let names = candidates.split(separator: ",").map { "{ \"name\" : \($0) }" }.joined(separator: ", ")
        let text = """
            { "outputSettings" : { "contestName" : "T" },
              "cvrFileSources" : [ { "filePath" : "sub/cvr.xlsx", "provider" : "\(provider)",
                "firstVoteColumnIndex" : "2", "firstVoteRowIndex" : "2"\(source) } ],
              "candidates" : [ \(names) ],
              "rules" : { "tiebreakMode" : "useCandidateOrder", "overvoteRule" : "alwaysSkipToNextRank",
                "winnerElectionMode" : "singleWinnerMajority"\(rules) } }
            """
        let config = try RCTabConfigReader.parse(Array(text.utf8), path: "/c/config.json")
        return try RCTabCVRReader.ballots(for: config, mergeIdentical: merge) { path in
            path == "/c/cvr.csv" ? Array(csv.utf8) : nil
        }
    }

    func marks(_ ballots: [RCTabBallot]) -> [[[RCTabMark]]] { ballots.map(\.rankings) }

    let a = RCTabMark.candidate("A")
    let b = RCTabMark.candidate("B")
    let c = RCTabMark.candidate("C")

    @Test func essCellsBecomeRanksWithLabelsTrimmingAndSkippedRanks() throws {
        let csv = "Id,1,2,3,COUNT\n1, A ,undervote,B,1\n2,overvote,,C,1\n3,,,,1\n\n4,\"C\",A,B,9\n"
        let read = try ballots(
            csv, source: #", "idColumnIndex" : "1", "overvoteLabel" : "overvote", "skippedRankLabel" : "undervote""#)
        #expect(marks(read) == [[[a], [], [b]], [[.overvote], [], [c]], [], [[c], [a], [b]]])
        #expect(read.map(\.id) == ["1", "2", "3", "4"])
        #expect(read.allSatisfy { $0.count == 1 })
    }

    @Test func essOvervoteDelimiterAndWriteInsAndBlanks() throws {
        let csv = "Id,1,2,3\n1,A|B,C|,\n2,W,,B\n"
        let read = try ballots(
            csv, source: #", "overvoteDelimiter" : "|", "undeclaredWriteInLabel" : "W""#)
        #expect(marks(read) == [[[a, b], [c]], [[.undeclaredWriteIn], [], [b]]])
        let blanks = try ballots(
            "Id,1,2,3\n1,,A,\n", source: #", "treatBlankAsUndeclaredWriteIn" : true"#)
        #expect(marks(blanks) == [[[.undeclaredWriteIn], [a], [.undeclaredWriteIn]]])
        #expect(throws: RCTabError.self) {
            try ballots("Id,1,2,3\n1,A||B,,\n", source: #", "overvoteDelimiter" : "|""#)
        }
    }

    @Test func essReadsOnlyMaxRankingsColumnsAndResolvesAliases() throws {
        let read = try ballots("Id,1,2,3\n1,A,B,C\n", rules: #", "maxRankingsAllowed" : "2""#)
        #expect(marks(read) == [[[a], [b]]])
        let precincts = try ballots("P,1,2,3\n,A,,\nP1,B,,\n", source: #", "precinctColumnIndex" : "1""#)
        #expect(precincts.map(\.precinct) == ["missing_precinct_id", "P1"])
    }

    @Test func unknownCandidatesAreRefusedWithTheirCounts() {
        do {
            _ = try ballots("Id,1,2,3\n1,Zed,,\n2,Zed,Yod,\n")
            Issue.record("accepted")
        } catch {
            #expect(error.code == "unrecognized_candidate")
            #expect(error.message.contains("\"Zed\" (2 times, first at cvr.csv:2)"))
        }
    }

    @Test func genericCSVColumnsAreCandidatesAndCellsRanks() throws {
        let csv = "Id,A,B,C,Write-In\n\nr1,1,2,,\nr2,,1,1,\nr3,2,,,1\nr4, , ,,\n"
        let read = try ballots(csv, provider: "genericCsv", source: #", "undeclaredWriteInLabel" : "Write-In""#)
        #expect(marks(read) == [[[a], [b]], [[b, c]], [[.undeclaredWriteIn], [a]], []])
        #expect(throws: RCTabError.self) { try ballots("Id,A,B,C\nr1,first,,\n", provider: "genericCsv") }
        #expect(throws: RCTabError.self) { try ballots("Id,A,B,C\nr1,0,,\n", provider: "genericCsv") }
        #expect(throws: RCTabError.self) { try ballots("Id,A,B,C\nr1,4,,\n", provider: "genericCsv") }
    }

    @Test func identicalRecordsMergeIntoCounts() throws {
        let read = try ballots("Id,1,2,3\n1,A,B,\n2,B,,\n3,A,B,\n", source: #", "idColumnIndex" : "1""#, merge: true)
        #expect(marks(read) == [[[a], [b]], [[b]]])
        #expect(read.map(\.count) == [2, 1])
        #expect(read.map(\.id) == [nil, "2"])
    }

    @Test func missingFilesNameWhereTheyWereLookedFor() {
        let text = """
            { "outputSettings" : { "contestName" : "T" },
              "cvrFileSources" : [ { "filePath" : "gone.xlsx", "provider" : "ess",
                "firstVoteColumnIndex" : "2", "firstVoteRowIndex" : "2" } ],
              "candidates" : [ { "name" : "A" } ],
              "rules" : { "tiebreakMode" : "useCandidateOrder", "overvoteRule" : "alwaysSkipToNextRank",
                "winnerElectionMode" : "singleWinnerMajority" } }
            """
        do {
            let config = try RCTabConfigReader.parse(Array(text.utf8), path: "/c/config.json")
            _ = try RCTabCVRReader.ballots(for: config) { _ in nil }
            Issue.record("accepted")
        } catch {
            #expect(error.code == "cvr_missing")
            #expect(error.message.contains("/c/gone.csv"))
        }
    }

    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func theMinneapolisMayorRaceHas80101Records() throws {
        let session = try RCTabSession(
            configPath: RCTabCorpus.configPath("2013_minneapolis_mayor"), readFile: RCTabCorpus.readFile)
        #expect(session.ballots.reduce(0) { $0 + $1.count } == 80101)
        #expect(session.ballots.count < 80101)
    }
}
