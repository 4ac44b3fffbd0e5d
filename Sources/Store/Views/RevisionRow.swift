import GRDB

/// A row of the `revisions` view: one version of a proposal's text.
public struct RevisionRow: Hashable, Sendable {
    /// The revision id.
    public var id: String
    /// The proposal it revises.
    public var proposalID: String
    /// The revision it was made from, if any.
    public var parent: String?
    /// The member who wrote it.
    public var author: String
    /// The title.
    public var title: String
    /// The text.
    public var text: String
    /// A summary of the change, if one was given.
    public var summary: String?
    /// The leaf of the statement that made the revision.
    public var leaf: Int

    /// Makes a row.
    public init(
        id: String, proposalID: String, parent: String?, author: String, title: String, text: String,
        summary: String?, leaf: Int
    ) {
        self.id = id
        self.proposalID = proposalID
        self.parent = parent
        self.author = author
        self.title = title
        self.text = text
        self.summary = summary
        self.leaf = leaf
    }

    static let upsertSQL = """
        INSERT INTO revisions (id, proposal_id, parent, author, title, text, summary, leaf)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
        proposal_id = excluded.proposal_id, parent = excluded.parent, author = excluded.author,
        title = excluded.title, text = excluded.text, summary = excluded.summary, leaf = excluded.leaf
        """

    var arguments: StatementArguments { [id, proposalID, parent, author, title, text, summary, leaf] }
}
