import GRDB

/// A row of the `proposals` view: a proposal and its current revision.
public struct ProposalRow: Hashable, Sendable {
    /// The proposal id.
    public var id: String
    /// The member who made the proposal.
    public var author: String
    /// The title of the current revision.
    public var title: String
    /// The proposal's state, as the service names it.
    public var state: String
    /// The id of the current revision.
    public var currentRevision: String
    /// The leaf of the statement that created the proposal.
    public var createdLeaf: Int

    /// Makes a row.
    public init(id: String, author: String, title: String, state: String, currentRevision: String, createdLeaf: Int) {
        self.id = id
        self.author = author
        self.title = title
        self.state = state
        self.currentRevision = currentRevision
        self.createdLeaf = createdLeaf
    }

    static let upsertSQL = """
        INSERT INTO proposals (id, author, title, state, current_revision, created_leaf) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
        author = excluded.author, title = excluded.title, state = excluded.state,
        current_revision = excluded.current_revision, created_leaf = excluded.created_leaf
        """

    var arguments: StatementArguments { [id, author, title, state, currentRevision, createdLeaf] }
}
