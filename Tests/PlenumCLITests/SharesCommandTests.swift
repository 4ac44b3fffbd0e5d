import ArgumentParser
import Foundation
import Shares
import Testing

@testable import PlenumCLI

/// `plenum shares ...` as a user types it: parsed as `plenum` parses it, the table and JSON
/// compared exactly, and each failure as the one-line message the user sees.
@Suite struct SharesCommandTests {
    let harness: CommandHarness
    var folder: String { harness.folder }

    init() throws { harness = try CommandHarness("plenum-shares") }

    func write(_ name: String, _ contents: String) throws -> String { try harness.write(name, contents) }
    func output(_ arguments: [String]) throws -> String { try harness.output(arguments) }
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        harness.failure(arguments, sourceLocation: sourceLocation)
    }

    let hours = "member,weight\n# hours this quarter\nann,3\n\"bob\",3\ncid , 1\n"

    @Test func theTableShowsSharesQuotasAndLeftoverUnits() throws {
        let path = try write("hours.csv", hours)
        let report = try output(["shares", "proportional", "--input", path, "--pot", "10.00", "--currency", "EUR"])
        #expect(
            report == """
                proportional: 10.00 EUR from \(path)
                Paid:         10.00 EUR

                  Member  Share  Exact quota  Leftover unit
                  ------  -----  -----------  -------------------------------------------------------
                  ann      4.29  4.285714…    +1: equal remainder and weight, earlier in member order
                  bob      4.28  4.285714…
                  cid      1.43  1.428571…    +1: larger remainder

                total_weight: 7

                """)
    }

    @Test func jsonIsTheLibrarysCanonicalJSON() throws {
        let path = try write("hours.csv", hours)
        let printed = try output([
            "shares", "proportional", "--input", path, "--pot", "10.00", "--currency", "EUR", "--json",
        ])
        let euro = try Currency(code: "EUR", decimals: 2)
        let expected = try Proportional.distribute(
            Money(units: 1000, currency: euro),
            weights: [MemberWeight("ann", .init(3)), MemberWeight("bob", .init(3)), MemberWeight("cid", .init(1))])
        #expect(printed == String(decoding: expected.canonicalBytes, as: UTF8.self) + "\n")
    }

    @Test func aJSONInputCarriesPotCurrencyAndParametersAndTheCommandLineOverridesThem() throws {
        let path = try write(
            "cap.json",
            """
            {"pot": "100", "currency": "PTS", "decimals": 0, "parameters": {"cap": "35"},
             "rows": [{"member": "a", "weight": 34}, {"member": "b", "weight": 50}, {"member": "c", "weight": "16"}]}
            """)
        let printed = try output(["shares", "water-filling", "--input", path, "--json"])
        #expect(printed.contains(#""shares":[{"amount":35,"member":"a","quota":"35"},{"amount":35,"member":"b""#))
        #expect(printed.contains(#"{"amount":30,"member":"c","quota":"30"}"#))
        let larger = try output(["shares", "water-filling", "--input", path, "--pot", "105", "--param", "cap=40"])
        #expect(larger.contains("water-filling: 105 PTS"))
        #expect(larger.contains("  a          40  40\n  b          40  40\n  c          25  25\n"))
    }

    @Test func bucketsComeFromAJSONInput() throws {
        let path = try write(
            "buckets.json",
            """
            {"pot": "1000.00", "currency": "EUR", "parameters": {"rest": "proportional"},
             "buckets": [{"label": "reserve", "payee": "reserve", "percent-of-pot": "10"},
                         {"label": "rent", "payee": "landlord", "fixed": "300.00"}],
             "rows": [{"member": "ann", "weight": 1}, {"member": "bob", "weight": 2}]}
            """)
        let report = try output(["shares", "buckets", "--input", path])
        #expect(report.contains("  ann       200.00  200.00       rest 200.00"))
        #expect(report.contains("  landlord  300.00  300.00       rent 300.00"))
        #expect(report.contains("  reserve   100.00  100.00       reserve 100.00"))
    }

    @Test func otherMethodsReadTheirOwnColumns() throws {
        let peer = try write("peer.csv", "from,to,points\na,b,60\na,c,40\nb,a,100\nc,a,50\nc,b,50\n")
        let peerReport = try output(
            ["shares", "peer", "--input", peer, "--pot", "30", "--currency", "EUR", "--param", "budget=100"])
        #expect(peerReport.contains("  a       15.00  15.00\n  b       11.00  11.00\n  c        4.00  4.00\n"))
        let game = try write("gloves.csv", "coalition,value\na,0\nb,0\nc,0\na+b,6\na+c,6\nb+c,0\na+b+c,6\n")
        let shapley = try output(["shares", "shapley", "--input", game, "--currency", "EUR"])
        #expect(shapley.contains("  a        4.00  4.00\n  b        1.00  1.00\n  c        1.00  1.00\n"))
        let votes = try write("votes.csv", "member,votes\nA,100000\nB,80000\nC,30000\nD,20000\n")
        let seats = try output(["shares", "sainte-lague", "--input", votes, "--pot", "8", "--json"])
        #expect(seats.contains(#"{"amount":1,"member":"D","quota":"16/23"}"#))
        let claims = try write("claims.csv", "member,claim\na,100\nb,200\nc,300\n")
        let talmud = try output([
            "shares", "talmud", "--input", claims, "--pot", "200", "--currency", "ZUZ", "--decimals", "0",
        ])
        #expect(talmud.contains("  a          50  50\n  b          75  75\n  c          75  75\n"))
    }

    @Test func failuresAreOneLineMessages() throws {
        let path = try write("hours.csv", hours)
        #expect(
            failure(["shares", "splitwise", "--input", path]).hasPrefix(
                "no sharing method is called \"splitwise\"; the methods are proportional, peer"))
        #expect(failure(["shares", "proportional"]) == "give the input file with --input FILE")
        #expect(failure(["shares"]) == "give a sharing method (plenum shares --list-methods lists them)")
        #expect(
            failure(["shares", "proportional", "--input", path, "--pot", "10.00"])
                == "invalid parameter: give the currency (--currency CODE, and --decimals N if it does not have 2)")
        #expect(
            failure(["shares", "proportional", "--input", path, "--pot", "10.005", "--currency", "EUR"])
                == "invalid amount: \"10.005\" has more than 2 decimals")
        #expect(
            failure(["shares", "proportional", "--input", path, "--pot", "1", "--currency", "EUR", "--param", "cap=3"])
                == "invalid parameter: unknown parameter cap (this method has none)")
        #expect(
            failure(["shares", "peer", "--input", path, "--pot", "1", "--currency", "EUR"])
                == "\(path): line 3: unknown column member (the columns are from, to, points)")
        let zero = try write("zero.csv", "member,weight\na,0\n")
        #expect(
            failure(["shares", "proportional", "--input", zero, "--pot", "1", "--currency", "EUR"])
                == "no eligible weight: no member has a positive weight to share pot by")
        let bad = try write("bad.csv", "member,weight\na,1.5e3\n")
        #expect(
            failure(["shares", "proportional", "--input", bad, "--pot", "1", "--currency", "EUR"])
                == "invalid number: line 2: weight: \"1.5e3\" is not a number such as 12, 12.5 or 1/3")
        let short = try write("short.csv", "member,weight\na\n")
        #expect(
            failure(["shares", "proportional", "--input", short, "--pot", "1", "--currency", "EUR"])
                == "\(short): line 2: 1 cells, but the header names 2 columns")
        let broken = try write("broken.json", "{\"rows\": [1.5]}")
        #expect(failure(["shares", "proportional", "--input", broken]).hasPrefix("\(broken): not valid JSON"))
        #expect(
            failure(["shares", "buckets", "--input", path, "--pot", "1", "--currency", "EUR"])
                == "\(path): buckets: give them in a JSON input's \"buckets\" array")
        #expect(
            failure(["shares", "proportional", "--input", folder + "/none.csv"])
                == "\(folder)/none.csv: no such file, or it cannot be read")
        #expect(
            failure(["shares", "proportional", "--input", folder + "/hours.txt"])
                == "cannot tell the format of \(folder)/hours.txt from its name; give --format csv or json")
        #expect(
            failure(["shares", "proportional", "--input", path, "--param", "cap"])
                == "--param takes key=value, not \"cap\"")
    }

    @Test func theHelpAndTheMethodListExplainEveryOption() throws {
        let help = PlenumCommand.helpMessage(for: SharesCommand.self)
        for option in [
            "--input <file>", "--pot <amount>", "--currency <code>", "--decimals <n>", "--param <key=value>", "--json",
            "--list-methods", "--format <format>",
        ] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(PlenumCommand.helpMessage().contains("shares"))
        let list = try output(["shares", "--list-methods"])
        for method in SharesMethod.all { #expect(list.contains("\(method.name): ")) }
    }
}
