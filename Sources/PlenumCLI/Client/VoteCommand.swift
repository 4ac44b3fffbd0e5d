import ArgumentParser
import Foundation
import Ledger
import Statements

/// `plenum vote`: casts (or replaces) your ballot in an open round and keeps its receipt.
struct VoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Cast or change your ballot in an open round.",
        discussion: """
            Give exactly one of --rank, --approve, --score or --stance, as the round's method takes. \
            Voting again replaces your ballot (with the next sequence number) until the round closes. \
            The receipt is saved under --receipts so `plenum receipt verify` can check it later.
            """)

    @OptionGroup var options: ClientOptions
    @Argument(help: "The round's id.") var round: String
    @Option(help: "A ranking, most preferred first: A,B,C; equal ranks joined by =: A=B,C.") var rank: String?
    @Option(help: "The approved options: A,B.") var approve: String?
    @Option(help: "A score as OPTION=N; repeat for each option you score.") var score: [String] = []
    @Option(help: "A consent stance as OPTION=agree|abstain|object|block; repeat for each.") var stance: [String] = []
    @Option(help: ArgumentHelp("Where receipts are saved.", valueName: "directory")) var receipts: String?

    func run() async throws {
        try await clientCommand {
            let client = try options.client()
            let id = try statementArgument(round, "the round")
            let shown = try await client.get("rounds/\(id.hex)")
            let revision = try shown["open"]?["revision"]?.stringValue.map { try statementArgument($0, "revision") }
            var sequence: Int64 = 1
            do {
                let mine = try await client.get("rounds/\(id.hex)/ballot")
                sequence = try mine.integer("sequence") + 1
            } catch let error as ClientError where error.code == "no_ballot" {}
            let ballot = BallotCast(
                header: try await client.header(), round: id, revision: revision, sequence: sequence,
                choice: try choice())
            let receipt = try await client.submit(ballot)
            let statement = try receipt.string("statement")
            let directory = receipts ?? VoteCommand.defaultReceipts(options)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = "\(directory)/\(statement).json"
            guard FileManager.default.createFile(atPath: path, contents: Data(CanonicalJSON.encode(receipt))) else {
                throw CommandFailure("the ballot was accepted, but its receipt could not be saved to \(path)")
            }
            options.output(receipt) {
                print(
                    "ballot \(statement) (sequence \(sequence)) accepted at leaf \(receipt["leaf"]?.integerValue ?? -1)"
                )
                print("receipt saved to \(path)")
            }
        }
    }

    static func defaultReceipts(_ options: ClientOptions) -> String {
        let key = options.keyFile ?? KeyFile.defaultPath(environment: ProcessInfo.processInfo.environment)
        return URL(fileURLWithPath: key).deletingLastPathComponent().appendingPathComponent("receipts").path
    }

    private func choice() throws -> BallotChoice {
        let given = [rank != nil, approve != nil, !score.isEmpty, !stance.isEmpty].filter { $0 }.count
        guard given == 1 else { throw CommandFailure("give exactly one of --rank, --approve, --score, --stance") }
        if let rank {
            return .ranking(rank.split(separator: ",").map { $0.split(separator: "=").map(String.init) })
        }
        if let approve { return .approve(approve.split(separator: ",").map(String.init)) }
        if !score.isEmpty {
            var scores: [String: Int64] = [:]
            for item in score {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Int64(parts[1]) else {
                    throw CommandFailure("--score takes OPTION=N, not \(item)")
                }
                scores[parts[0]] = value
            }
            return .scores(scores)
        }
        var stances: [String: ConsentStance] = [:]
        for item in stance {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = ConsentStance(rawValue: parts[1]) else {
                throw CommandFailure("--stance takes OPTION=agree|abstain|object|block, not \(item)")
            }
            stances[parts[0]] = value
        }
        return .stances(stances)
    }
}
