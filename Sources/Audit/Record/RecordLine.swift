import Ledger
import Sodium
import Statements

/// One line of a `plenum-record-v1` file (docs/audit-record.md): the header, a statement with
/// its leaf and inclusion proof, a consistency proof, or the end.
public enum RecordLine: Sendable {
    case header(RecordHeader)
    case statement(leaf: UInt64, statement: SignedStatement, proof: [SHA256Digest])
    case consistency(ConsistencyProof)
    case end(statements: Int)

    /// The format name in the header.
    public static let format = "plenum-record-v1"

    /// The longest line read, in bytes (16 MiB).
    static let maximumLineBytes = 1 << 24

    /// The line as JSON (written canonically, one per line).
    public var json: JSONValue {
        switch self {
        case .header(let header):
            var members = [
                JSONMember("type", .string("header")), JSONMember("format", .string(RecordLine.format)),
                JSONMember("organization", .string(header.organization)), JSONMember("origin", .string(header.origin)),
                JSONMember("logKey", .string(header.logKey.base64url)), JSONMember("round", .string(header.round.hex)),
                JSONMember("checkpoint", header.checkpoint.recordJSON),
            ]
            if let pool = header.pool { members.append(JSONMember("pool", .string(pool.hex))) }
            return .object(members)
        case .statement(let leaf, let statement, let proof):
            return .object([
                JSONMember("type", .string("statement")), JSONMember("leaf", .integer(Int64(leaf))),
                JSONMember("entry", .string(Base64URL.encode(statement.logEntry))),
                JSONMember("proof", .array(proof.map { .string(Base64URL.encode($0.bytes)) })),
            ])
        case .consistency(let proof):
            return .object([
                JSONMember("type", .string("consistency")), JSONMember("from", .integer(Int64(proof.oldSize))),
                JSONMember("to", .integer(Int64(proof.newSize))),
                JSONMember("path", .array(proof.path.map { .string(Base64URL.encode($0.bytes)) })),
            ])
        case .end(let count):
            return .object([JSONMember("type", .string("end")), JSONMember("statements", .integer(Int64(count)))])
        }
    }

    /// The line's bytes, ending with a newline.
    public var bytes: [UInt8] { CanonicalJSON.encode(json) + [0x0A] }

    /// Reads one line (without its newline).
    public init(parsing bytes: [UInt8]) throws(RecordLineError) {
        var reader = try Self.reader(bytes)
        do {
            switch try reader.string("type") {
            case "header":
                guard try reader.string("format") == RecordLine.format else {
                    throw RecordLineError("the format is not \(RecordLine.format)")
                }
                let organization = try reader.string("organization")
                let origin = try reader.string("origin")
                let logKey = try reader.publicKey("logKey")
                let round = try reader.statementID("round")
                var checkpointReader = try reader.object("checkpoint")
                let checkpoint = try SignedCheckpoint(recordReading: &checkpointReader)
                let pool = try reader.optionalStatementID("pool")
                self = .header(
                    RecordHeader(
                        organization: organization, origin: origin, logKey: logKey, round: round,
                        checkpoint: checkpoint,
                        pool: pool))
            case "statement":
                let (leaf, statement) = try Self.statement(&reader)
                self = .statement(leaf: leaf, statement: statement, proof: try Self.hashes(reader.array("proof")))
            case "consistency":
                let from = try reader.integer("from", in: 0...Int64.max)
                let to = try reader.integer("to", in: 0...Int64.max)
                self = .consistency(
                    ConsistencyProof(
                        oldSize: UInt64(from), newSize: UInt64(to), path: try Self.hashes(reader.array("path"))))
            case "end":
                self = .end(statements: Int(try reader.integer("statements", in: 0...Int64.max)))
            case let other:
                throw RecordLineError("unknown line type \"\(other)\"")
            }
            try reader.finish()
        } catch let error as RecordLineError {
            throw error
        } catch {
            throw RecordLineError("\(error)")
        }
    }

    /// Reads a statement line without decoding its proof hashes: the verifier decodes only the
    /// few it needs (``InclusionMemo`` stops at the first proven node).
    static func statementLine(
        parsing bytes: [UInt8]
    ) throws(RecordLineError) -> (
        leaf: UInt64, statement: SignedStatement, proof: [String]
    ) {
        var reader = try Self.reader(bytes)
        do {
            guard try reader.string("type") == "statement" else { throw RecordLineError("not a statement line") }
            let (leaf, statement) = try Self.statement(&reader)
            var proof: [String] = []
            for value in try reader.array("proof") {
                guard case .string(let text) = value else { throw RecordLineError("a proof hash is not a string") }
                proof.append(text)
            }
            try reader.finish()
            return (leaf, statement, proof)
        } catch let error as RecordLineError {
            throw error
        } catch {
            throw RecordLineError("\(error)")
        }
    }

    /// A line's JSON object, read by the strict parser within the record's limits.
    private static func reader(_ bytes: [UInt8]) throws(RecordLineError) -> PayloadReader {
        do {
            return PayloadReader(
                try StrictJSONParser(maximumDepth: 8, maximumBytes: RecordLine.maximumLineBytes).parseObject(bytes))
        } catch {
            throw RecordLineError("not a JSON object: \(error)")
        }
    }

    /// A statement line's leaf and statement (its `entry`, decoded and split).
    private static func statement(_ reader: inout PayloadReader) throws -> (UInt64, SignedStatement) {
        let leaf = try reader.integer("leaf", in: 0...Int64.max)
        guard let entry = try? Base64URL.decode(try reader.string("entry")) else {
            throw RecordLineError("entry is not base64url")
        }
        do { return (UInt64(leaf), try SignedStatement(logEntry: entry)) } catch {
            throw RecordLineError("entry is not a log entry: \(error)")
        }
    }

    private static func hashes(_ values: [JSONValue]) throws(RecordLineError) -> [SHA256Digest] {
        var hashes: [SHA256Digest] = []
        hashes.reserveCapacity(values.count)
        for value in values {
            guard case .string(let text) = value, let bytes = try? Base64URL.decode(text),
                let digest = try? SHA256Digest(bytes: bytes)
            else { throw RecordLineError("a proof hash is not 32 bytes of base64url") }
            hashes.append(digest)
        }
        return hashes
    }
}

/// A record line that does not parse.
public struct RecordLineError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The header of a record: whose log, which round, and the checkpoint every proof is against.
public struct RecordHeader: Sendable, Equatable {
    public let organization: String
    public let origin: String
    public let logKey: PublicKey
    public let round: StatementID
    /// The record checkpoint.
    public let checkpoint: SignedCheckpoint
    /// For a distribution's record: the pool whose plan the round chose.
    public let pool: StatementID?

    public init(
        organization: String, origin: String, logKey: PublicKey, round: StatementID, checkpoint: SignedCheckpoint,
        pool: StatementID? = nil
    ) {
        self.organization = organization
        self.origin = origin
        self.logKey = logKey
        self.round = round
        self.checkpoint = checkpoint
        self.pool = pool
    }
}

extension SignedCheckpoint {
    /// `{"origin","size","root","signature"}`, as the record and the API write a checkpoint.
    var recordJSON: JSONValue {
        .object([
            JSONMember("origin", .string(checkpoint.origin)), JSONMember("size", .integer(Int64(checkpoint.size))),
            JSONMember("root", .string(Base64URL.encode(checkpoint.root.bytes))),
            JSONMember("signature", .string(signature.base64url)),
        ])
    }

    init(recordReading reader: inout PayloadReader) throws {
        let origin = try reader.string("origin")
        let size = try reader.integer("size", in: 0...Int64.max)
        let root = try SHA256Digest(bytes: try reader.bytes("root", length: 32))
        let signature = try Signature(bytes: try reader.bytes("signature", length: 64))
        try reader.finish()
        self.init(checkpoint: try Checkpoint(origin: origin, size: UInt64(size), root: root), signature: signature)
    }
}
