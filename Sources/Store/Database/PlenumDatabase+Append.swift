import Foundation
import GRDB
import Sodium

extension PlenumDatabase {
    static let insertStatementSQL = """
        INSERT INTO statements (leaf, id, kind, author, payload, signature, received) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let insertCheckpointSQL = "INSERT INTO checkpoints (size, root, signature, created) VALUES (?, ?, ?, ?)"
    static let setTreeStateSQL = """
        INSERT INTO tree_state (id, size, root) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET size = excluded.size, root = excluded.root
        """
    static let treeSizeSQL = "SELECT size FROM tree_state WHERE id = 1"

    /// Appends `batch` in one IMMEDIATE transaction: every record, every view change, the new tree
    /// state and the checkpoint. Either all of it is written or none of it.
    ///
    /// The batch must continue the log: its records' leaves count up by one from the current tree
    /// size, `tree.size` is the size after them, and the checkpoint covers exactly `tree`.
    /// Otherwise it fails with `invalid_batch`; a statement id already in the log fails with
    /// `duplicate_statement`; any other failure (a view change that breaks a constraint, the disk)
    /// with `storage_failed`.
    public func append(_ batch: LogBatch) throws(StoreError) {
        try Self.checkShape(of: batch)
        try write { db in
            let sizeBefore = try Int.fetchOne(db.cachedStatement(sql: Self.treeSizeSQL)) ?? 0
            guard sizeBefore + batch.records.count == batch.tree.size,
                batch.records.first.map({ $0.leaf == sizeBefore }) ?? true
            else {
                throw StoreError(
                    .invalidBatch,
                    "the log has \(sizeBefore) leaves; a batch of \(batch.records.count) records "
                        + "starting at leaf \(batch.records.first?.leaf ?? sizeBefore) "
                        + "cannot make it \(batch.tree.size)")
            }

            let insert = try db.cachedStatement(sql: Self.insertStatementSQL)
            for record in batch.records {
                insert.setUncheckedArguments([
                    record.leaf, record.id.data, record.kind, Data(record.author), Data(record.payload),
                    Data(record.signature), record.received,
                ])
                do {
                    try insert.execute()
                } catch let error as DatabaseError
                    where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && (error.message ?? "").contains("statements.id")
                {
                    throw StoreError.duplicateStatement(record.id, underlying: error)
                }
            }

            for change in batch.changes {
                try change.apply(in: db)
            }

            let tree = try db.cachedStatement(sql: Self.setTreeStateSQL)
            tree.setUncheckedArguments([batch.tree.size, batch.tree.root.data])
            try tree.execute()

            let checkpoint = try db.cachedStatement(sql: Self.insertCheckpointSQL)
            checkpoint.setUncheckedArguments([
                batch.checkpoint.size, batch.checkpoint.root.data, Data(batch.checkpoint.signature),
                batch.checkpoint.created,
            ])
            do {
                try checkpoint.execute()
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError(
                    .invalidBatch, "a checkpoint of size \(batch.checkpoint.size) is already stored", underlying: error)
            }
        }
    }

    /// The checks that need no database: leaves consecutive, the tree after the last leaf, the
    /// checkpoint over the tree.
    private static func checkShape(of batch: LogBatch) throws(StoreError) {
        for (previous, next) in zip(batch.records, batch.records.dropFirst()) where next.leaf != previous.leaf + 1 {
            throw StoreError(
                .invalidBatch, "leaf \(next.leaf) follows leaf \(previous.leaf): a batch's leaves must be consecutive")
        }
        if let last = batch.records.last, batch.tree.size != last.leaf + 1 {
            throw StoreError(
                .invalidBatch, "the tree size \(batch.tree.size) does not follow the last leaf \(last.leaf)")
        }
        guard batch.checkpoint.size == batch.tree.size, batch.checkpoint.root == batch.tree.root else {
            throw StoreError(.invalidBatch, "the checkpoint does not cover the batch's tree")
        }
    }
}
