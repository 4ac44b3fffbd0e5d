import Foundation
import Ledger
import Sodium
import Store
import Synchronization

/// The one writer, in two threads: the sequencer takes every waiting job and applies the batch
/// to the state in order; the committer writes every batch prepared meanwhile (up to
/// `maximumBatch` statements) in one transaction (group commit), syncs it, and answers each job. While one group syncs, the next is applied,
/// so the disk's sync time and the rules' work overlap instead of adding up.
///
/// Clients verify signatures on their own threads before a job reaches the sequencer, so the
/// expensive part runs on every core while the log stays strictly ordered. Reads never see a
/// statement that is not yet durable: a read waits until every applied batch is committed, and
/// the sequencer applies no new batch while a read that asked before it waits (a read waits for
/// at most two syncs, and the sequencer only for the reads already waiting).
final class Sequencer: Sendable {
    private let core: Mutex<SequencerCore>
    private let inbox = Mutex<Inbox>(Inbox())
    private let wake = NSCondition()
    /// Batches applied but not yet committed, for the committer.
    private let prepared = Mutex<Outbox>(Outbox())
    private let committerWake = NSCondition()
    /// Guards ``Gate`` (how many batches are applied but not durable, how many reads wait).
    private let gate = NSCondition()
    nonisolated(unsafe) private var gateState = Gate()
    /// The store, the log key and the checkpoint origin, as the committer needs them.
    private let database: PlenumDatabase
    private let logKey: SigningKey
    private let origin: String
    private let maximumBatch: Int
    /// How long a batch may wait for more statements to join it, in seconds.
    private let commitWindow: TimeInterval

    private struct Inbox {
        var jobs: [Job] = []
        var stopping = false
        var running = true
    }

    private struct Outbox {
        var batches: [PreparedBatch] = []
        var stopping = false
        var running = true
    }

    private struct Gate {
        /// Batches applied but not yet answered.
        var unsettled = 0
        /// Reads that have asked for the state, and reads that are done: the sequencer waits
        /// for the reads that asked before it wanted to apply a batch, and for no later ones,
        /// so that neither side can starve the other.
        var readsAsked = 0
        var readsDone = 0
    }

    init(core: consuming SequencerCore, maximumBatch: Int, commitWindow: TimeInterval) {
        self.database = core.database
        self.logKey = core.logKey
        self.origin = core.state.origin
        self.core = Mutex(core)
        self.maximumBatch = maximumBatch
        self.commitWindow = commitWindow
        let sequencer = Thread { [self] in self.run() }
        sequencer.name = "plenum-sequencer"
        sequencer.start()
        let committer = Thread { [self] in self.commit() }
        committer.name = "plenum-committer"
        committer.start()
    }

    /// Queues `job`; its reply is called once the job's batch is durable or refused.
    func enqueue(_ job: Job) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.jobs.append(job)
            return true
        }
        guard accepted else {
            job.reply(.failure(.init(.unavailable, "shutting_down", "the service is shutting down")))
            return
        }
        wake.lock()
        wake.signal()
        wake.unlock()
    }

    /// Runs `body` on the committed state, once every applied batch is durable.
    func read<T>(_ body: (borrowing SequencerCore) throws(ServiceError) -> T) throws(ServiceError) -> T {
        gate.lock()
        defer {
            gateState.readsDone += 1
            gate.broadcast()
            gate.unlock()
        }
        gateState.readsAsked += 1
        while gateState.unsettled > 0 { gate.wait() }
        return try core.withLock { (core: inout SequencerCore) throws(ServiceError) -> T in
            if let failure = core.failure { throw failure }
            return try body(core)
        }
    }

    /// Finishes the jobs already queued, then stops both threads.
    func stop() {
        inbox.withLock { $0.stopping = true }
        wake.lock()
        wake.signal()
        wake.unlock()
        while inbox.withLock({ $0.running }) || prepared.withLock({ $0.running }) {
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    /// The sequencer's thread: applies batches and hands them to the committer.
    private func run() {
        while let jobs = nextJobs() {
            // The reads already waiting go first: they need every applied batch durable. Reads
            // that ask later wait for this batch (at most two syncs).
            gate.lock()
            let asked = gateState.readsAsked
            while gateState.readsDone < asked { gate.wait() }
            gateState.unsettled += 1
            gate.unlock()
            let batch = core.withLock { $0.prepare(jobs) }
            prepared.withLock { $0.batches.append(batch) }
            committerWake.lock()
            committerWake.signal()
            committerWake.unlock()
        }
        inbox.withLock { $0.running = false }
        prepared.withLock { $0.stopping = true }
        committerWake.lock()
        committerWake.signal()
        committerWake.unlock()
    }

    /// The committer's thread: writes every prepared batch in one transaction, then answers.
    private func commit() {
        while true {
            committerWake.lock()
            var group: [PreparedBatch] = []
            var stopping = false
            while true {
                (group, stopping) = prepared.withLock { outbox in
                    // Every batch waiting, up to about the largest transaction allowed.
                    var taken = 0
                    var jobs = 0
                    while taken < outbox.batches.count,
                        taken == 0 || jobs + outbox.batches[taken].jobs.count <= maximumBatch
                    {
                        jobs += outbox.batches[taken].jobs.count
                        taken += 1
                    }
                    defer { outbox.batches.removeFirst(taken) }
                    return (Array(outbox.batches.prefix(taken)), outbox.stopping)
                }
                if !group.isEmpty || stopping { break }
                committerWake.wait()
            }
            committerWake.unlock()
            if group.isEmpty && stopping { break }

            let plan = core.withLock { $0.plan(for: group) }
            var durable = false
            var checkpoint: SignedCheckpoint?
            var error: (any Error & Sendable)?
            switch plan {
            case .write(let records, let views, let tree, let created):
                // Signed outside the lock, so the sequencer goes on applying meanwhile. The
                // origin was checked when the organization was created.
                let signed = try! Checkpoint(origin: origin, size: UInt64(tree.size), root: tree.root)
                    .signed(with: logKey)
                do {
                    try database.append(
                        LogBatch(
                            records: records, changes: views, tree: tree,
                            checkpoint: StoredCheckpoint(signed, created: created)))
                    durable = true
                    checkpoint = signed
                } catch let failure {
                    error = failure
                }
            case .nothing: durable = true
            case .refuse: durable = false
            }
            let outcomes = core.withLock {
                $0.complete(group, durable: durable, checkpoint: checkpoint, error: error)
            }
            gate.lock()
            gateState.unsettled -= group.count
            gate.broadcast()
            gate.unlock()
            for (batch, results) in zip(group, outcomes) {
                for (job, outcome) in zip(batch.jobs, results) { job.reply(outcome) }
            }
        }
        prepared.withLock { $0.running = false }
    }

    /// Waits for jobs; nil once stopping and nothing is left.
    ///
    /// Once one job is waiting, the sequencer gives others up to ``commitWindow`` to join it while
    /// the queue keeps growing (PostgreSQL's `commit_delay`): clients whose statements are still
    /// being verified join this batch instead of the next.
    private func nextJobs() -> [Job]? {
        wake.lock()
        defer { wake.unlock() }
        var deadline: Date?
        var seen = 0
        while true {
            let (count, stopping) = inbox.withLock { ($0.jobs.count, $0.stopping) }
            if count == 0 {
                if stopping { return nil }
                wake.wait()
                continue
            }
            if count < maximumBatch, !stopping, commitWindow > 0 {
                let now = Date()
                let limit = deadline ?? now.addingTimeInterval(commitWindow)
                deadline = limit
                // Wait while more keep arriving, within the window.
                if count > seen, now < limit {
                    seen = count
                    _ = wake.wait(until: min(limit, now.addingTimeInterval(commitWindow / 4)))
                    continue
                }
            }
            return inbox.withLock { inbox in
                let taken = min(inbox.jobs.count, maximumBatch)
                let jobs = Array(inbox.jobs.prefix(taken))
                inbox.jobs.removeFirst(taken)
                return jobs
            }
        }
    }
}
