/// One candidate elected or eliminated in a round, with where that candidate's votes went, as an
/// entry of RCTab's summary `tallyResults`.
public struct RCTabTallyResult: Hashable, Sendable {
    /// Whether the candidate was elected or eliminated.
    public enum Action: String, Hashable, Sendable {
        case elected
        case eliminated
    }

    /// Elected or eliminated.
    public var action: Action
    /// The candidate's name.
    public var candidate: String
    /// Votes moved to each candidate, and to ``exhausted`` or ``residualSurplus``, in the next
    /// round (an elected candidate's surplus, an eliminated candidate's votes). Zero transfers are
    /// left out.
    public var transfers: [String: RCTabDecimal]

    /// The `transfers` key for votes that went to no continuing candidate.
    public static let exhausted = "exhausted"
    /// The `transfers` key for the part of a surplus lost to rounding.
    public static let residualSurplus = "residual surplus"

    public init(_ action: Action, _ candidate: String, transfers: [String: RCTabDecimal] = [:]) {
        self.action = action
        self.candidate = candidate
        self.transfers = transfers
    }
}
