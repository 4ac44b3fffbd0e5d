import GRDB

/// A row of the `ballots` view: one ballot cast in a round, and whether a later one replaced it.
/// Rows are keyed by the ballot statement's leaf.
public struct BallotRow: Hashable, Sendable {
    /// The ballot id (its statement id).
    public var id: String
    /// The round it was cast in.
    public var roundID: String
    /// The member who cast it.
    public var voter: String
    /// The voter's sequence number for the round.
    public var sequence: Int
    /// The leaf of the ballot statement.
    public var leaf: Int
    /// Whether a later ballot by the same voter replaced it.
    public var superseded: Bool

    /// Makes a row.
    public init(id: String, roundID: String, voter: String, sequence: Int, leaf: Int, superseded: Bool = false) {
        self.id = id
        self.roundID = roundID
        self.voter = voter
        self.sequence = sequence
        self.leaf = leaf
        self.superseded = superseded
    }

    static let upsertSQL = """
        INSERT INTO ballots (id, round_id, voter, sequence, leaf, superseded) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (leaf) DO UPDATE SET
        id = excluded.id, round_id = excluded.round_id, voter = excluded.voter, sequence = excluded.sequence,
        superseded = excluded.superseded
        """

    static let supersedeSQL = "UPDATE ballots SET superseded = 1 WHERE leaf = ?"

    var arguments: StatementArguments { [id, roundID, voter, sequence, leaf, superseded] }
}
