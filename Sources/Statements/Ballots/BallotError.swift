/// Why a ballot's choice does not fit its round. Each case has a stable ``code``.
public enum BallotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The choice names an option the round does not offer.
    case notOffered(option: String)
    /// The choice names an option twice (ranked or approved twice).
    case duplicateChoice(option: String)
    /// A value lies outside what any ballot may hold (a score beyond 32 bits, a weight below 1).
    case outOfRange(option: String?, reason: String)
    /// The round's method refuses the ballot: over the points or credits budget, a score
    /// outside the method's scale, a negative vote where none are allowed.
    case overLimit(reason: String)
    /// The choice is not the shape the round takes (scores in a ranked round...).
    case wrongShape(expected: String, actual: String)

    /// A stable, machine-readable identifier of the failure.
    public var code: String {
        switch self {
        case .notOffered: return "not_offered"
        case .duplicateChoice: return "duplicate_choice"
        case .outOfRange: return "out_of_range"
        case .overLimit: return "over_limit"
        case .wrongShape: return "wrong_shape"
        }
    }

    /// A sentence for people.
    public var message: String {
        switch self {
        case .notOffered(let option): return "\"\(option)\" is not an option of this round"
        case .duplicateChoice(let option): return "\"\(option)\" is chosen twice"
        case .outOfRange(let option?, let reason): return "the value for \"\(option)\" \(reason)"
        case .outOfRange(nil, let reason): return reason
        case .overLimit(let reason): return "the method refuses this ballot: \(reason)"
        case .wrongShape(let expected, let actual):
            return "this round takes \(expected) ballots, not \(actual)"
        }
    }

    public var description: String { message }
}
