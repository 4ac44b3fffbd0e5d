import GRDB
import Testing

@testable import Store

@Suite("Append-only log")
struct AppendOnlyTests {
    /// Runs `sql` in a write transaction and expects the append-only trigger to abort it.
    static func expectRefused(_ sql: String, in database: PlenumDatabase, message: String) {
        do {
            try database.write { db in try db.execute(sql: sql) }
            Issue.record("\(sql) was allowed")
        } catch {
            #expect(error.kind == .appendOnly, "\(error)")
            #expect(error.code == "append_only")
            #expect(error.message == message)
            let cause = error.underlying as? DatabaseError
            #expect(cause?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
            #expect(cause?.message == message)
        }
    }

    @Test("UPDATE and DELETE on statements and checkpoints abort with the trigger's message")
    func triggers() throws {
        let database = try PlenumDatabase.inMemory()
        let batch = StoreFixtures.batch(leaves: 0..<4)
        try database.append(batch)

        let statements = "the statement log is append-only"
        let checkpoints = "the checkpoint log is append-only"
        Self.expectRefused("UPDATE statements SET kind = 'x' WHERE leaf = 1", in: database, message: statements)
        Self.expectRefused("UPDATE statements SET received = 0", in: database, message: statements)
        Self.expectRefused("DELETE FROM statements WHERE leaf = 3", in: database, message: statements)
        Self.expectRefused("DELETE FROM statements", in: database, message: statements)
        Self.expectRefused("UPDATE checkpoints SET created = 0", in: database, message: checkpoints)
        Self.expectRefused("DELETE FROM checkpoints", in: database, message: checkpoints)
        // REPLACE deletes the row it conflicts with: the DELETE trigger must fire for that too.
        Self.expectRefused(
            "INSERT OR REPLACE INTO checkpoints SELECT * FROM checkpoints", in: database, message: checkpoints)
        Self.expectRefused(
            "INSERT OR REPLACE INTO statements SELECT * FROM statements WHERE leaf = 0", in: database,
            message: statements)
        Self.expectRefused(
            "REPLACE INTO statements SELECT 9, id, kind, author, payload, signature, received FROM statements LIMIT 1",
            in: database, message: statements)

        #expect(try StoreFixtures.allRecords(database) == batch.records)
        #expect(try database.latestCheckpoint() == batch.checkpoint)
    }

    @Test("reads cannot write")
    func readIsReadOnly() throws {
        let database = try PlenumDatabase.inMemory()
        try database.append(StoreFixtures.batch(leaves: 0..<1))
        #expect(throws: StoreError.self) {
            try database.read { db in try db.execute(sql: "INSERT INTO members VALUES ('m', 'n', 's', 1, '[]', 0)") }
        }
        #expect(try StoreFixtures.count("members", in: database) == 0)
    }
}
