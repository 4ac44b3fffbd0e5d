import Sodium

/// Why a signed statement was refused. Each case has a stable ``code``.
public enum StatementError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind name is not `[a-z][a-z0-9.-]{0,63}`.
    case invalidKind(String)
    /// The statement was sent as one kind but is being opened as another.
    case kindMismatch(expected: StatementKind, actual: StatementKind)
    /// The payload is not acceptable JSON for its kind.
    case payload(PayloadError)
    /// The signature does not verify over the signed bytes with the author's key.
    case badSignature
    /// The signature is not 64 bytes, or not base64url.
    case malformedSignature
    /// The statement names a different organization.
    case wrongOrganization(expected: String, actual: String)
    /// The creation time is outside the accepted window around the verifier's clock.
    case outsideTimeWindow(created: Int64, now: Int64, windowMilliseconds: Int64)
    /// A log entry does not split into a signature and signed bytes.
    case malformedEntry(String)
    /// The kind is well-formed but no payload type of the verifier is signed as it.
    case unknownKind(StatementKind)

    /// A stable, machine-readable identifier of the failure.
    public var code: String {
        switch self {
        case .invalidKind: return "invalid_kind"
        case .kindMismatch: return "kind_mismatch"
        case .payload(let error): return error.code
        case .badSignature: return "bad_signature"
        case .malformedSignature: return "malformed_signature"
        case .wrongOrganization: return "wrong_organization"
        case .outsideTimeWindow: return "outside_time_window"
        case .malformedEntry: return "malformed_entry"
        case .unknownKind: return "unknown_kind"
        }
    }

    public var description: String {
        switch self {
        case .invalidKind(let name): return "\"\(name)\" is not a statement kind"
        case .kindMismatch(let expected, let actual):
            return "expected a \(expected) statement, got \(actual)"
        case .payload(let error): return error.description
        case .badSignature: return "the signature does not verify with the author's key"
        case .malformedSignature: return "the signature must be 64 bytes in unpadded base64url"
        case .wrongOrganization(let expected, let actual):
            return "the statement is for organization \"\(actual)\", not \"\(expected)\""
        case .outsideTimeWindow(let created, let now, let window):
            return "created at \(created) ms, more than \(window) ms away from now (\(now) ms)"
        case .malformedEntry(let reason): return "malformed log entry: \(reason)"
        case .unknownKind(let kind): return "\(kind) is not a statement kind this verifier knows"
        }
    }
}
