/// Why a count could not be made. Each case has a stable ``code`` and a sentence for people.
public enum CountingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A ballot is not acceptable for the method (unknown candidate, duplicate, out of range...).
    case invalidBallot(String)
    /// A parameter of the method is missing or out of range (seats, scale, budget...).
    case invalidParameter(String)
    /// The ballots given are not the shape the method counts (approval ballots for Borda...).
    case wrongBallotShape(method: String, expected: String)
    /// No method has this name.
    case unknownMethod(String)
    /// A count needs more of something than this implementation supports (stated in the message).
    case beyondLimit(String)

    public var code: String {
        switch self {
        case .invalidBallot: return "invalid_ballot"
        case .invalidParameter: return "invalid_parameter"
        case .wrongBallotShape: return "wrong_ballot_shape"
        case .unknownMethod: return "unknown_method"
        case .beyondLimit: return "beyond_limit"
        }
    }

    public var description: String {
        switch self {
        case .invalidBallot(let reason): return "invalid ballot: \(reason)"
        case .invalidParameter(let reason): return "invalid parameter: \(reason)"
        case .wrongBallotShape(let method, let expected): return "\(method) counts \(expected) ballots"
        case .unknownMethod(let name): return "no voting method is called \"\(name)\""
        case .beyondLimit(let reason): return reason
        }
    }
}
