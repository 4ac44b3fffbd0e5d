import Foundation
import GRDB
import Sodium

extension PlenumDatabase {
    static let recordColumns = "leaf, id, kind, author, payload, signature, received"
    static let recordsPageSize = 512

    /// Calls `body` with every stored statement from leaf `leaf` on, in leaf order.
    ///
    /// Rows are read with a cursor, a page of a few hundred at a time, each page in its own read
    /// access; `body` runs between accesses, so it may call back into this database, and a long
    /// replay holds no read transaction open. Records appended meanwhile are included.
    /// Errors thrown by `body` are rethrown as they are.
    public func records(from leaf: Int = 0, body: (LogRecord) throws -> Void) throws {
        var next = max(leaf, 0)
        while true {
            let page = try records(from: next, limit: Self.recordsPageSize)
            for record in page {
                try body(record)
            }
            guard page.count == Self.recordsPageSize, let last = page.last else { return }
            next = last.leaf + 1
        }
    }

    /// At most `limit` stored statements from leaf `leaf` on, in leaf order: one page, read in
    /// one access (for callers that page through the log at their own pace).
    public func records(from leaf: Int, limit: Int) throws(StoreError) -> [LogRecord] {
        try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT \(Self.recordColumns) FROM statements WHERE leaf >= ? ORDER BY leaf LIMIT ?")
            let rows = try Row.fetchCursor(statement, arguments: [max(leaf, 0), max(limit, 0)])
            var page: [LogRecord] = []
            page.reserveCapacity(min(max(limit, 0), 4096))
            while let row = try rows.next() {
                page.append(try Self.record(from: row))
            }
            return page
        }
    }

    /// The stored statement with id `id`, if there is one.
    public func record(id: SHA256Digest) throws(StoreError) -> LogRecord? {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.recordColumns) FROM statements WHERE id = ?")
            return try Row.fetchOne(statement, arguments: [id.data]).map(Self.record(from:))
        }
    }

    /// The stored statement at leaf `leaf`, if there is one.
    public func record(leaf: Int) throws(StoreError) -> LogRecord? {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.recordColumns) FROM statements WHERE leaf = ?")
            return try Row.fetchOne(statement, arguments: [leaf]).map(Self.record(from:))
        }
    }

    /// The checkpoint of the largest size, if any.
    public func latestCheckpoint() throws(StoreError) -> StoredCheckpoint? {
        try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT size, root, signature, created FROM checkpoints ORDER BY size DESC LIMIT 1")
            return try Row.fetchOne(statement).map(Self.checkpoint(from:))
        }
    }

    /// Every checkpoint, in increasing size.
    public func checkpoints() throws(StoreError) -> [StoredCheckpoint] {
        try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT size, root, signature, created FROM checkpoints ORDER BY size")
            return try Row.fetchAll(statement).map(Self.checkpoint(from:))
        }
    }

    /// The checkpoint of size `size`, if one was made.
    public func checkpoint(size: Int) throws(StoreError) -> StoredCheckpoint? {
        try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT size, root, signature, created FROM checkpoints WHERE size = ?")
            return try Row.fetchOne(statement, arguments: [size]).map(Self.checkpoint(from:))
        }
    }

    /// The tree's size and root after the last batch, or nil before the first.
    public func treeState() throws(StoreError) -> TreeState? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT size, root FROM tree_state WHERE id = 1") else {
                return nil
            }
            return TreeState(size: row[0], root: try Self.digest(row, 1, "tree_state.root"))
        }
    }

    static func record(from row: Row) throws -> LogRecord {
        let leaf: Int = row[0]
        return LogRecord(
            leaf: leaf,
            id: try digest(row, 1, "statements.id at leaf \(leaf)"),
            kind: row[2],
            author: try bytes(row, 3),
            payload: try bytes(row, 4),
            signature: try bytes(row, 5),
            received: row[6])
    }

    static func checkpoint(from row: Row) throws -> StoredCheckpoint {
        StoredCheckpoint(
            size: row[0], root: try digest(row, 1, "checkpoints.root"), signature: try bytes(row, 2), created: row[3])
    }

    /// The blob in column `index`, copied once into an array.
    static func bytes(_ row: Row, _ index: Int) throws -> [UInt8] {
        try row.withUnsafeData(atIndex: index) { data in data.map { [UInt8]($0) } ?? [] }
    }

    /// The 32-byte digest in column `index`.
    static func digest(_ row: Row, _ index: Int, _ what: String) throws -> SHA256Digest {
        try row.withUnsafeData(atIndex: index) { data throws(StoreError) in
            do {
                return try SHA256Digest(bytes: data ?? Data())
            } catch {
                throw StoreError(.storageFailed, "\(what) is not a 32-byte digest", underlying: error)
            }
        }
    }
}

extension SHA256Digest {
    /// The digest's bytes as `Data`, for binding to a statement.
    var data: Data { withUnsafeBytes { Data($0) } }
}
