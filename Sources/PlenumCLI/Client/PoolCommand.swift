import ArgumentParser
import Foundation
import Ledger
import Statements

/// `plenum pool`: pools of money, the plans members vote on, contributions and peer
/// allocations, and running the chosen plan.
struct PoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool", abstract: "Share a pool of money by a plan the members choose.",
        discussion: """
            A steward creates a pool and proposes plans (a sharing method and its parameters); members \
            record contributions and peer allocations; a round whose options are the plans' titles \
            chooses one; `pool run` computes it and the server signs the result.
            """,
        subcommands: [Create.self, Plan.self, Contribute.self, Allocate.self, List.self, Show.self, Run.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a pool (stewards).")
        @OptionGroup var options: ClientOptions
        @Option(help: "What the pool is.") var name: String
        @Option(help: "The amount, as decimal text in the currency: 1500.00.") var amount: String
        @Option(help: "The currency code.") var currency: String
        @Option(help: "The currency's decimals.") var decimals = 2

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let receipt = try await client.submit(
                    PoolCreate(
                        header: try await client.header(), name: name, amount: amount, currency: currency,
                        decimals: decimals))
                try options.output(receipt) { print("pool \(try receipt.string("statement"))") }
            }
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose a plan for a pool (stewards): its title is the option voters see.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The pool's id.") var pool: String
        @Option(help: "The plan's title.") var title: String
        @Option(help: "The sharing method (plenum shares --list-methods).") var method: String
        @Option(name: .customLong("param"), help: "A method parameter key=value; repeat for several.")
        var parameter: [String] = []

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let parameters = try keyValues(parameter, option: "--param")
                let receipt = try await client.submit(
                    PlanCreate(
                        header: try await client.header(), pool: try statementArgument(pool, "the pool"), title: title,
                        method: method, parameters: parameters))
                try options.output(receipt) { print("plan \(try receipt.string("statement"))") }
            }
        }
    }

    struct Contribute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a contribution (yours; stewards may record anyone's).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The pool's id.") var pool: String
        @Option(help: "The measure: hours, points (7.5, 1/3).") var amount: String
        @Option(parsing: .unconditional, help: "Whose contribution (default: yours).") var member: String?
        @Option(help: "The period, for time-decayed plans.") var period: Int64?
        @Option(help: "What it was for.") var note: String?

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let who = try member.map(memberArgument) ?? MemberID(client.key!.publicKey)
                let receipt = try await client.submit(
                    ShareContribution(
                        header: try await client.header(), pool: try statementArgument(pool, "the pool"), member: who,
                        amount: amount, period: period, note: note))
                try options.output(receipt) { print("contribution \(try receipt.string("statement"))") }
            }
        }
    }

    struct Allocate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give points to other members for peer-allocation plans (replaces your earlier allocation).")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The pool's id.") var pool: String
        @Option(parsing: .unconditionalSingleValue, help: "MEMBER=POINTS; repeat for each member you give to.")
        var give: [String]
        @Option(help: "The sequence (default: one more than your last).") var sequence: Int64 = 1

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                var gifts: [MemberID: Int64] = [:]
                for item in give {
                    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let points = Int64(parts[1]) else {
                        throw CommandFailure("--give takes MEMBER=POINTS, not \(item)")
                    }
                    gifts[try memberArgument(parts[0])] = points
                }
                let receipt = try await client.submit(
                    ShareAllocation(
                        header: try await client.header(), pool: try statementArgument(pool, "the pool"),
                        sequence: sequence, gifts: gifts))
                try options.output(receipt) { print("allocation \(try receipt.string("statement"))") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pools.")
        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await clientCommand {
                let answer = try await options.client().get("pools")
                options.output(answer) {
                    for pool in answer["pools"]?.arrayValue ?? [] {
                        print(
                            "\(pool["id"]?.stringValue ?? "")  [\(pool["state"]?.stringValue ?? "")]  "
                                + "\(pool["amount"]?.stringValue ?? "") \(pool["currency"]?.stringValue ?? "")  "
                                + "\(pool["name"]?.stringValue ?? "")")
                    }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a pool and what each plan would pay every member now.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The pool's id.") var pool: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try statementArgument(pool, "the pool")
                let shown = try await client.get("pools/\(id.hex)")
                let preview = try await client.get("pools/\(id.hex)/preview")
                let both = JSONValue.object([JSONMember("pool", shown), JSONMember("preview", preview)])
                options.output(both) {
                    print(
                        "\(shown["name"]?.stringValue ?? ""): \(shown["amount"]?.stringValue ?? "") "
                            + "\(shown["currency"]?.stringValue ?? "")  [\(shown["state"]?.stringValue ?? "")]")
                    for plan in preview["plans"]?.arrayValue ?? [] {
                        print("\nplan \"\(plan["title"]?.stringValue ?? "")\" (\(plan["method"]?.stringValue ?? ""))")
                        if let error = plan["error"] {
                            print("  cannot be computed yet: \(error["message"]?.stringValue ?? "")")
                        } else if case .object(let shares)? = plan["shares"] {
                            for share in shares { print("  \(share.key)  \(share.value.stringValue ?? "")") }
                        }
                    }
                }
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pool by the plan a closed round chose (stewards); the server signs the result.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The pool's id.") var pool: String
        @Option(help: "The closed round whose options are the pool's plans.") var round: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let id = try statementArgument(pool, "the pool")
                let receipt = try await client.submit(
                    DistributionRun(
                        header: try await client.header(), pool: id, round: try statementArgument(round, "the round")))
                let shown = try await client.get("pools/\(id.hex)")
                options.output(shown) {
                    print("distributed pool \(id.hex) at leaf \(receipt["leaf"]?.integerValue ?? -1)")
                    if case .object(let shares)? = shown["shares"] {
                        for share in shares { print("  \(share.key)  \(share.value.integerValue ?? 0)") }
                    }
                }
            }
        }
    }
}
