import Sodium

/// A statement as it travels and is stored: its kind, the exact payload bytes its author wrote,
/// and the detached signature over ``signedBytes``.
///
/// The signed bytes are `"plenum/v1/" + kind + "\0" + payload`. Nothing is re-serialized: the
/// payload bytes received are the bytes verified, hashed and stored. The statement's ``id`` is the
/// SHA-256 of the signed bytes.
public struct SignedStatement: Hashable, Sendable {
    /// The domain-separation prefix shared by every Plenum signature.
    public static let prefix = "plenum/v1/"

    public let kind: StatementKind
    /// The payload exactly as signed: UTF-8 JSON.
    public let payload: [UInt8]
    public let signature: Signature

    /// Wraps received parts; nothing is checked until ``open(as:context:)`` or ``verify(by:)``.
    public init(kind: StatementKind, payload: [UInt8], signature: Signature) {
        self.kind = kind
        self.payload = payload
        self.signature = signature
    }

    /// Signs `payload` as a statement of `kind`.
    public init(signing payload: [UInt8], as kind: StatementKind, with key: SigningKey) {
        self.kind = kind
        self.payload = payload
        self.signature = key.sign(SignedStatement.signedBytes(kind: kind, payload: payload))
    }

    /// `"plenum/v1/" + kind + "\0" + payload`.
    public static func signedBytes(kind: StatementKind, payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.utf8.count + kind.name.utf8.count + 1 + payload.count)
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(contentsOf: kind.name.utf8)
        bytes.append(0)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// The bytes the signature covers.
    public var signedBytes: [UInt8] { SignedStatement.signedBytes(kind: kind, payload: payload) }

    /// The statement's id: SHA-256 of its signed bytes.
    public var id: SHA256Digest { SHA256.hash(signedBytes) }

    /// Checks the signature over the exact signed bytes with `key`.
    public func verify(by key: PublicKey) throws(StatementError) {
        guard key.isValidSignature(signature, for: signedBytes) else { throw .badSignature }
    }

    /// Opens the statement as a `Payload`: the kind must match, the payload must parse strictly
    /// as that kind (no unknown fields), its author key must be a valid point, the signature must
    /// verify with that key, and the header must fit `context` (organization, time window).
    public func open<Payload: StatementPayload>(
        as type: Payload.Type, context: VerificationContext
    ) throws(StatementError) -> VerifiedStatement<Payload> {
        let parsed = try parse(as: type, parser: context.parser)
        try finishOpening(parsed.header, context: context)
        return VerifiedStatement(statement: self, payload: parsed)
    }

    /// The first half of ``open(as:context:)``: the kind and the strict payload, but **not** the
    /// signature. Only for a verifier that calls ``finishOpening(_:context:)`` on the result
    /// before trusting it (the auditor parses a chunk of statements, then checks all of their
    /// signatures in one tight loop).
    package func parse<Payload: StatementPayload>(
        as type: Payload.Type, parser: StrictJSONParser
    ) throws(StatementError) -> Payload {
        guard kind == Payload.kind else { throw .kindMismatch(expected: Payload.kind, actual: kind) }
        do {
            let members = try parser.parseObject(payload)
            var reader = PayloadReader(members)
            let parsed = try Payload(reading: &reader)
            try reader.finish()
            return parsed
        } catch {
            throw .payload(error)
        }
    }

    /// The second half of ``open(as:context:)``: the signature by the header's author, then the
    /// header against `context`, in that order (a forged statement is a bad signature, whatever
    /// it claims).
    package func finishOpening(_ header: StatementHeader, context: VerificationContext) throws(StatementError) {
        try verify(by: header.author)
        try context.check(header)
    }

    /// ``finishOpening(_:context:)`` for a caller that holds this statement's signed bytes
    /// already (a log entry's bytes after its signature), so they are not assembled again.
    package func finishOpening(
        _ header: StatementHeader, signedBytes: UnsafeRawBufferPointer, context: VerificationContext
    ) throws(StatementError) {
        try Self.finishOpening(header, signature: signature, signedBytes: signedBytes, context: context)
    }

    /// ``finishOpening(_:signedBytes:context:)`` for a statement that was never assembled: its
    /// signature and signed bytes as a log entry holds them (a verifier reads a canonical
    /// ballot straight from its entry).
    package static func finishOpening(
        _ header: StatementHeader, signature: Signature, signedBytes: UnsafeRawBufferPointer,
        context: VerificationContext
    ) throws(StatementError) {
        guard header.author.isValidSignature(signature, for: signedBytes) else { throw .badSignature }
        try context.check(header)
    }
}
