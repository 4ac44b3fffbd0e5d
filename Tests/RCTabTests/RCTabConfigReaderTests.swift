import RCTab
import Testing

@Suite struct RCTabConfigReaderTests {
    func parse(_ text: String) throws(RCTabError) -> RCTabContestConfig {
        try RCTabConfigReader.parse(Array(text.utf8), path: "/contests/test_config.json")
    }

    func config(source: String = "", rules: String = "", candidates: String? = nil, output: String = "") -> String {
        """
        { "tabulatorVersion" : "TEST",
          "outputSettings" : { "contestName" : "Test"\(output) },
          "cvrFileSources" : [ { "filePath" : "../_shared/cvr.xlsx", "provider" : "ess",
            "firstVoteColumnIndex" : "2", "firstVoteRowIndex" : 2\(source) } ],
          "candidates" : \(candidates ?? #"[ { "name" : "A", "aliases" : [ "a", "" ] }, { "name" : "B", "code" : "" } ]"#),
          "rules" : { "tiebreakMode" : "useCandidateOrder", "overvoteRule" : "alwaysSkipToNextRank",
            "winnerElectionMode" : "singleWinnerMajority"\(rules) } }
        """
    }

    func failure(_ text: String) -> RCTabError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreRCTabsAndStringsOrNumbersBothRead() throws {
        let read = try parse(config())
        #expect(read.directory == "/contests")
        #expect(read.outputSettings.contestName == "Test")
        #expect(read.outputSettings.contestDate == nil)
        #expect(read.cvrSources.count == 1)
        let source = read.cvrSources[0]
        #expect(source.firstVoteColumnIndex == 2 && source.firstVoteRowIndex == 2)
        #expect(source.idColumnIndex == nil && source.overvoteLabel == nil)
        #expect(read.candidates.map(\.name) == ["A", "B"])
        #expect(read.candidates[0].aliases == ["a"])
        #expect(read.candidates[1].code == nil)
        #expect(read.rules.decimalPlacesForVoteArithmetic == 4)
        #expect(read.rules.maxSkippedRanksAllowed == 1)
        #expect(read.rules.maxRankingsAllowed == nil)
        #expect(read.rules.numberOfWinners == 1)
        #expect(read.maxRankings == 2)
        #expect(!read.hasUndeclaredWriteIns)
        #expect(read.summaryCandidateCount == 2)
    }

    @Test func everyRuleOptionIsRead() throws {
        let rules = """
            , "randomSeed" : "-42", "numberOfWinners" : 3, "multiSeatBottomsUpPercentageThreshold" : "15",
            "decimalPlacesForVoteArithmetic" : "6", "minimumVoteThreshold" : "10", "maxSkippedRanksAllowed" : "unlimited",
            "maxRankingsAllowed" : "5", "nonIntegerWinningThreshold" : true, "floorWinningThreshold" : "false",
            "doesFirstRoundDetermineThreshold" : true, "hareQuota" : true, "batchElimination" : true,
            "cutoffElimination" : true, "continueUntilTwoCandidatesRemain" : true,
            "stopTabulationEarlyAfterRound" : "7", "exhaustOnDuplicateCandidate" : true, "rulesDescription" : "x",
            "treatBlankAsUndeclaredWriteIn" : true
            """
        let read = try parse(config(rules: rules).replacingOccurrences(of: "useCandidateOrder", with: "random"))
        let parsed = read.rules
        #expect(parsed.tiebreakMode == .random && parsed.randomSeed == -42)
        #expect(parsed.numberOfWinners == 3)
        #expect(parsed.multiSeatBottomsUpPercentageThreshold == RCTabDecimal(15))
        #expect(parsed.decimalPlacesForVoteArithmetic == 6 && parsed.minimumVoteThreshold == 10)
        #expect(parsed.maxSkippedRanksAllowed == nil && parsed.maxRankingsAllowed == 5)
        #expect(parsed.nonIntegerWinningThreshold && !parsed.floorWinningThreshold)
        #expect(parsed.doesFirstRoundDetermineThreshold && parsed.hareQuota && parsed.batchElimination)
        #expect(parsed.cutoffElimination && parsed.continueUntilTwoCandidatesRemain)
        #expect(parsed.stopTabulationEarlyAfterRound == 7 && parsed.exhaustOnDuplicateCandidate)
        #expect(parsed.rulesDescription == "x")
        // The legacy rules flag applies to every source, and makes write-ins part of the count.
        #expect(read.cvrSources[0].treatBlankAsUndeclaredWriteIn && read.hasUndeclaredWriteIns)
        #expect(read.summaryCandidateCount == 3 && read.maxRankings == 5)
    }

    @Test func unknownMembersAreRefusedNotIgnored() {
        #expect(failure(config(rules: #", "surplusMethod" : "gregory""#))?.code == "unsupported_option")
        #expect(failure(config(source: #", "sheetName" : "x""#))?.code == "unsupported_option")
        #expect(failure(config(output: #", "colour" : "red""#))?.code == "unsupported_option")
        let located = failure(config(rules: #", "surplusMethod" : "gregory""#))
        #expect(located?.location == "test_config.json: rules.surplusMethod")
    }

    @Test func invalidValuesAreRefused() {
        let cases: [(String, String)] = [
            (config().replacingOccurrences(of: "useCandidateOrder", with: "coinToss"), "config_value"),
            (config().replacingOccurrences(of: "useCandidateOrder", with: "random"), "config_value"),
            (config(rules: #", "decimalPlacesForVoteArithmetic" : "21""#), "config_value"),
            (config(rules: #", "maxRankingsAllowed" : "0""#), "config_value"),
            (config(rules: #", "numberOfWinners" : "two""#), "config_value"),
            (config(rules: #", "hareQuota" : "maybe""#), "config_value"),
            (config(rules: #", "hareQuota" : 1"#), "config_type"),
            (
                config().replacingOccurrences(of: #""provider" : "ess""#, with: #""provider" : "dominion""#),
                "unsupported_option"
            ),
            (
                config().replacingOccurrences(of: #""provider" : "ess""#, with: #""provider" : "abacus""#),
                "config_value"
            ),
            (config(source: #", "overvoteDelimiter" : "|", "overvoteLabel" : "OV""#), "config_value"),
            (config(source: #", "contestId" : "7""#), "config_value"),
            (
                config(
                    source:
                        #" }, { "filePath" : "../_shared/cvr.xlsx", "provider" : "ess", "firstVoteColumnIndex" : 2, "firstVoteRowIndex" : 2"#
                ), "config_value"
            ),
            (config(candidates: #"[ { "name" : "A" }, { "name" : "B", "aliases" : [ "A" ] } ]"#), "config_value"),
            (config(candidates: #"[ { "name" : "exhausted" } ]"#), "config_value"),
            (config(candidates: #"[ { "name" : "A", "excluded" : true } ]"#), "config_value"),
            (config(candidates: "[ ]"), "config_value"),
            ("{ \"rules\" : 1.5 }", "config_syntax"),
            ("not json", "config_syntax"),
        ]
        for (text, code) in cases {
            #expect(failure(text)?.code == code, "\(text)")
        }
    }

    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func everyCorpusConfigurationIsRead() throws {
        for contest in RCTabCorpus.contests {
            let read = try RCTabCorpus.config(contest)
            #expect(!read.candidates.isEmpty, "\(contest)")
        }
        let park = try RCTabCorpus.config("2013_minneapolis_park")
        #expect(park.rules.winnerElectionMode == .multiWinnerAllowMultipleWinnersPerRound)
        #expect(park.rules.numberOfWinners == 3 && park.rules.randomSeed == 0)
        #expect(park.cvrSources[0].precinctColumnIndex == 1 && park.cvrSources[0].undeclaredWriteInLabel == "UWI")
        #expect(park.summaryCandidateCount == 11 && park.maxRankings == 3)
        let generic = try RCTabCorpus.config("generic_csv_test")
        #expect(generic.cvrSources[0].provider == .genericCsv)
        #expect(generic.notWritten.count == 2)
    }
}
