import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Testing

@Suite("A replayed statement returns its original receipt and appends nothing")
struct ReplayTests {
    @Test("the same signed bytes sent twice: the same receipt, one leaf")
    func replayOnce() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(ProposalCreate(header: test.header(ann), title: "Paint", text: "Green."), ann)
        let first = try await test.organization.submit(statement)
        let before = try StateSnapshot(test)
        let second = try await test.organization.submit(statement)
        #expect(second == first)
        #expect(second.leaf == first.leaf)
        #expect(second.statement == first.statement)
        #expect(second.checkpoint == first.checkpoint)
        #expect(try StateSnapshot(test) == before)
        try second.verify(statement, logKey: test.organization.logKey, origin: test.organization.origin)
    }

    @Test("a replay after the log has grown still returns the receipt as first issued")
    func replayAfterGrowth() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(ProposalCreate(header: test.header(ann), title: "Paint", text: "Green."), ann)
        let first = try await test.organization.submit(statement)
        _ = try await test.join("Bob")
        _ = try await test.propose("Another")
        let before = try StateSnapshot(test)
        #expect(before.size > first.checkpoint.checkpoint.size)
        let again = try await test.organization.submit(statement)
        #expect(again == first)
        #expect(try StateSnapshot(test) == before)
        #expect(try test.organization.receipt(for: first.statement) == first)
    }

    @Test("a replayed ballot is counted once and adds no ballot statement")
    func replayedBallot() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let ballot = test.sign(test.ballot(round, .ranking([["Yes"]]), by: ann), ann)
        let first = try await test.organization.submit(ballot)
        let before = try StateSnapshot(test)
        for _ in 0..<3 {
            #expect(try await test.organization.submit(ballot) == first)
        }
        #expect(try StateSnapshot(test) == before)
        #expect(try test.round(round).ballotStatements == 1)
    }

    @Test("a ballot replayed after its round closed returns its receipt, not round_closed")
    func replayedBallotAfterClose() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let ballot = test.sign(test.ballot(round, .ranking([["Yes"]]), by: ann), ann)
        let first = try await test.organization.submit(ballot)
        try await test.close(round)
        let before = try StateSnapshot(test)
        #expect(try await test.organization.submit(ballot) == first)
        #expect(try StateSnapshot(test) == before)
    }

    @Test("the same statement sent concurrently: every copy gets the same receipt, one leaf is appended")
    func concurrentReplay() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        for attempt in 0..<5 {
            let statement = test.sign(
                ProposalCreate(header: test.header(ann), title: "Paint \(attempt)", text: "Green."), ann)
            let sizeBefore = try StateSnapshot(test).size
            async let a = test.organization.submit(statement)
            async let b = test.organization.submit(statement)
            let (first, second) = try await (a, b)
            #expect(first == second)
            let after = try StateSnapshot(test)
            #expect(after.size == sizeBefore + 1)
            #expect(after.checkpointSize == sizeBefore + 1)
            #expect(try test.organization.read { $0.proposals.count } == attempt + 1)
        }
    }

    @Test("many copies of one ballot sent at once: one leaf, one receipt")
    func concurrentBallotReplays() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let round = try await test.openRound(method: "plurality", options: ["Yes", "No"])
        let ballot = test.sign(test.ballot(round, .ranking([["No"]]), by: ann), ann)
        let sizeBefore = try StateSnapshot(test).size
        let organization = test.organization
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for _ in 0..<16 { group.addTask { try await organization.submit(ballot) } }
            var all: [Receipt] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
        #expect(receipts.count == 16)
        #expect(Set(receipts.map(\.leaf)) == [sizeBefore])
        #expect(receipts.allSatisfy { $0 == receipts[0] })
        #expect(try StateSnapshot(test).size == sizeBefore + 1)
        #expect(try test.round(round).ballotStatements == 1)
    }

    @Test("a retry after the time window has passed still returns the original receipt (idempotent retry)")
    func replayAfterTimeWindow() async throws {
        let test = try TestOrganization()
        let ann = try await test.join("Ann")
        let statement = test.sign(ProposalCreate(header: test.header(ann), title: "Paint", text: "Green."), ann)
        let first = try await test.organization.submit(statement)
        test.advance(milliseconds: test.organization.configuration.timeWindow + 60_000)
        let before = try StateSnapshot(test)
        do {
            let again = try await test.organization.submit(statement)
            #expect(again == first)
        } catch {
            Issue.record("a retry of an accepted statement was refused: \(error)")
        }
        #expect(try StateSnapshot(test) == before)
    }
}
