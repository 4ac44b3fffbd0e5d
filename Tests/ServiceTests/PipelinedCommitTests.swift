import Foundation
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
}
