import GRDB

/// A row of the `comments` view: a comment on a proposal, as last edited.
public struct CommentRow: Hashable, Sendable {
    /// The comment id.
    public var id: String
    /// The proposal commented on.
    public var proposalID: String
    /// The comment this one replies to, if any.
    public var replyTo: String?
    /// The member who wrote it.
    public var author: String
    /// The author's stance (for example `for`, `against`), if one was given.
    public var stance: String?
    /// The text.
    public var text: String
    /// The edit count: 1 for the first version.
    public var version: Int
    /// Why the comment is hidden, if it is.
    public var hiddenReason: String?
    /// The leaf of the statement that made the comment.
    public var leaf: Int
    /// The leaf of the statement that last edited or hid it, if any.
    public var updatedLeaf: Int?

    /// Makes a row.
    public init(
        id: String, proposalID: String, replyTo: String?, author: String, stance: String?, text: String,
        version: Int, hiddenReason: String?, leaf: Int, updatedLeaf: Int?
    ) {
        self.id = id
        self.proposalID = proposalID
        self.replyTo = replyTo
        self.author = author
        self.stance = stance
        self.text = text
        self.version = version
        self.hiddenReason = hiddenReason
        self.leaf = leaf
        self.updatedLeaf = updatedLeaf
    }

    static let upsertSQL = """
        INSERT INTO comments (id, proposal_id, reply_to, author, stance, text, version, hidden_reason, leaf, updated_leaf)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
        proposal_id = excluded.proposal_id, reply_to = excluded.reply_to, author = excluded.author,
        stance = excluded.stance, text = excluded.text, version = excluded.version,
        hidden_reason = excluded.hidden_reason, leaf = excluded.leaf, updated_leaf = excluded.updated_leaf
        """

    var arguments: StatementArguments {
        [id, proposalID, replyTo, author, stance, text, version, hiddenReason, leaf, updatedLeaf]
    }
}
