/// Why a distribution could not be computed. Each case has a stable ``code`` (for programs and
/// tests) and a sentence for people (``description``).
public enum SharesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An amount of money is malformed, has more decimals than its currency, or is out of range.
    case invalidAmount(String)
    /// A weight, percentage or other exact number is malformed or out of range.
    case invalidNumber(String)
    /// A currency code or its number of decimals is not acceptable.
    case invalidCurrency(String)
    /// A member identifier is empty, malformed or listed twice.
    case invalidMember(String)
    /// An input names a member that is not part of the distribution.
    case unknownMember(String)
    /// A parameter of the method is missing, malformed or out of range.
    case invalidParameter(String)
    /// Nobody has a positive weight, so the pot cannot be shared in proportion to anything.
    case noEligibleWeight(String)
    /// The constraints (caps, floors, fixed amounts) cannot all hold with this pot.
    case infeasible(String)
    /// The computation needs more than this implementation supports (stated in the message).
    case beyondLimit(String)
    /// No method has this name.
    case unknownMethod(String)
    /// An input file is not in the documented format (the message names the line or JSON path).
    case invalidInput(String)

    /// A stable, machine-readable name of the kind of failure.
    public var code: String {
        switch self {
        case .invalidAmount: return "invalid_amount"
        case .invalidNumber: return "invalid_number"
        case .invalidCurrency: return "invalid_currency"
        case .invalidMember: return "invalid_member"
        case .unknownMember: return "unknown_member"
        case .invalidParameter: return "invalid_parameter"
        case .noEligibleWeight: return "no_eligible_weight"
        case .infeasible: return "infeasible"
        case .beyondLimit: return "beyond_limit"
        case .unknownMethod: return "unknown_method"
        case .invalidInput: return "invalid_input"
        }
    }

    public var description: String {
        switch self {
        case .invalidAmount(let reason): return "invalid amount: \(reason)"
        case .invalidNumber(let reason): return "invalid number: \(reason)"
        case .invalidCurrency(let reason): return "invalid currency: \(reason)"
        case .invalidMember(let reason): return "invalid member: \(reason)"
        case .unknownMember(let name): return "unknown member: \(name)"
        case .invalidParameter(let reason): return "invalid parameter: \(reason)"
        case .noEligibleWeight(let reason): return "no eligible weight: \(reason)"
        case .infeasible(let reason): return "cannot be shared: \(reason)"
        case .beyondLimit(let reason): return reason
        case .unknownMethod(let name): return "no sharing method is called \"\(name)\""
        case .invalidInput(let reason): return reason
        }
    }
}
