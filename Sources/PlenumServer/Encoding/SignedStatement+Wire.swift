import Ledger
import Sodium

extension SignedStatement {
    /// Reads a statement as the API carries it: `{"kind": ..., "payload": base64url, "signature":
    /// base64url}`. The payload travels base64url-encoded so that its bytes arrive exactly as
    /// signed, whatever a JSON library on the way would do to them.
    init(wire reader: inout PayloadReader) throws {
        let kindName = try reader.string("kind")
        let payloadText = try reader.string("payload")
        guard reader.optionalValue("signature") != nil else {
            throw APIError(.unauthorized, "missing_signature", "the statement has no signature")
        }
        let signatureText = try reader.string("signature")
        try reader.finishRequest()
        let kind: StatementKind
        do { kind = try StatementKind(kindName) } catch { throw APIError.malformed(error.code, error.description) }
        guard let payload = try? Base64URL.decode(payloadText) else {
            throw APIError.malformed("invalid_value", "payload must be the payload bytes in unpadded base64url")
        }
        guard let bytes = try? Base64URL.decode(signatureText), let signature = try? Signature(bytes: bytes) else {
            throw APIError(.unauthorized, "malformed_signature", "the signature must be 64 bytes in unpadded base64url")
        }
        self.init(kind: kind, payload: payload, signature: signature)
    }

    /// The statement as the API carries it.
    var wire: JSONValue {
        .object([
            JSONMember("kind", .string(kind.name)),
            JSONMember("payload", .string(Base64URL.encode(payload))),
            JSONMember("signature", .string(signature.base64url)),
        ])
    }
}
