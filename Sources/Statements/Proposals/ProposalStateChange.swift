import Ledger

/// `proposal.state`: a proposal moves to a new state (adopted after a passing round, rejected,
/// archived, back to discussion, or withdrawn by its author).
///
/// Signed by a steward; the proposal's author may sign a change to `withdrawn`.
public struct ProposalStateChange: StatementPayload, Hashable {
    public static let kind = try! StatementKind("proposal.state")

    public var header: StatementHeader
    /// The proposal.
    public var proposal: StatementID
    /// The new state.
    public var state: ProposalState
    /// Why (1 to 1000 characters), if said.
    public var reason: String?

    public init(header: StatementHeader, proposal: StatementID, state: ProposalState, reason: String? = nil) {
        self.header = header
        self.proposal = proposal
        self.state = state
        self.reason = reason
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        proposal = try reader.statementID("proposal")
        state = try reader.enumeration("state", as: ProposalState.self)
        reason = try reader.optionalString("reason", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        var members =
            header.members + [
                JSONMember("proposal", .string(proposal.hex)), JSONMember("state", .string(state.rawValue)),
            ]
        if let reason { members.append(JSONMember("reason", .string(reason))) }
        return members
    }
}
