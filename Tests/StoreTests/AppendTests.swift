import Foundation
import GRDB
import Ledger
import Sodium
import Testing

@testable import Store

@Suite("Appending and reading back")
struct AppendTests {
    /// Appends two batches and checks every column of everything read back.
    static func appendAndReadBack(_ database: PlenumDatabase) throws {
        #expect(try database.treeState() == nil)
        #expect(try database.latestCheckpoint() == nil)
        #expect(try StoreFixtures.allRecords(database).isEmpty)

        let first = StoreFixtures.batch(leaves: 0..<3)
        let second = StoreFixtures.batch(leaves: 3..<8)
        try database.append(first)
        try database.append(second)

        let expected = (0..<8).map { StoreFixtures.record(leaf: $0) }
        #expect(try StoreFixtures.allRecords(database) == expected)
        for record in expected {
            #expect(try database.record(leaf: record.leaf) == record)
            #expect(try database.record(id: record.id) == record)
        }
        #expect(try database.record(leaf: 8) == nil)
        #expect(try database.record(id: SHA256.hash("absent")) == nil)

        #expect(try database.treeState() == second.tree)
        #expect(try database.latestCheckpoint() == second.checkpoint)
        #expect(try database.checkpoint(size: 3) == first.checkpoint)
        #expect(try database.checkpoint(size: 8) == second.checkpoint)
        #expect(try database.checkpoint(size: 4) == nil)
        #expect(try database.integrityCheck() == ["ok"])
    }

    @Test("a batch is read back column for column (in memory)")
    func inMemory() throws {
        try Self.appendAndReadBack(try PlenumDatabase.inMemory())
    }

    @Test("a batch is read back column for column (file)")
    func file() throws {
        try StoreFixtures.withFile { path in
            let database = try PlenumDatabase(path: path)
            try Self.appendAndReadBack(database)
            try database.close()
        }
    }

    @Test("the stored columns are exactly the record's bytes")
    func rawColumns() throws {
        let database = try PlenumDatabase.inMemory()
        let record = StoreFixtures.record(leaf: 0, salt: "raw")
        try database.append(StoreFixtures.batch([record]))
        let row = try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM statements") }
        let stored = try #require(row)
        #expect(stored["leaf"] == 0)
        #expect(stored["id"] == record.id.bytes.withUnsafeBytes { Data($0) })
        #expect(stored["kind"] == "ballot")
        #expect(stored["author"] == Data(record.author))
        #expect(stored["payload"] == Data(record.payload))
        #expect(stored["signature"] == Data(record.signature))
        #expect(stored["received"] == record.received)
    }

    @Test("records stream in leaf order from a given leaf, across pages")
    func streamFromLeaf() throws {
        let database = try PlenumDatabase.inMemory()
        var leaf = 0
        for size in [1, 300, 700, 450] {
            try database.append(StoreFixtures.batch(leaves: leaf..<(leaf + size)))
            leaf += size
        }
        #expect(leaf > 2 * PlenumDatabase.recordsPageSize)
        #expect(try StoreFixtures.allRecords(database).map(\.leaf) == Array(0..<leaf))
        #expect(try StoreFixtures.allRecords(database, from: 700).map(\.leaf) == Array(700..<leaf))
        #expect(try StoreFixtures.allRecords(database, from: 512).map(\.leaf) == Array(512..<leaf))
        #expect(try StoreFixtures.allRecords(database, from: leaf - 1).map(\.leaf) == [leaf - 1])
        #expect(try StoreFixtures.allRecords(database, from: leaf).isEmpty)
        #expect(try StoreFixtures.allRecords(database, from: 10).first == StoreFixtures.record(leaf: 10))
    }

    @Test("an error thrown by the body stops the stream and comes out unchanged")
    func streamBodyError() throws {
        struct Stop: Error {}
        let database = try PlenumDatabase.inMemory()
        try database.append(StoreFixtures.batch(leaves: 0..<10))
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try database.records(from: 2) { record in
                seen.append(record.leaf)
                if record.leaf == 4 { throw Stop() }
            }
        }
        #expect(seen == [2, 3, 4])
    }

    @Test("the body may call back into the database while streaming")
    func streamReentrant() throws {
        let database = try PlenumDatabase.inMemory()
        try database.append(StoreFixtures.batch(leaves: 0..<5))
        var matched = 0
        try database.records { record in
            if try database.record(id: record.id) == record { matched += 1 }
        }
        #expect(matched == 5)
    }

    @Test("a record converts to and from a signed statement")
    func signedStatement() throws {
        let key = try SigningKey(seed: [UInt8](repeating: 7, count: 32))
        let statement = SignedStatement(signing: Array(#"{"a":1}"#.utf8), as: try StatementKind("note"), with: key)
        let record = LogRecord(leaf: 0, statement: statement, author: key.publicKey, received: 5)
        #expect(record.id == statement.id)
        #expect(record.author == key.publicKey.bytes)
        #expect(try record.statement() == statement)

        var broken = record
        broken.signature = [1, 2, 3]
        #expect(throws: StoreError.self) { try broken.statement() }
    }
}
