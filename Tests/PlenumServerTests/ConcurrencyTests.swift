import Foundation
import Ledger
import PlenumTestSupport
import Service
import Sodium
import Statements
import Synchronization
import TestRandom
import Testing

/// Many voters casting and replacing ballots at once while a steward closes the round: the
/// sequencer's one order must decide every ballot exactly once.
@Suite("Concurrent ballots and a close mid-stream")
struct ConcurrencyTests {
    /// What became of one submitted ballot.
    private enum Outcome: Sendable {
        case acknowledged(Receipt)
        case refused(String)
    }

    /// One ballot as submitted: who, which sequence, the signed bytes, whether the close had
    /// already been acknowledged when it was sent, and its outcome.
    private struct Submission: Sendable {
        let voter: Int
        let sequence: Int64
        let statement: SignedStatement
        let afterClose: Bool
        let outcome: Outcome
        /// Submitted twice at once (the same bytes): both answers must agree.
        let duplicateOutcome: Outcome?
    }

    @Test(
        "40 voters, 8 ballots each in random order with replacements and duplicates, a close after about 40 %",
        .timeLimit(.minutes(1)))
    func ballotsRaceAClose() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plenum-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ServiceConfiguration()
        configuration.statementsPerSecondPerAuthor = 0
        // Small batches make more commits, so the close lands between batches more often.
        configuration.maximumBatch = 16
        let test = try TestOrganization(
            path: directory.appendingPathComponent("org.sqlite").path,
            configuration: configuration)

        let voterCount = 40
        let ballotsPerVoter = 8
        var voters: [SigningKey] = []
        var weights: [Int64] = []
        for index in 0..<voterCount {
            let weight = Int64(1 + index % 3)
            voters.append(try await test.join("Voter \(index)", weight: weight))
            weights.append(weight)
        }
        let options = ["Alpha", "Beta", "Gamma"]
        let round = try await test.openRound(method: "plurality", options: options)

        // Every ballot signed before the race; each voter sends theirs in a shuffled order, so a
        // lower sequence often arrives after a higher one (and is refused as stale).
        var random = RaceRandom(seed: 0x5EED_0001)
        var plans: [[(sequence: Int64, statement: SignedStatement, twice: Bool)]] = []
        for key in voters {
            var plan: [(Int64, SignedStatement, Bool)] = []
            for sequence in 1...Int64(ballotsPerVoter) {
                let choice = BallotChoice.ranking([[options[Int(random.next() % 3)]]])
                let ballot = BallotCast(
                    header: test.header(key), round: round, revision: nil, sequence: sequence, choice: choice)
                plan.append((sequence, test.sign(ballot, key), random.next() % 5 == 0))
            }
            plans.append(random.shuffled(plan))
        }
        let total = voterCount * ballotsPerVoter
        let progress = Progress()
        let organization = test.organization

        let closeStatement = test.sign(RoundClose(header: test.header(test.steward), round: round), test.steward)
        let (submissions, closeReceipt) = try await withThrowingTaskGroup(
            of: ([Submission], Receipt?).self
        ) { group in
            for (voter, plan) in plans.enumerated() {
                group.addTask {
                    var done: [Submission] = []
                    for (sequence, statement, twice) in plan {
                        let afterClose = progress.closeAcknowledged.load(ordering: .acquiring)
                        let outcome: Outcome
                        var duplicate: Outcome?
                        if twice {
                            async let first = Self.submit(statement, to: organization)
                            async let second = Self.submit(statement, to: organization)
                            (outcome, duplicate) = await (first, second)
                        } else {
                            outcome = await Self.submit(statement, to: organization)
                        }
                        progress.answered.add(1, ordering: .releasing)
                        done.append(
                            Submission(
                                voter: voter, sequence: sequence, statement: statement, afterClose: afterClose,
                                outcome: outcome, duplicateOutcome: duplicate))
                    }
                    return (done, nil)
                }
            }
            group.addTask {
                while progress.answered.load(ordering: .acquiring) < total * 2 / 5 {
                    try await Task.sleep(for: .milliseconds(1))
                }
                let receipt = try await organization.submit(closeStatement)
                progress.closeAcknowledged.store(true, ordering: .releasing)
                return ([], receipt)
            }
            var all: [Submission] = []
            var close: Receipt?
            for try await (done, receipt) in group {
                all += done
                close = close ?? receipt
            }
            return (all, close)
        }
        let close = try #require(closeReceipt)

        // After the race, every voter tries once more: the round is closed for all of them.
        var late: [Submission] = []
        for (voter, key) in voters.enumerated() {
            let ballot = BallotCast(
                header: test.header(key), round: round, revision: nil, sequence: 1_000,
                choice: .ranking([[options[0]]]))
            let statement = test.sign(ballot, key)
            late.append(
                Submission(
                    voter: voter, sequence: 1_000, statement: statement, afterClose: true,
                    outcome: await Self.submit(statement, to: organization), duplicateOutcome: nil))
        }

        let all = submissions + late
        #expect(submissions.count == total)
        var acknowledgedCount = 0
        var closedCount = 0
        var staleCount = 0
        var acknowledgedIDs: Set<StatementID> = []
        var highest: [Int: (sequence: Int64, id: StatementID, leaf: UInt64)] = [:]
        for submission in all {
            if let duplicate = submission.duplicateOutcome {
                switch (submission.outcome, duplicate) {
                case (.acknowledged(let a), .acknowledged(let b)):
                    #expect(a == b, "the same ballot sent twice got two different receipts")
                case (.refused(let a), .refused(let b)):
                    // Two copies refused for the same reason, unless the close fell between them: a
                    // copy refused as stale before the close is refused as round_closed after it.
                    #expect(
                        a == b || a == "round_closed" || b == "round_closed",
                        "the same ballot sent twice was refused for \(a) and for \(b)")
                default:
                    Issue.record("the same ballot sent twice was acknowledged once and refused once")
                }
            }
            switch submission.outcome {
            case .acknowledged(let receipt):
                acknowledgedCount += 1
                acknowledgedIDs.insert(receipt.statement)
                #expect(receipt.leaf < close.leaf, "a ballot was acknowledged at leaf \(receipt.leaf), after the close")
                #expect(!submission.afterClose, "a ballot sent after the close was acknowledged")
                do {
                    try receipt.verify(submission.statement, logKey: test.logKey.publicKey, origin: organization.origin)
                } catch {
                    Issue.record("a ballot's receipt does not verify: \(error)")
                }
                if let best = highest[submission.voter] {
                    // A replacement must come later in the log than what it replaces.
                    #expect(
                        (submission.sequence > best.sequence) == (receipt.leaf > best.leaf),
                        "voter \(submission.voter): sequences and leaves disagree")
                }
                if submission.sequence > highest[submission.voter]?.sequence ?? 0 {
                    highest[submission.voter] = (submission.sequence, receipt.statement, receipt.leaf)
                }
            case .refused(let code):
                if submission.afterClose {
                    #expect(code == "round_closed", "a ballot sent after the close was refused with \(code)")
                }
                #expect(code == "round_closed" || code == "stale_sequence", "unexpected refusal \(code)")
                if code == "round_closed" { closedCount += 1 }
                if code == "stale_sequence" { staleCount += 1 }
                #expect(throws: ServiceError.self, "a refused ballot is in the log") {
                    _ = try organization.statement(StatementID(submission.statement.id))
                }
            }
        }
        // A stale refusal needs an acknowledged ballot of a higher sequence by the same voter.
        for submission in all {
            guard case .refused("stale_sequence") = submission.outcome else { continue }
            let higher = all.contains { other in
                guard other.voter == submission.voter, other.sequence > submission.sequence,
                    case .acknowledged = other.outcome
                else { return false }
                return true
            }
            #expect(higher, "voter \(submission.voter)'s sequence \(submission.sequence) was refused as stale")
        }
        #expect(acknowledgedCount > 0 && closedCount > voterCount, "the race did not straddle the close")
        print(
            "ConcurrencyTests: \(acknowledgedCount) acknowledged, \(staleCount) stale, \(closedCount) round_closed "
                + "(\(voterCount) of them sent after the close was acknowledged); close at leaf \(close.leaf)")

        // The counted ballots: the highest acknowledged sequence of each voter, nothing else.
        let state = try organization.read { state throws(ServiceError) in try state.round(round) }
        #expect(state.state == .closed)
        #expect(state.closedLeaf == close.leaf)
        #expect(Set(state.ballots.keys) == Set(highest.keys.map { MemberID(voters[$0].publicKey) }))
        for (voter, best) in highest {
            let counted = state.ballots[MemberID(voters[voter].publicKey)]
            #expect(counted?.statement == best.id, "voter \(voter) is not counted with their latest ballot")
            #expect(counted?.sequence == best.sequence)
        }
        #expect(state.ballotStatements == acknowledgedIDs.count)
        let result = try #require(state.result)
        #expect(result.ballots == highest.count)
        #expect(result.weight == highest.keys.reduce(0) { $0 + weights[$1] })
        #expect(result.eligibleWeight == weights.reduce(1, +))
        #expect(result.counted == RoundResult.countedDigest(of: highest.values.map(\.id)))

        // The log itself: each acknowledged ballot exactly once, no other ballot, and its root is
        // the latest checkpoint's.
        var logged: [StatementID: Int] = [:]
        var frontier = MerkleFrontier()
        try test.database.records { record in
            let statement = try record.statement()
            frontier.append(leafHash: statement.leafHash)
            if record.kind == BallotCast.kind.name { logged[StatementID(record.id), default: 0] += 1 }
        }
        #expect(Set(logged.keys) == acknowledgedIDs)
        #expect(logged.values.allSatisfy { $0 == 1 })
        let checkpoint = try organization.latestCheckpoint()
        #expect(checkpoint.checkpoint.size == frontier.size)
        #expect(checkpoint.checkpoint.root == frontier.root)
        try checkpoint.verify(logKey: test.logKey.publicKey, origin: organization.origin)
        do {
            try close.verify(closeStatement, logKey: test.logKey.publicKey, origin: organization.origin)
        } catch {
            Issue.record("the close's receipt does not verify: \(error)")
        }
        #expect(try test.database.integrityCheck() == ["ok"])
    }

    /// How far the race is: ballots answered, and whether the close was acknowledged.
    private final class Progress: Sendable {
        let answered = Atomic<Int>(0)
        let closeAcknowledged = Atomic<Bool>(false)
    }

    private static func submit(_ statement: SignedStatement, to organization: Organization) async -> Outcome {
        do {
            return .acknowledged(try await organization.submit(statement))
        } catch {
            return .refused(error.code)
        }
    }
}

/// The seeded generator of the concurrency tests, so that a failing run can be repeated.

/// The seeded generator of the concurrency tests, so that a failing run can be repeated.
typealias RaceRandom = SplitMix64

extension SplitMix64 {
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var copy = elements
        copy.shuffle(using: &self)
        return copy
    }
}
