import RCTab
import Testing

/// The cast-vote-record readers read a file record by record, in place; these pin what that must
/// not change: which fault a file is refused for, quoted cells, and names compared as Swift
/// strings (canonically equivalent texts are the same name).
@Suite struct RCTabCVRStreamingTests {
    func ballots(
        _ csv: String, provider: String = "ess", source: String = "", candidates: [String] = ["A", "B", "C"],
        merge: Bool = true
    ) throws(RCTabError) -> [RCTabBallot] {
        let names = candidates.map { "{ \"name\" : \"\($0)\" }" }.joined(separator: ", ")
        let text = """
            { "outputSettings" : { "contestName" : "T" },
              "cvrFileSources" : [ { "filePath" : "cvr.csv", "provider" : "\(provider)",
                "firstVoteColumnIndex" : "2", "firstVoteRowIndex" : "2"\(source) } ],
              "candidates" : [ \(names) ],
              "rules" : { "tiebreakMode" : "useCandidateOrder", "overvoteRule" : "alwaysSkipToNextRank",
                "winnerElectionMode" : "singleWinnerMajority", "maxRankingsAllowed" : "3" } }
            """
        let config = try RCTabConfigReader.parse(Array(text.utf8), path: "/c/config.json")
        return try RCTabCVRReader.ballots(for: config, mergeIdentical: merge) { path in
            path == "/c/cvr.csv" ? Array(csv.utf8) : nil
        }
    }

    func error(_ read: () throws(RCTabError) -> [RCTabBallot]) -> RCTabError? {
        do throws(RCTabError) {
            _ = try read()
            return nil
        } catch {
            return error
        }
    }

    @Test func aSyntaxErrorAnywhereOutranksAnEarlierBadRecord() {
        let failure = error { () throws(RCTabError) in
            try ballots("Id,1,2,3\n1,A||B,,\n2,A,,\n3,\"B\"x,,\n", source: #", "overvoteDelimiter" : "|""#)
        }
        #expect(failure == RCTabError("cvr_syntax", at: "cvr.csv:4", "text after the closing quote of a quoted cell"))
    }

    @Test func aBadRecordOutranksAnEarlierRecordRankingTooFar() {
        let failure = error { () throws(RCTabError) in
            try ballots("Id,A,B,C\nr1,4,,\nr2,x,,\n", provider: "genericCsv")
        }
        #expect(failure == RCTabError("cvr_value", at: "cvr.csv:3", "expected a rank number in column 2, got \"x\""))
        let tooFar = error { () throws(RCTabError) in
            try ballots("Id,A,B,C\nr1,1,,\nr2,4,,\nr3,Zed,,\n", provider: "genericCsv")
        }
        #expect(tooFar?.message == "expected a rank number in column 2, got \"Zed\"")
        let ranked = error { () throws(RCTabError) in
            try ballots("Id,A,B,C\nr1,1,,\nr2,4,,\nr3,5,,\n", provider: "genericCsv")
        }
        #expect(
            ranked
                == RCTabError(
                    "cvr_value", at: "cvr.csv:3", "the record ranks a candidate 4; the contest allows 3 rankings"))
    }

    @Test func quotedCellsUnescapeAndCountTheirLineBreaks() throws {
        let csv = "P,1,2,3\n\"P \"\"1\"\"\",\"A\",\"B,\nC\",\n\"P \"\"1\"\"\",A,\"B,\nC\",\n\"P\n2\",\"A\",Zed,\n"
        let failure = error { () throws(RCTabError) in
            try ballots(csv, source: #", "precinctColumnIndex" : "1""#, candidates: ["A", "B,\\nC"])
        }
        #expect(failure?.message.hasSuffix("\"Zed\" (1 times, first at cvr.csv:6)") == true)
        let read = try ballots(
            String(csv.dropLast("\"P\n2\",\"A\",Zed,\n".count)), source: #", "precinctColumnIndex" : "1""#,
            candidates: ["A", "B,\\nC"])
        #expect(
            read == [RCTabBallot(rankings: [[.candidate("A")], [.candidate("B,\nC")]], count: 2, precinct: "P \"1\"")])
    }

    @Test func canonicallyEquivalentTextsAreTheSameNameAndPrecinct() throws {
        let read = try ballots(
            "P,1,2,3\n\u{E9}t\u{E9},e\u{301},A,\ne\u{301}te\u{301},\u{E9},A,\n",
            source: #", "precinctColumnIndex" : "1""#,
            candidates: ["\u{E9}", "A"])
        #expect(read.count == 1)
        #expect(read.first?.rankings == [[.candidate("\u{E9}")], [.candidate("A")]])
        #expect(read.first?.count == 2)
        #expect(read.first?.precinct == "\u{E9}t\u{E9}")
    }

    @Test func manyRecordsMergeIntoTheirDistinctBallots() throws {
        var csv = "Id,1,2,3\n"
        for record in 0..<3000 {
            csv += "\(record),\(["A", "B", "C"][record % 3]),\(["B", "C", "undervote"][record % 2]),\n"
        }
        let read = try ballots(csv, source: #", "skippedRankLabel" : "undervote""#)
        #expect(read.count == 6)
        #expect(read.reduce(0) { $0 + $1.count } == 3000)
        #expect(read.allSatisfy { $0.id == nil && $0.count == 500 })
    }
}
