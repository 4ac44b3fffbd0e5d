import Foundation
import GRDB
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Synchronization
import Testing

@Suite("Commits pipelined behind the rules")
struct PipelinedCommitTests {
    @Test("reads taken while batches are applied and synced never see a statement that is not on disk")
    func readsSeeOnlyDurableState() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plenum-pipeline-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0
        let test = try TestOrganization(
            path: directory.appendingPathComponent("db.sqlite").path, configuration: configuration)
        let invitations = (0..<400).map { index in
            test.sign(
                MemberInvite(
                    header: test.header(test.steward), code: SHA256.hash(SecureRandom.bytes(count: 32)),
                    name: "Member \(index)", roles: [.member], weight: 1, expires: test.now + 86_400_000),
                test.steward)
        }
        let done = Atomic<Bool>(false)
        let ahead = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let database = test.database
        let organization = test.organization
        // A reader that keeps comparing the state with what the disk holds.
        let reader = Task.detached {
            while !done.load(ordering: .acquiring) {
                let (applied, durable) = try organization.read { state throws(ServiceError) in
                    // A store failure reads as -1 and fails the comparison below.
                    let stored = (try? database.treeState()?.size) ?? -1
                    return (state.leaves.count, stored)
                }
                if applied != durable { ahead.add(1, ordering: .relaxed) }
                reads.add(1, ordering: .relaxed)
                await Task.yield()
            }
        }
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for statement in invitations { group.addTask { try await organization.submit(statement) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        done.store(true, ordering: .releasing)
        try await reader.value

        #expect(receipts.count == 400)
        #expect(Set(receipts.map(\.leaf)).count == 400)
        #expect(ahead.load(ordering: .relaxed) == 0)
        #expect(reads.load(ordering: .relaxed) > 0)
        // Every receipt's checkpoint covers its leaf, and the last checkpoint covers them all.
        #expect(receipts.allSatisfy { $0.leaf < $0.checkpoint.checkpoint.size })
        let latest = try organization.latestCheckpoint()
        #expect(latest.checkpoint.size == UInt64(try #require(try database.treeState()).size))
        #expect(latest.checkpoint.size == 1 + 400)
    }

    @Test("a statement sent again while its first copy is still being synced gets the same receipt")
    func replayDuringSync() async throws {
        let test = try TestOrganization()
        let statement = test.sign(
            MemberInvite(
                header: test.header(test.steward), code: SHA256.hash(SecureRandom.bytes(count: 32)), name: "Ann",
                roles: [.member], weight: 1, expires: test.now + 86_400_000),
            test.steward)
        let organization = test.organization
        let acceptances = try await withThrowingTaskGroup(of: Acceptance.self) { group in
            for _ in 0..<8 { group.addTask { try await organization.accept(statement) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(acceptances.filter(\.appended).count == 1)
        #expect(acceptances.allSatisfy { $0.receipt == acceptances[0].receipt })
    }

    @Test("when a commit fails, nothing applied on top of it is acknowledged, refusals included")
    func failedCommit() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plenum-failed-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        var configuration = ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0
        let test = try TestOrganization(path: path, configuration: configuration)
        // Another connection takes the database's write lock and keeps it: the committer's
        // transaction fails once SQLite's busy timeout (5 s) runs out.
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: path, configuration: unsafe)
        try await blocker.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let code = SHA256.hash(SecureRandom.bytes(count: 32))
        func invite(_ name: String) -> SignedStatement {
            test.sign(
                MemberInvite(
                    header: test.header(test.steward), code: code, name: name, roles: [.member], weight: 1,
                    expires: test.now + 86_400_000),
                test.steward)
        }
        let organization = test.organization
        let first = Task { try await organization.submit(invite("Ann")) }
        // Applied on top of the first while its commit waits: refused for reusing its code.
        try await Task.sleep(for: .milliseconds(300))
        let second = Task { try await organization.submit(invite("Bob")) }
        for task in [first, second] {
            do {
                _ = try await task.value
                Issue.record("a statement was acknowledged although its commit failed")
            } catch let error as ServiceError {
                #expect(error.code == "storage_failed")
            }
        }
        try await blocker.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        // Until a restart, the service refuses reads too, and nothing reached the disk.
        #expect(throws: ServiceError.self) { try organization.latestCheckpoint() }
        #expect(try test.database.treeState()?.size == 1)
    }
}
