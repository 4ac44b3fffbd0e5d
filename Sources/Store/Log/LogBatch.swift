/// Everything one group commit writes, in one transaction: the new statements, the view changes
/// they cause, the tree state after them, and the checkpoint that signs it.
public struct LogBatch: Hashable, Sendable {
    /// The new statements, in leaf order, continuing the log without gaps.
    public var records: [LogRecord]
    /// The view changes, applied in order after the records are inserted.
    public var changes: [ViewChange]
    /// The tree after the batch: its size must be the last record's leaf plus one.
    public var tree: TreeState
    /// The checkpoint over `tree`, signed by the log key.
    public var checkpoint: StoredCheckpoint

    /// Makes a batch.
    public init(records: [LogRecord], changes: [ViewChange], tree: TreeState, checkpoint: StoredCheckpoint) {
        self.records = records
        self.changes = changes
        self.tree = tree
        self.checkpoint = checkpoint
    }
}
