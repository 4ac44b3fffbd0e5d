import Ledger
import Sodium

extension ServiceError {
    /// The refusal for a statement that failed to open: its payload, signature or header.
    public init(_ error: StatementError) {
        switch error {
        case .payload(let payload):
            if case .tooLarge = payload {
                self.init(.tooLarge, payload.code, payload.description, cause: error)
            } else {
                self.init(.malformed, payload.code, payload.description, cause: error)
            }
        case .badSignature, .malformedSignature:
            self.init(.unauthenticated, error.code, error.description, cause: error)
        case .wrongOrganization:
            self.init(.forbidden, error.code, error.description, cause: error)
        case .invalidKind, .unknownKind, .kindMismatch, .outsideTimeWindow, .malformedEntry:
            self.init(.malformed, error.code, error.description, cause: error)
        }
    }

    /// The refusal for a payload that parsed but whose values the kind does not allow.
    public init(_ error: PayloadError) {
        self.init(StatementError.payload(error))
    }
}
