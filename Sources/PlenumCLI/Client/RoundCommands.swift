import ArgumentParser
import Counting
import Foundation
import Ledger
import Sodium
import Statements

/// `plenum round`: stewards open and close rounds; everyone lists and reads them.
struct RoundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Open, close, list and show decision rounds.",
        subcommands: [Open.self, Close.self, List.self, Show.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a round (stewards), on a proposal's current revision or on a question.",
            discussion: """
                The electorate is frozen now: every active member with a key, at their current weight. \
                Ballot shapes follow the method (`plenum tally --list-methods`).
                """)
        @OptionGroup var options: ClientOptions
        @Option(help: "The proposal voted on (its current revision); omit for a question round.") var proposal: String?
        @Option(help: "The question shown to voters.") var question: String
        @Option(help: "The voting method.") var method: String
        @Option(help: "An option; repeat for each, in order.") var option: [String]
        @Option(help: "Seats, for multi-winner methods.") var seats = 1
        @Option(name: .customLong("param"), help: "A method parameter key=value; repeat for several.")
        var parameter: [String] = []
        @Option(name: .customLong("tie-break"), help: "order, seed:N or list:A,B,C.") var tieBreak = "order"
        @Option(name: .customLong("closes-in"), help: "Close on schedule after this long: 90m, 36h, 7d.")
        var closesIn: String?
        @Option(help: "The share of the electorate's weight that must vote, as p/q.") var quorum: String?
        @Option(help: "The share of counted weight that must support the winner, as p/q.") var threshold: String?
        @Flag(help: "Hide results until the round closes (default: visible live).") var hidden = false
        @Option(name: .customLong("budget"), help: "For participatory budgeting: the total budget.") var budget: Int64?
        @Option(help: "For participatory budgeting: an option's cost as NAME=COST; repeat for each.") var cost:
            [String] = []

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                var proposalID: StatementID?
                var revision: StatementID?
                if let proposal {
                    let id = try statementArgument(proposal, "--proposal")
                    let shown = try await client.get("proposals/\(id.hex)")
                    proposalID = id
                    revision = try statementArgument(try shown.string("current"), "the current revision")
                }
                let electorate = try await client.get("electorate")
                guard let commitment = try? SHA256Digest(bytes: hexBytes(try electorate.string("commitment"))) else {
                    throw CommandFailure("the server sent a malformed electorate commitment")
                }
                let parameters = try keyValues(parameter, option: "--param")
                var roundBudget: RoundBudget?
                if let budget {
                    var costs: [String: Int64] = [:]
                    for item in cost {
                        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                        guard parts.count == 2, let value = Int64(parts[1]) else {
                            throw CommandFailure("--cost takes NAME=COST, not \(item)")
                        }
                        costs[parts[0]] = value
                    }
                    roundBudget = RoundBudget(total: budget, costs: costs)
                }
                let open = RoundOpen(
                    header: try await client.header(), proposal: proposalID, revision: revision, question: question,
                    method: method, options: option, seats: seats, parameters: parameters,
                    tieBreak: try MethodOptions.TieBreak(parsing: tieBreak), budget: roundBudget,
                    closes: try closesIn.map { Clock.milliseconds() + (try duration($0)) },
                    quorum: try quorum.map(fraction), threshold: try threshold.map(fraction),
                    visibility: hidden ? .hidden : .live, electorate: commitment,
                    voters: Int(try electorate.integer("voters")))
                let receipt = try await client.submit(open)
                try options.output(receipt) { print("round \(try receipt.string("statement"))") }
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a round and publish its result (stewards).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The round's id.") var round: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try statementArgument(round, "the round")
                let receipt = try await client.submit(RoundClose(header: try await client.header(), round: id))
                let result = try await client.get("rounds/\(id.hex)/result")
                options.output(result) {
                    print("closed round \(id.hex) at leaf \(receipt["leaf"]?.integerValue ?? -1)")
                    printResult(result)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rounds.")
        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await clientCommand {
                let answer = try await options.client().get("rounds")
                options.output(answer) {
                    for round in answer["rounds"]?.arrayValue ?? [] {
                        let open = round["open"]
                        print(
                            "\(round["id"]?.stringValue ?? "")  [\(round["state"]?.stringValue ?? "")]  "
                                + "\(open?["method"]?.stringValue ?? "")  \(open?["question"]?.stringValue ?? "")")
                    }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a round and its result (the certificate once closed; live counts if visible).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The round's id.") var round: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try statementArgument(round, "the round")
                let shown = try await client.get("rounds/\(id.hex)")
                var result: JSONValue = .null
                do {
                    result = try await client.get("rounds/\(id.hex)/result")
                } catch let error as ClientError where error.code == "result_hidden" {
                    result = .object([JSONMember("hidden", .bool(true))])
                }
                let both = JSONValue.object([JSONMember("round", shown), JSONMember("result", result)])
                options.output(both) {
                    let open = shown["open"]
                    print("\(open?["question"]?.stringValue ?? "")  [\(shown["state"]?.stringValue ?? "")]")
                    let choices = (open?["options"]?.arrayValue ?? []).compactMap(\.stringValue)
                    print("method \(open?["method"]?.stringValue ?? ""); options: \(choices.joined(separator: ", "))")
                    print(
                        "\(shown["ballotsCounted"]?.integerValue ?? 0) of \(shown["voters"]?.integerValue ?? 0) voters "
                            + "have a ballot")
                    if result["hidden"] != nil {
                        print("results are hidden until the round closes")
                    } else {
                        printResult(result)
                    }
                }
            }
        }
    }
}

/// Prints a result: the winners, quorum and whether it passed.
func printResult(_ result: JSONValue) {
    let body = result["certificate"] ?? result
    let outcome = body["outcome"]
    if let error = outcome?["error"] {
        print("the count failed: \(error["message"]?.stringValue ?? "")")
        return
    }
    let candidates = (outcome?["candidates"]?.arrayValue ?? []).compactMap(\.stringValue)
    let winners = (outcome?["winners"]?.arrayValue ?? []).compactMap { value -> String? in
        if let name = value.stringValue { return name }
        if let index = value.integerValue, index >= 0, index < candidates.count { return candidates[Int(index)] }
        return nil
    }
    let kind = result["provisional"] != nil ? "provisional result" : "result"
    print("\(kind): \(winners.isEmpty ? "no winner" : winners.joined(separator: ", "))")
    if case .bool(let met)? = body["quorumMet"] { print("quorum \(met ? "met" : "not met")") }
    if case .bool(let passed)? = body["passed"] { print(passed ? "passed" : "did not pass") }
}

/// Parses p/q.
func fraction(_ text: String) throws -> Fraction {
    let parts = text.split(separator: "/").map { Int64($0) }
    guard parts.count == 2, let num = parts[0], let den = parts[1], num > 0, den > 0, num <= den else {
        throw CommandFailure("a share is p/q with 0 < p <= q, not \(text)")
    }
    return Fraction(num: num, den: den)
}

/// Parses 90m, 36h, 7d into milliseconds.
func duration(_ text: String) throws -> Int64 {
    let units: [Character: Int64] = ["s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000]
    guard let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count > 0 else {
        throw CommandFailure("a duration is a whole number with s, m, h or d: 90m, 36h, 7d; not \(text)")
    }
    return count * unit
}

/// Bytes of a hex string (empty on a malformed one).
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return [] }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return [] }
        bytes.append(byte)
    }
    return bytes
}
