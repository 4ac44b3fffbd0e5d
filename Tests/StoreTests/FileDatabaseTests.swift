import Foundation
import GRDB
import Testing

@testable import Store

@Suite("File databases")
struct FileDatabaseTests {
    /// The pragmas that matter, as the connection running `db` reports them.
    static func pragmas(_ db: Database) throws -> [String: String] {
        var values: [String: String] = [:]
        for name in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] {
            values[name] = try String.fetchOne(db, sql: "PRAGMA \(name)")
        }
        return values
    }

    @Test("WAL, synchronous FULL and foreign keys are in effect")
    func pragmas() throws {
        try StoreFixtures.withFile { path in
            let database = try PlenumDatabase(path: path)
            let expected = ["journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000"]
            // Pool readers keep GRDB's own busy timeout for readers (10 s); the rest is the same.
            var read = try database.read(Self.pragmas)
            #expect(read.removeValue(forKey: "busy_timeout") == "10000")
            #expect(read == expected.filter { $0.key != "busy_timeout" })
            // The writer connection is the one that matters for durability.
            #expect(try database.write(Self.pragmas) == expected)
            // The transaction is IMMEDIATE: before writing anything it already holds the write lock,
            // so another connection cannot begin a write.
            let refused = try database.write { _ in
                let other = try DatabaseQueue(path: path)
                defer { try? other.close() }
                do {
                    try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
                    return false
                } catch let error as DatabaseError {
                    return error.resultCode == .SQLITE_BUSY
                }
            }
            #expect(refused)
            try database.close()
        }
    }

    @Test("an in-memory database has foreign keys and synchronous FULL too")
    func inMemoryPragmas() throws {
        let database = try PlenumDatabase.inMemory()
        let values = try database.write(Self.pragmas)
        #expect(values["synchronous"] == "2")
        #expect(values["foreign_keys"] == "1")
        #expect(values["busy_timeout"] == "5000")
    }

    @Test("closed and reopened, everything is still there")
    func reopen() throws {
        try StoreFixtures.withFile { path in
            let member = MemberRow(
                memberID: "m1", name: "Ada", status: "active", weight: 2, roles: "[\"chair\"]", joinedLeaf: 1)
            let first = StoreFixtures.batch(leaves: 0..<600, changes: [.member(member)])
            let second = StoreFixtures.batch(leaves: 600..<700)
            do {
                let database = try PlenumDatabase(path: path)
                try database.append(first)
                try database.append(second)
                try database.close()
                #expect(throws: StoreError.self) { try database.treeState() }
            }
            do {
                let database = try PlenumDatabase(path: path)
                #expect(try StoreFixtures.allRecords(database) == first.records + second.records)
                #expect(try database.treeState() == second.tree)
                #expect(try database.latestCheckpoint() == second.checkpoint)
                #expect(try database.checkpoint(size: 600) == first.checkpoint)
                #expect(try ViewTests.members(database) == [member])
                #expect(try database.integrityCheck() == ["ok"])
                try database.append(StoreFixtures.batch(leaves: 700..<701))
                #expect(try database.treeState()?.size == 701)
                let migrations = try database.read { db in
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                }
                #expect(migrations == ["v1", "v2-ballots-by-leaf"])
            }
        }
    }

    @Test("a path that cannot be opened fails with storage_failed")
    func unopenable() throws {
        #expect {
            _ = try PlenumDatabase(path: "/nonexistent-directory-\(UUID().uuidString)/plenum.sqlite")
        } throws: { error in
            (error as? StoreError)?.code == "storage_failed"
        }
    }
}
