import Foundation
import Testing

@testable import PlenumCLI

/// `plenum tally --rctab CONFIG.json [--output FILE]` end to end on a small hand-checked contest.
@Suite struct RCTabTallyCommandTests {
    let harness: CommandHarness
    var folder: String { harness.folder }

    init() throws { harness = try CommandHarness("plenum-rctab") }

    func write(_ name: String, _ contents: String) throws -> String { try harness.write(name, contents) }
    func output(_ arguments: [String]) throws -> String { try harness.output(arguments) }
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        harness.failure(arguments, sourceLocation: sourceLocation)
    }

    func config(rules extra: String = "") -> String {
        """
        {
          "tabulatorVersion" : "TEST",
          "outputSettings" : { "contestName" : "Tiny", "contestDate" : "2024-01-01",
            "contestJurisdiction" : "Here", "contestOffice" : "Chair" },
          "cvrFileSources" : [ { "filePath" : "tiny_cvr.xlsx", "provider" : "ess",
            "firstVoteColumnIndex" : "2", "firstVoteRowIndex" : "2", "idColumnIndex" : "1",
            "overvoteLabel" : "overvote", "skippedRankLabel" : "undervote" } ],
          "candidates" : [ { "name" : "A" }, { "name" : "B" }, { "name" : "Doe, Jane", "aliases" : [ "DOE" ] } ],
          "rules" : { "tiebreakMode" : "useCandidateOrder", "overvoteRule" : "exhaustImmediately",
            "winnerElectionMode" : "singleWinnerMajority", "maxRankingsAllowed" : "max",
            "maxSkippedRanksAllowed" : "1"\(extra) }
        }
        """
    }

    // Hand-checked: first choices A 2 (rows 1, 2), B 1 (row 3), Doe 2 (rows 4, 5, one by alias);
    // row 6 ranks no one (an undervote, in no tally). Threshold: 5 active votes → 3. B is last
    // and goes to Doe (row 3's second choice): Doe 3, elected in round 2.
    let records = """
        Id,Choice 1,Choice 2,Choice 3
        1,A,B,
        2,A,undervote,undervote
        3,B,"Doe, Jane",
        4,"Doe, Jane",B,A
        5,DOE,A,
        6,,,

        """

    @Test func theSummaryIsRCTabsJSON() throws {
        _ = try write("tiny_cvr.csv", records)
        let path = try write("tiny_config.json", config())
        let printed = try output(["tally", "--rctab", path])
        let round = { (number: Int, tally: String, results: String) in
            """
              {
                "inactiveBallots" : {
                  "exhaustedChoices" : "0",
                  "overvotes" : "0",
                  "repeatedRankings" : "0",
                  "skippedRankings" : "0"
                },
                "round" : \(number),
                "tally" : {
            \(tally)
                },
                "tallyResults" : [ \(results) ],
                "threshold" : "3"
              }
            """
        }
        let first = round(
            1, "      \"A\" : \"2\",\n      \"B\" : \"1\",\n      \"Doe, Jane\" : \"2\"",
            "{\n      \"eliminated\" : \"B\",\n      \"transfers\" : {\n        \"Doe, Jane\" : \"1\"\n      }\n    }")
        let second = round(
            2, "      \"A\" : \"2\",\n      \"Doe, Jane\" : \"3\"",
            "{\n      \"elected\" : \"Doe, Jane\",\n      \"transfers\" : { }\n    }")
        let expected = """
            {
              "config" : {
                "contest" : "Tiny",
                "date" : "2024-01-01",
                "generatedBy" : "Plenum (RCTab 2.0.0 summary format)",
                "jurisdiction" : "Here",
                "office" : "Chair"
              },
              "jsonFormatVersion" : "1",
              "results" : [\(first.dropFirst(1)), \(second.dropFirst(2)) ],
              "summary" : {
                "finalThreshold" : "3",
                "numCandidates" : 3,
                "numWinners" : 1,
                "totalNumBallots" : "6",
                "undervotes" : 1
              }
            }

            """
        #expect(printed == expected)
    }

    @Test func outputWritesTheFileAndGeneratedByIsChosen() throws {
        _ = try write("tiny_cvr.csv", records)
        let path = try write("tiny_config.json", config())
        let target = folder + "/summary.json"
        let printed = try output(["tally", "--rctab", path, "--output", target, "--generated-by", "RCTab 2.0.0"])
        #expect(printed == "wrote \(target)\n")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains(#""generatedBy" : "RCTab 2.0.0","#))
        #expect(written.hasSuffix("}"))
        #expect(RCTabTally.passPath("/x/summary.json", pass: 2) == "/x/summary_2.json")
        #expect(RCTabTally.passPath("/x/summary", pass: 1) == "/x/summary_1")
    }

    @Test func failuresAreOneLineMessages() throws {
        _ = try write("tiny_cvr.csv", records)
        let unknown = try write("unknown_config.json", config(rules: #", "surplusMethod" : "wig""#))
        #expect(throws: CommandFailure.self) { try output(["tally", "--rctab", unknown]) }
        do {
            _ = try output(["tally", "--rctab", unknown])
        } catch let failure as CommandFailure {
            #expect(failure.message.contains("rules.surplusMethod"))
            #expect(failure.message.contains("not an option"))
        }
        _ = try write("stranger_cvr.csv", "Id,Choice 1\n1,Zed\n")
        let stranger = try write(
            "stranger_config.json", config().replacingOccurrences(of: "tiny_cvr.xlsx", with: "stranger_cvr.xlsx"))
        do {
            _ = try output(["tally", "--rctab", stranger])
            Issue.record("an unknown candidate was accepted")
        } catch let failure as CommandFailure {
            #expect(failure.message.contains("\"Zed\""))
        }
        #expect(throws: CommandFailure.self) { try output(["tally", "--rctab", stranger, "--method", "irv"]) }
        #expect(throws: CommandFailure.self) { try output(["tally", "file.csv", "--output", "x.json"]) }
    }
}
