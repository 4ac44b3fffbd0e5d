import Foundation
import GRDB
import Sodium

@testable import Store

/// Deterministic records, batches and databases for the store tests.
enum StoreFixtures {
    /// The record at `leaf`, with bytes that depend on the leaf and `salt`.
    static func record(leaf: Int, salt: String = "") -> LogRecord {
        let payload = Array(#"{"leaf":\#(leaf),"salt":"\#(salt)"}"#.utf8)
        return LogRecord(
            leaf: leaf,
            id: SHA256.hash(payload),
            kind: leaf.isMultiple(of: 2) ? "ballot" : "member.join",
            author: (0..<32).map { UInt8(truncatingIfNeeded: leaf &+ $0) },
            payload: payload,
            signature: (0..<64).map { UInt8(truncatingIfNeeded: leaf &* 3 &+ $0) },
            received: 1_700_000_000_000 + Int64(leaf))
    }

    /// The root that the fixtures pretend a tree of `size` leaves has.
    static func root(_ size: Int) -> SHA256Digest { SHA256.hash("root \(size)") }

    /// A batch of `records` with `changes`, its tree state and checkpoint.
    static func batch(
        _ records: [LogRecord], changes: [ViewChange] = [], created: Int64 = 1_700_000_000_000
    )
        -> LogBatch
    {
        let size = (records.last?.leaf ?? -1) + 1
        let tree = TreeState(size: size, root: root(size))
        let checkpoint = StoredCheckpoint(
            size: size, root: tree.root, signature: (0..<64).map { UInt8(truncatingIfNeeded: size &+ $0) },
            created: created)
        return LogBatch(records: records, changes: changes, tree: tree, checkpoint: checkpoint)
    }

    /// A batch of the records at `leaves`.
    static func batch(leaves: Range<Int>, changes: [ViewChange] = []) -> LogBatch {
        batch(leaves.map { record(leaf: $0) }, changes: changes)
    }

    /// A fresh directory under the temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plenum-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a database file in a fresh temporary directory, removed afterwards.
    static func withFile<T>(_ body: (String) throws -> T) throws -> T {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.appendingPathComponent("plenum.sqlite").path)
    }

    /// Counts the rows of `table`.
    static func count(_ table: String, in database: PlenumDatabase) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// Every stored record, streamed from `leaf`.
    static func allRecords(_ database: PlenumDatabase, from leaf: Int = 0) throws -> [LogRecord] {
        var records: [LogRecord] = []
        try database.records(from: leaf) { records.append($0) }
        return records
    }
}
