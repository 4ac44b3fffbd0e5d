import GRDB
import Sodium
import Testing

@testable import Store

@Suite("All or nothing")
struct AtomicityTests {
    /// A database holding one batch of leaves 0..<3 with a member, and that batch.
    static func seeded() throws -> (PlenumDatabase, LogBatch) {
        let database = try PlenumDatabase.inMemory()
        let batch = StoreFixtures.batch(
            leaves: 0..<3,
            changes: [
                .member(MemberRow(memberID: "m1", name: "Ada", status: "active", weight: 1, roles: "[]", joinedLeaf: 0))
            ]
        )
        try database.append(batch)
        return (database, batch)
    }

    /// Checks that the database holds exactly the seeded batch, nothing of a failed one.
    static func expectUnchanged(_ database: PlenumDatabase, _ batch: LogBatch) throws {
        #expect(try StoreFixtures.allRecords(database) == batch.records)
        #expect(try database.treeState() == batch.tree)
        #expect(try database.latestCheckpoint() == batch.checkpoint)
        #expect(try StoreFixtures.count("checkpoints", in: database) == 1)
        #expect(try StoreFixtures.count("members", in: database) == 1)
        #expect(try StoreFixtures.count("proposals", in: database) == 0)
        #expect(try database.integrityCheck() == ["ok"])
    }

    /// Appends `batch`, expects it to fail with `kind`, and returns the error.
    @discardableResult
    static func expectFailure(_ database: PlenumDatabase, _ batch: LogBatch, _ kind: StoreError.Kind) -> StoreError? {
        do {
            try database.append(batch)
            Issue.record("the batch was appended")
            return nil
        } catch {
            #expect(error.kind == kind, "\(error)")
            #expect(error.code == kind.rawValue)
            return error
        }
    }

    @Test("a statement id already in the log fails the whole batch")
    func duplicateOfStored() throws {
        let (database, seed) = try Self.seeded()
        var duplicate = seed.records[1]
        duplicate.leaf = 4
        let batch = StoreFixtures.batch(
            [StoreFixtures.record(leaf: 3), duplicate],
            changes: [
                .member(MemberRow(memberID: "m2", name: "Bo", status: "active", weight: 1, roles: "[]", joinedLeaf: 3))
            ]
        )
        let error = Self.expectFailure(database, batch, .duplicateStatement)
        #expect(error?.code == "duplicate_statement")
        #expect(error?.message.contains(duplicate.id.hex) == true)
        #expect(error?.underlying is DatabaseError)
        #expect(try database.record(leaf: 3) == nil)
        try Self.expectUnchanged(database, seed)
    }

    @Test("the same statement twice in one batch fails the whole batch")
    func duplicateWithinBatch() throws {
        let (database, seed) = try Self.seeded()
        var again = StoreFixtures.record(leaf: 3)
        again.leaf = 4
        Self.expectFailure(database, StoreFixtures.batch([StoreFixtures.record(leaf: 3), again]), .duplicateStatement)
        try Self.expectUnchanged(database, seed)
    }

    @Test("a view change that breaks a foreign key fails the whole batch at commit")
    func foreignKeyViolation() throws {
        let (database, seed) = try Self.seeded()
        let batch = StoreFixtures.batch(
            leaves: 3..<5,
            changes: [
                .proposal(
                    ProposalRow(
                        id: "p1", author: "m1", title: "T", state: "draft", currentRevision: "r1", createdLeaf: 3)),
                .member(
                    MemberRow(memberID: "m2", name: "Bo", status: "active", weight: 1, roles: "[]", joinedLeaf: 99)),
            ])
        let error = Self.expectFailure(database, batch, .storageFailed)
        #expect((error?.underlying as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        try Self.expectUnchanged(database, seed)
    }

    @Test("a view change that breaks a check constraint fails the whole batch")
    func checkViolation() throws {
        let (database, seed) = try Self.seeded()
        let round = RoundRow(
            id: "r", proposalID: "p", revisionID: "v", method: "approval", state: .open, openedLeaf: 3,
            closedLeaf: nil, parameters: "{}")
        let batch = StoreFixtures.batch(
            leaves: 3..<4,
            changes: [
                .proposal(
                    ProposalRow(id: "p", author: "m1", title: "T", state: "open", currentRevision: "v", createdLeaf: 3)),
                .revision(
                    RevisionRow(
                        id: "v", proposalID: "p", parent: nil, author: "m1", title: "T", text: "x", summary: nil,
                        leaf: 3)),
                .round(round),
                .ballot(BallotRow(id: "b", roundID: "r", voter: "m1", sequence: 1, leaf: 3)),
            ])
        // The same batch is fine as it is; a bad key status is refused by the table.
        var bad = batch
        bad.changes.append(.memberKey(MemberKeyRow(key: "k", memberID: "m1", status: .active, addedLeaf: 3)))
        try database.read { db in
            // No way to build a bad status through the typed API: check the constraint exists.
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'member_keys'")
            #expect(sql?.contains("CHECK (status IN ('active', 'rotated', 'revoked'))") == true)
        }
        bad.changes.append(.ballotSuperseded(leaf: 999))
        Self.expectFailure(database, bad, .invalidBatch)
        try Self.expectUnchanged(database, seed)

        try database.append(batch)
        #expect(try StoreFixtures.count("ballots", in: database) == 1)
    }

    @Test("a batch that does not continue the log is refused")
    func invalidShape() throws {
        let (database, seed) = try Self.seeded()
        // A gap between stored leaves and the batch.
        Self.expectFailure(database, StoreFixtures.batch(leaves: 4..<6), .invalidBatch)
        // A gap within the batch.
        Self.expectFailure(
            database, StoreFixtures.batch([StoreFixtures.record(leaf: 3), StoreFixtures.record(leaf: 5)]), .invalidBatch
        )
        // Leaves already stored.
        Self.expectFailure(database, StoreFixtures.batch(leaves: 2..<4), .invalidBatch)
        // A tree size that does not follow the records.
        var wrongTree = StoreFixtures.batch(leaves: 3..<5)
        wrongTree.tree.size = 6
        wrongTree.checkpoint.size = 6
        Self.expectFailure(database, wrongTree, .invalidBatch)
        // A checkpoint over another tree.
        var wrongCheckpoint = StoreFixtures.batch(leaves: 3..<5)
        wrongCheckpoint.checkpoint.root = StoreFixtures.root(99)
        Self.expectFailure(database, wrongCheckpoint, .invalidBatch)
        // No records: the tree stays at 3, whose checkpoint is already stored.
        Self.expectFailure(database, StoreFixtures.batch([StoreFixtures.record(leaf: 2)]).withoutRecords, .invalidBatch)
        try Self.expectUnchanged(database, seed)
    }

    @Test("a first batch that fails leaves an empty database, with no tree state")
    func failedFirstBatch() throws {
        let database = try PlenumDatabase.inMemory()
        let record = StoreFixtures.record(leaf: 0)
        var again = record
        again.leaf = 1
        Self.expectFailure(database, StoreFixtures.batch([record, again]), .duplicateStatement)
        #expect(try database.treeState() == nil)
        #expect(try database.latestCheckpoint() == nil)
        #expect(try StoreFixtures.count("statements", in: database) == 0)
        try database.append(StoreFixtures.batch([record]))
        #expect(try database.treeState()?.size == 1)
    }
}

extension LogBatch {
    /// The same batch with no records (tree and checkpoint kept).
    fileprivate var withoutRecords: LogBatch {
        var batch = self
        batch.records = []
        return batch
    }
}
