/// Why a value handed to the libsodium wrapper was refused.
///
/// Each case has a stable ``code`` (kept across releases, safe to match on) and a human sentence.
public enum SodiumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key, signature, seed or digest had the wrong number of bytes.
    case wrongLength(what: String, expected: Int, actual: Int)
    /// A public key is not a canonical encoding of a point of the main subgroup of
    /// edwards25519 (`crypto_core_ed25519_is_valid_point` said no): all-zero, small-order, or
    /// non-canonical keys end here.
    case invalidPublicKey
    /// Text was not valid unpadded base64url.
    case invalidBase64URL
    /// libsodium refused to produce a key pair or a signature.
    case operationFailed(String)

    /// A stable, machine-readable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .wrongLength: return "wrong_length"
        case .invalidPublicKey: return "invalid_public_key"
        case .invalidBase64URL: return "invalid_base64url"
        case .operationFailed: return "crypto_failure"
        }
    }

    public var description: String {
        switch self {
        case .wrongLength(let what, let expected, let actual):
            return "\(what) must be \(expected) bytes, got \(actual)"
        case .invalidPublicKey:
            return "the public key is not a valid Ed25519 point (zero, small-order or non-canonical)"
        case .invalidBase64URL:
            return "the text is not valid unpadded base64url"
        case .operationFailed(let operation):
            return "libsodium could not \(operation)"
        }
    }
}
