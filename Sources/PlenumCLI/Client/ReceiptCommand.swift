import ArgumentParser
import Foundation
import Ledger
import Service
import Sodium
import Statements

/// `plenum receipt`: shows and verifies receipts against the server's current checkpoint.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: "Show or verify the receipt of a statement.",
        subcommands: [Show.self, Verify.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch a statement's receipt from the server.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The statement's id.") var statement: String

        func run() async throws {
            try await clientCommand {
                let id = try statementArgument(statement, "the statement")
                let receipt = try await options.client().get("receipts/\(id.hex)")
                print(String(decoding: CanonicalJSON.encode(receipt), as: UTF8.self))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a receipt: the statement is in the log, and the log only grew since.",
            discussion: """
                Takes a receipt file (as `plenum vote` saves it) or a statement id (the receipt is then \
                fetched). Checks the statement's bytes against the receipt's id, the checkpoint's \
                signature with the log key, the inclusion proof, and a consistency proof from the \
                receipt's checkpoint to the server's current one.
                """)
        @OptionGroup var options: ClientOptions
        @Argument(help: "A receipt file, or a statement id.") var receipt: String

        func run() async throws {
            try await clientCommand {
                let client = try options.client()
                let receiptJSON: JSONValue
                if let id = StatementID(hex: receipt) {
                    receiptJSON = try await client.get("receipts/\(id.hex)")
                } else {
                    guard let data = FileManager.default.contents(atPath: receipt) else {
                        throw CommandFailure("\(receipt) is neither a statement id nor a readable receipt file")
                    }
                    receiptJSON = try StrictJSONParser().parse(Array(data))
                }
                guard case .object(let members) = receiptJSON else {
                    throw CommandFailure("a receipt is a JSON object")
                }
                let parsed = try Receipt(json: members)
                let org = try await client.get("org", authenticated: false)
                let logKey = try PublicKey(base64url: try org.string("logKey"))
                let origin = try org.string("origin")
                let stored = try await client.get("statements/\(parsed.statement.hex)")
                var reader = PayloadReader(
                    [
                        JSONMember("kind", stored["kind"] ?? .null), JSONMember("payload", stored["payload"] ?? .null),
                        JSONMember("signature", stored["signature"] ?? .null),
                    ])
                let statement = try SignedStatement(
                    kind: StatementKind(try reader.string("kind")),
                    payload: Base64URL.decode(try reader.string("payload")),
                    signature: Signature(base64url: try reader.string("signature")))
                do {
                    try parsed.verify(statement, logKey: logKey, origin: origin)
                } catch {
                    throw CommandFailure("the receipt does not verify: \(error)")
                }
                print(
                    "ok: statement \(parsed.statement.hex) is leaf \(parsed.leaf) of checkpoint size \(parsed.checkpoint.checkpoint.size)"
                )
                let currentJSON = try await client.get("checkpoint", authenticated: false)
                guard case .object(let currentMembers) = currentJSON else {
                    throw CommandFailure("malformed checkpoint")
                }
                var currentReader = PayloadReader(currentMembers)
                let current = try SignedCheckpoint(reading: &currentReader)
                let proofJSON = try await client.get(
                    "checkpoint/consistency?from=\(parsed.checkpoint.checkpoint.size)&to=\(current.checkpoint.size)",
                    authenticated: false)
                let path = try (proofJSON["path"]?.arrayValue ?? []).map { value -> SHA256Digest in
                    guard let text = value.stringValue else { throw CommandFailure("malformed consistency proof") }
                    return try SHA256Digest(bytes: Base64URL.decode(text))
                }
                let proof = ConsistencyProof(
                    oldSize: parsed.checkpoint.checkpoint.size, newSize: current.checkpoint.size, path: path)
                do {
                    try parsed.checkpoint.verifyExtended(by: current, proof: proof, logKey: logKey)
                } catch {
                    throw CommandFailure("the server's current checkpoint does not extend the receipt's: \(error)")
                }
                print("ok: the current checkpoint (size \(current.checkpoint.size)) extends it consistently")
            }
        }
    }
}
