import GRDB

/// A row of the `rounds` view: a voting round on one revision of a proposal.
public struct RoundRow: Hashable, Sendable {
    /// Whether a round takes ballots.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Ballots are accepted.
        case open
        /// The round is over.
        case closed
    }

    /// The round id.
    public var id: String
    /// The proposal voted on.
    public var proposalID: String?
    /// The revision voted on.
    public var revisionID: String?
    /// The voting method's name.
    public var method: String
    /// Whether the round is open or closed.
    public var state: State
    /// The leaf of the statement that opened the round.
    public var openedLeaf: Int
    /// The leaf of the statement that closed it, if any.
    public var closedLeaf: Int?
    /// The method's parameters, as JSON.
    public var parameters: String

    /// Makes a row.
    public init(
        id: String, proposalID: String?, revisionID: String?, method: String, state: State, openedLeaf: Int,
        closedLeaf: Int?, parameters: String
    ) {
        self.id = id
        self.proposalID = proposalID
        self.revisionID = revisionID
        self.method = method
        self.state = state
        self.openedLeaf = openedLeaf
        self.closedLeaf = closedLeaf
        self.parameters = parameters
    }

    static let upsertSQL = """
        INSERT INTO rounds (id, proposal_id, revision_id, method, state, opened_leaf, closed_leaf, parameters)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
        proposal_id = excluded.proposal_id, revision_id = excluded.revision_id, method = excluded.method,
        state = excluded.state, opened_leaf = excluded.opened_leaf, closed_leaf = excluded.closed_leaf,
        parameters = excluded.parameters
        """

    var arguments: StatementArguments {
        [id, proposalID, revisionID, method, state.rawValue, openedLeaf, closedLeaf, parameters]
    }
}
