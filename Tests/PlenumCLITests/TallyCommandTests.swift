import ArgumentParser
import Counting
import Foundation
import Testing

@testable import PlenumCLI

/// `plenum tally ...` end to end: parsed as `plenum` parses it, the printed report and JSON
/// compared exactly, and each failure as the one-line message the user sees.
@Suite struct TallyCommandTests {
    let harness: CommandHarness
    var folder: String { harness.folder }

    init() throws { harness = try CommandHarness("plenum-tally") }

    func write(_ name: String, _ contents: String) throws -> String { try harness.write(name, contents) }
    func output(_ arguments: [String]) throws -> String { try harness.output(arguments) }
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        harness.failure(arguments, sourceLocation: sourceLocation)
    }

    // Hand-checked: first preferences Ann 2 (rows 1, 4), Bob 2 (rows 2, 5), Cid 1 (row 3); the
    // blank row 6 is exhausted. Ann and Bob tie; the candidate order favours Ann.
    let tiedCSV = "Ann,Bob,Cid\n1,2,\n2,1,\n,,1\n1,,\n,1,\n,,\n"

    @Test func theReportShowsMethodBallotsWinnerRoundsAndTies() throws {
        let path = try write("tie.csv", tiedCSV)
        let report = try output(["tally", path, "--method", "plurality"])
        #expect(
            report == """
                \(path)
                \(String(repeating: "=", count: min(path.count, 100)))
                Method:     plurality
                Parameter:  tie_break = candidate order, most favoured first: Ann, Bob, Cid
                Ballots:    6 ranked ballots (6 distinct), 3 candidates, read as csv from \(path)
                Winner:     Ann
                Ranking:    1. Ann = Bob  2. Cid

                Round 1: first preferences
                  Candidate  Votes  Event
                  ---------  -----  -----
                  Ann            2  elected (most first preferences)
                  Bob            2
                  Cid            1
                  Exhausted: 1

                Ties
                  round 1, winner: Ann, Bob tied
                    chosen: Ann, by tie-break order (candidate order): the earliest is favoured

                """)
    }

    @Test func jsonOutputIsTheOutcomesCanonicalJSON() throws {
        let path = try write("tie.csv", tiedCSV)
        let json = try output(["tally", path, "--method", "plurality", "--json", "--tie-break", "list:Bob,Cid,Ann"])
        let expected = [
            #"{"candidates":["Ann","Bob","Cid"],"method":"plurality","#,
            #""parameters":{"tie_break":{"order":[1,2,0],"source":"given order"}},"ranking":[[0,1],[2]],"#,
            #""rounds":[{"events":[{"candidate":1,"kind":"elected","reason":"most first preferences"}],"#,
            #""exhausted":1,"label":"first preferences","round":1,"#,
            #""tallies":[{"candidate":0,"votes":2},{"candidate":1,"votes":2},{"candidate":2,"votes":1}],"#,
            #""transfers":[]}],"#,
            #""ties":[{"chosen":[1],"decision":"winner","round":1,"#,
            #""rule":"tie-break order (given order): the earliest is favoured","tied":[0,1]}],"winners":[1]}"#,
        ]
        #expect(json == expected.joined() + "\n")
    }

    @Test func theFormatComesFromTheExtensionOrTheOption() throws {
        let prefLib = """
            # DATA TYPE: soi
            # TITLE: Club vote
            # NUMBER ALTERNATIVES: 2
            # ALTERNATIVE NAME 1: Ann
            # ALTERNATIVE NAME 2: Bob
            # NUMBER VOTERS: 3
            # NUMBER UNIQUE ORDERS: 2
            2: 2,1
            1: 1
            """
        let soi = try write("club.soi", prefLib)
        let report = try output(["tally", soi, "--method", "plurality"])
        #expect(report.hasPrefix("Club vote\n=========\n"))
        #expect(report.contains("Winner:     Bob\n"))
        #expect(report.contains("read as preflib from \(soi)"))

        let untyped = try write("club.data", prefLib)
        #expect(
            try output(["tally", untyped, "--method", "plurality", "--format", "preflib"]).contains("Winner:     Bob"))
        #expect(failure(["tally", untyped, "--method", "plurality"]).contains("cannot tell the format"))
        #expect(
            failure(["tally", untyped, "--method", "plurality", "--format", "xls"]).contains("unknown format \"xls\""))
        // A two-candidate BLT file, one ballot for A.
        let blt = try write("a.blt", "2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n")
        #expect(try output(["tally", blt, "--method", "plurality"]).contains("Winner:     A\n"))
    }

    @Test func withdrawnCandidatesAndSeedsAreReported() throws {
        let path = try write(
            "w.json",
            #"{"title": "With withdrawn", "candidates": ["Ann", "Bob", "Cid"], "withdrawn": ["Ann"], "ballots": "#
                + #"[{"ranking": ["Ann", "Cid"], "weight": 3}, {"ranking": ["Bob"], "weight": 2}]}"#)
        let report = try output(["tally", path, "--method", "plurality", "--tie-break", "seed:3"])
        #expect(report.contains("Parameter:  withdrawn = Ann\n"))
        #expect(report.contains("; withdrawn: Ann\n"))
        #expect(report.contains("Winner:     Cid\n"))
        #expect(report.contains("  Bob            2\n  Cid            3  elected (most first preferences)\n"))
        #expect(!report.contains("  Ann "))
    }

    @Test func theBallotShapeOfACSVFileCanBeGiven() throws {
        let path = try write("approval.csv", "Ann,Bob\nx,\n")
        #expect(
            failure(["tally", path, "--method", "plurality", "--ballot-shape", "approval"])
                == "plurality counts ranked ballots")
        #expect(
            failure(["tally", path, "--method", "plurality", "--ballot-shape", "score"])
                == "--ballot-shape is ranked, approval or rating, not \"score\"")
        #expect(
            failure(["tally", path, "--method", "plurality"])
                == "\(path): line 2: the rank of Ann is \"x\"; a rank is a whole number from 1, or blank")
    }

    @Test func everyFailureIsOneLineNamingTheProblem() throws {
        let path = try write("tie.csv", tiedCSV)
        #expect(
            failure(["tally", path, "--method", "borda-count"]).hasPrefix(
                "no voting method is called \"borda-count\"; known methods: plurality"))
        #expect(failure(["tally", path]).contains("--method"))
        #expect(failure(["tally", "--method", "plurality"]).contains("give a ballot file"))
        #expect(
            failure(["tally", folder + "/missing.csv", "--method", "plurality"]) == folder
                + "/missing.csv: no such file")
        #expect(
            failure(["tally", folder, "--method", "plurality", "--format", "csv"]).hasSuffix(
                "is a directory, not a ballot file"))
        #expect(
            failure(["tally", path, "--method", "plurality", "--seats", "2"])
                == "invalid parameter: plurality elects one candidate; it cannot fill 2 seats")
        #expect(
            failure(["tally", path, "--method", "plurality", "--param", "quota=droop"])
                == "invalid parameter: plurality has no parameter \"quota\" (it has none)")
        #expect(failure(["tally", path, "--method", "plurality", "--param", "quota"]).contains("key=value"))
        #expect(
            failure(["tally", path, "--method", "plurality", "--tie-break", "coin"]).contains(
                "order, seed:N or list:A,B,C"))
        #expect(
            failure(["tally", path, "--method", "plurality", "--tie-break", "list:Ann,Bob"])
                == "invalid parameter: a tie-break order must list each of the 3 candidates once")
        let bad = try write("bad.csv", "Ann,Bob\n1,2\n1,2,3\n")
        #expect(
            failure(["tally", bad, "--method", "plurality"]) == "\(bad): line 3: this row has 3 cells; the header has 2"
        )
        let latin1 = folder + "/latin1.csv"
        try Data([0x41, 0x6E, 0x6E, 0x2C, 0x52, 0x61, 0x70, 0x68, 0x61, 0xEB, 0x6C, 0x0A]).write(
            to: URL(fileURLWithPath: latin1))
        #expect(
            failure(["tally", latin1, "--method", "plurality"]).hasPrefix(
                "\(latin1): line 1: the file is not valid UTF-8"))
    }

    @Test func theMethodListNamesEveryMethodWithItsBallots() throws {
        let list = try output(["tally", "--list-methods"])
        #expect(list.hasPrefix("plurality: Each ballot counts for its first preference; the most votes wins.\n"))
        #expect(list.contains("    ballots: ranked\n    seats: one\n"))
    }

    @Test func everyOptionIsExplainedInTheHelp() {
        let help = PlenumCommand.helpMessage(for: TallyCommand.self)
        for option in [
            "<file>", "--method <name>", "--format <format>", "--ballot-shape <shape>", "--seats <n>",
            "--tie-break <rule>", "--param <key=value>", "--json", "--list-methods",
        ] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(PlenumCommand.helpMessage().contains("tally"))
    }
}

/// The round table with everything a round can hold (STV-like), rendered directly.
@Suite struct TallyReportTests {
    @Test func aRoundShowsThresholdTransfersEventsAndDetails() {
        let round = TraceRound(
            number: 2, label: "transfer of Ann's surplus",
            tallies: [
                CandidateTally(candidate: 1, votes: TraceNumber(FixedPoint(units: 1_234_567, places: 5))),
                CandidateTally(candidate: 2, votes: TraceNumber(7)),
            ],
            exhausted: TraceNumber(Rational(1, 3)), threshold: TraceNumber(10),
            events: [TraceEvent(.elected, 0, reason: "reached the quota"), TraceEvent(.eliminated, 2)],
            transfers: [
                Transfer(from: 0, to: 1, votes: TraceNumber(2)), Transfer(from: 0, to: nil, votes: TraceNumber(1)),
            ],
            details: [JSONMember("quota", .string("droop"))])
        let lines = TallyReport.roundLines(round, names: ["Ann", "Bob", "Cid"])
        #expect(
            lines == [
                "Round 2: transfer of Ann's surplus",
                "  Candidate     Votes  Event",
                "  ---------  --------  -----",
                "  Bob        12.34567",
                "  Cid               7  eliminated",
                "  Ann                  elected (reached the quota)",
                "  Exhausted: 1/3",
                "  Threshold: 10",
                "  Transfer:  Ann -> Bob: 2",
                "  Transfer:  Ann -> exhausted: 1",
                "  quota: droop",
            ])
    }
}
