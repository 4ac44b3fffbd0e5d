import Sodium

/// The state of a log at a moment: its origin (which log), its size and its root hash.
///
/// Its body is three lines of text, each ending in `\n`: the origin, the size in decimal, and the
/// root as unpadded base64url (the layout of C2SP's tlog-checkpoint with Plenum's base64url). A
/// ``SignedCheckpoint`` signs `"plenum/v1/checkpoint\0" + body` with the log key.
public struct Checkpoint: Hashable, Sendable {
    /// Identifies the log: a printable ASCII string without spaces, e.g. `plenum.example.org/acme`.
    public var origin: String
    public var size: UInt64
    public var root: SHA256Digest

    /// The statement kind checkpoints are signed as.
    public static let kind = try! StatementKind("checkpoint")

    /// A checkpoint; the origin must be 1 to 255 printable ASCII characters without spaces.
    public init(origin: String, size: UInt64, root: SHA256Digest) throws(CheckpointError) {
        guard Checkpoint.isWellFormedOrigin(origin) else { throw .invalidOrigin(origin) }
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// Whether `origin` is 1 to 255 of the printable ASCII characters `!` to `~`.
    public static func isWellFormedOrigin(_ origin: String) -> Bool {
        let bytes = Array(origin.utf8)
        return (1...255).contains(bytes.count) && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// `origin\nsize\nroot\n`.
    public var body: [UInt8] {
        Array("\(origin)\n\(size)\n\(Base64URL.encode(root.bytes))\n".utf8)
    }

    /// Parses a body strictly: exactly three lines, a decimal size with no leading zeros or sign,
    /// and a 32-byte base64url root.
    public init(body: [UInt8]) throws(CheckpointError) {
        guard body.last == 0x0A else { throw .malformedBody("the body must end with a newline") }
        let lines = body.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count == 3 else { throw .malformedBody("the body must have exactly three lines") }
        let origin = String(decoding: lines[0], as: UTF8.self)
        let sizeText = Array(lines[1])
        guard !sizeText.isEmpty, sizeText.count <= 20, sizeText.allSatisfy({ (0x30...0x39).contains($0) }),
            sizeText.count == 1 || sizeText[0] != 0x30,
            let size = UInt64(String(decoding: sizeText, as: UTF8.self))
        else { throw .malformedBody("the size must be a decimal number without leading zeros") }
        guard let rootBytes = try? Base64URL.decode(String(decoding: lines[2], as: UTF8.self)),
            let root = try? SHA256Digest(bytes: rootBytes)
        else { throw .malformedBody("the root must be 32 bytes in unpadded base64url") }
        try self.init(origin: origin, size: size, root: root)
    }

    /// The bytes the log key signs.
    public var signedBytes: [UInt8] { SignedStatement.signedBytes(kind: Checkpoint.kind, payload: body) }

    /// Signs this checkpoint with the log key.
    public func signed(with logKey: SigningKey) -> SignedCheckpoint {
        SignedCheckpoint(checkpoint: self, signature: logKey.sign(signedBytes))
    }
}

/// A checkpoint with the log key's signature over its signed bytes.
public struct SignedCheckpoint: Hashable, Sendable {
    public let checkpoint: Checkpoint
    public let signature: Signature

    public init(checkpoint: Checkpoint, signature: Signature) {
        self.checkpoint = checkpoint
        self.signature = signature
    }

    /// Succeeds only if the checkpoint is for `origin` and is signed by `logKey`.
    public func verify(logKey: PublicKey, origin: String) throws(CheckpointError) {
        guard checkpoint.origin == origin else {
            throw .wrongOrigin(expected: origin, actual: checkpoint.origin)
        }
        guard logKey.isValidSignature(signature, for: checkpoint.signedBytes) else { throw .badSignature }
    }

    /// Succeeds only if `newer` extends this checkpoint: both verified for the same origin and
    /// log key, sizes in order, and `proof` shows this tree is a prefix of the newer one.
    public func verifyExtended(
        by newer: SignedCheckpoint, proof: ConsistencyProof, logKey: PublicKey
    ) throws(CheckpointError) {
        try verify(logKey: logKey, origin: checkpoint.origin)
        try newer.verify(logKey: logKey, origin: checkpoint.origin)
        guard proof.oldSize == checkpoint.size, proof.newSize == newer.checkpoint.size else {
            throw .proofForOtherSizes
        }
        do {
            try proof.verify(oldRoot: checkpoint.root, newRoot: newer.checkpoint.root)
        } catch {
            throw .inconsistent(error)
        }
    }
}

/// Why a checkpoint was refused, each case with a stable ``code``.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidOrigin(String)
    case malformedBody(String)
    case wrongOrigin(expected: String, actual: String)
    case badSignature
    case proofForOtherSizes
    case inconsistent(MerkleError)

    public var code: String {
        switch self {
        case .invalidOrigin: return "invalid_origin"
        case .malformedBody: return "malformed_checkpoint"
        case .wrongOrigin: return "wrong_origin"
        case .badSignature: return "bad_checkpoint_signature"
        case .proofForOtherSizes: return "proof_for_other_sizes"
        case .inconsistent: return "inconsistent_checkpoints"
        }
    }

    public var description: String {
        switch self {
        case .invalidOrigin(let origin): return "\"\(origin)\" is not a log origin (printable ASCII, no spaces)"
        case .malformedBody(let reason): return "malformed checkpoint: \(reason)"
        case .wrongOrigin(let expected, let actual): return "checkpoint is for log \"\(actual)\", not \"\(expected)\""
        case .badSignature: return "the checkpoint's signature does not verify with the log key"
        case .proofForOtherSizes: return "the consistency proof is for other tree sizes than the checkpoints"
        case .inconsistent(let error): return "the checkpoints are not consistent: \(error)"
        }
    }
}
