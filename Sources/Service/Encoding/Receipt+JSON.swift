import Ledger
import Sodium
import Statements

extension Receipt {
    /// The receipt as JSON: `leaf`, `statement` (hex id), `checkpoint` (see
    /// ``SignedCheckpoint/json``) and `proof` (base64url hashes, leaf to root).
    public var json: JSONValue {
        .object([
            JSONMember("leaf", .integer(Int64(leaf))),
            JSONMember("statement", .string(statement.hex)),
            JSONMember("checkpoint", checkpoint.json),
            JSONMember("proof", .array(proof.path.map { .string(Base64URL.encode($0.bytes)) })),
        ])
    }

    /// Reads a receipt written by ``json``.
    public init(json members: [JSONMember]) throws(PayloadError) {
        var reader = PayloadReader(members)
        let leaf = try reader.integer("leaf", in: 0...Int64.max)
        let statementHex = try reader.string("statement")
        guard let statement = StatementID(hex: statementHex) else {
            throw .invalidValue(field: "statement", reason: "must be a 64-digit hex statement id")
        }
        var checkpointReader = try reader.object("checkpoint")
        let checkpoint = try SignedCheckpoint(reading: &checkpointReader)
        var path: [SHA256Digest] = []
        for (index, element) in try reader.array("proof").enumerated() {
            guard case .string(let text) = element, let bytes = try? Base64URL.decode(text),
                let digest = try? SHA256Digest(bytes: bytes)
            else { throw .invalidValue(field: "proof[\(index)]", reason: "must be a 32-byte hash in base64url") }
            path.append(digest)
        }
        try reader.finish()
        self.init(
            leaf: UInt64(leaf), statement: statement, checkpoint: checkpoint,
            proof: InclusionProof(leafIndex: UInt64(leaf), treeSize: checkpoint.checkpoint.size, path: path))
    }
}

extension SignedCheckpoint {
    /// The checkpoint as JSON: `origin`, `size`, `root` (base64url), `signature` (base64url) and
    /// `body` (the signed text, for convenience; a reader rebuilds it from the three fields).
    public var json: JSONValue {
        .object([
            JSONMember("origin", .string(checkpoint.origin)),
            JSONMember("size", .integer(Int64(checkpoint.size))),
            JSONMember("root", .string(Base64URL.encode(checkpoint.root.bytes))),
            JSONMember("signature", .string(signature.base64url)),
        ])
    }

    /// Reads a checkpoint written by ``json``.
    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        let origin = try reader.string("origin")
        let size = try reader.integer("size", in: 0...Int64.max)
        let rootText = try reader.string("root")
        let signatureText = try reader.string("signature")
        try reader.finish()
        guard let rootBytes = try? Base64URL.decode(rootText), let root = try? SHA256Digest(bytes: rootBytes) else {
            throw .invalidValue(field: "checkpoint.root", reason: "must be a 32-byte hash in base64url")
        }
        guard let signature = try? Signature(base64url: signatureText) else {
            throw .invalidValue(field: "checkpoint.signature", reason: "must be a 64-byte signature in base64url")
        }
        guard let checkpoint = try? Checkpoint(origin: origin, size: UInt64(size), root: root) else {
            throw .invalidValue(field: "checkpoint.origin", reason: "is not a checkpoint origin")
        }
        self.init(checkpoint: checkpoint, signature: signature)
    }
}

extension ConsistencyProof {
    /// The proof as JSON: `from`, `to` and `path` (base64url hashes).
    public var json: JSONValue {
        .object([
            JSONMember("from", .integer(Int64(oldSize))),
            JSONMember("to", .integer(Int64(newSize))),
            JSONMember("path", .array(path.map { .string(Base64URL.encode($0.bytes)) })),
        ])
    }
}
