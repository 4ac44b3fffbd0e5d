import Foundation
import Testing

@testable import PlenumCLI

/// `plenum tally FILE --method M --rctab-summary [--output FILE]`: Plenum's own count written as
/// RCTab's summary JSON.
@Suite struct OutcomeSummaryTallyCommandTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "plenum-summary-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let path = folder + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func output(_ arguments: [String]) throws -> String {
        let parsed = try PlenumCommand.parseAsRoot(arguments)
        guard let command = parsed as? TallyCommand else {
            Issue.record("\(arguments) is not a tally command")
            return ""
        }
        return try command.output()
    }

    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let printed = try output(arguments)
            Issue.record("succeeded with \(printed)", sourceLocation: sourceLocation)
        } catch let failure as CommandFailure {
            #expect(!failure.message.contains("\n"), sourceLocation: sourceLocation)
            return failure.message
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
        return ""
    }

    // Ann 3, Bob 2 (one of them with Ann second), Cid 1 (Bob second); 6 ballots, more than 3
    // wins (threshold 4). Cid is eliminated and goes to Bob: Ann 3, Bob 3, still threshold 4; Ann
    // and Bob tie, Bob had fewer in round 1 and is eliminated; Ann gets one ballot and wins.
    let csv = "Ann,Bob,Cid\n1,,\n1,,\n1,,\n,1,\n2,1,\n,2,1\n"

    @Test func theCountIsPrintedAsRCTabsSummary() throws {
        let path = try write("club.csv", csv)
        let printed = try output([
            "tally", path, "--method", "instant-runoff", "--rctab-summary", "--office", "Chair",
        ])
        #expect(printed.hasPrefix("{\n  \"config\" : {\n    \"contest\" : \"club\",\n    \"date\" : \"\",\n"))
        #expect(printed.contains("\"office\" : \"Chair\""))
        #expect(printed.contains("\"jsonFormatVersion\" : \"1\""))
        #expect(printed.contains("\"eliminated\" : \"Cid\",\n      \"transfers\" : {\n        \"Bob\" : \"1\"\n"))
        #expect(printed.contains("\"elected\" : \"Ann\""))
        #expect(printed.contains("\"threshold\" : \"4\""))
        #expect(printed.hasSuffix("\"undervotes\" : 0\n  }\n}\n"))
    }

    @Test func outputWritesTheFileAndTheContestCanBeNamed() throws {
        let path = try write("club.csv", csv)
        let target = folder + "/summary.json"
        let printed = try output([
            "tally", path, "--method", "scottish-stv", "--rctab-summary", "--output", target, "--contest", "Board",
            "--generated-by", "test",
        ])
        #expect(printed == "wrote \(target)\n")
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self)
        #expect(written.contains("\"contest\" : \"Board\""))
        #expect(written.contains("\"generatedBy\" : \"test\""))
    }

    @Test func otherMethodsAndMixedOptionsAreOneLineFailures() throws {
        let path = try write("club.csv", csv)
        #expect(
            failure(["tally", path, "--method", "schulze", "--rctab-summary"])
                == "--rctab-summary writes instant-runoff, scottish-stv, meek-stv counts, not schulze")
        #expect(
            failure(["tally", path, "--method", "instant-runoff", "--rctab-summary", "--json"]).contains("not both"))
        #expect(failure(["tally", path, "--method", "instant-runoff", "--office", "x"]).contains("--rctab-summary"))
        #expect(failure(["tally", path, "--method", "instant-runoff", "--output", "x"]).contains("--rctab-summary"))
    }
}
