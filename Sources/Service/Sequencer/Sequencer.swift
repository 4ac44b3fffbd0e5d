import Foundation
import Synchronization

/// The one writer: a thread that takes every waiting job, applies them to the state in order and
/// commits them in one transaction (group commit), then answers each job.
///
/// Clients verify signatures on their own threads before a job reaches the sequencer, so the
/// expensive part runs on every core while the log stays strictly ordered. Reads take the same
/// lock briefly, so they never see a statement that is not yet durable.
final class Sequencer: Sendable {
    private let core: Mutex<SequencerCore>
    private let inbox = Mutex<Inbox>(Inbox())
    private let wake = NSCondition()
    private let maximumBatch: Int
    /// How long a commit may wait for more statements to join it, in seconds.
    private let commitWindow: TimeInterval

    private struct Inbox {
        var jobs: [Job] = []
        var stopping = false
        var running = true
    }

    init(core: consuming SequencerCore, maximumBatch: Int, commitWindow: TimeInterval) {
        self.core = Mutex(core)
        self.maximumBatch = maximumBatch
        self.commitWindow = commitWindow
        let thread = Thread { [self] in self.run() }
        thread.name = "plenum-sequencer"
        thread.start()
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

    /// Runs `body` on the committed state.
    func read<T>(_ body: (borrowing SequencerCore) throws(ServiceError) -> T) throws(ServiceError) -> T {
        try core.withLock { (core: inout SequencerCore) throws(ServiceError) -> T in
            if let failure = core.failure { throw failure }
            return try body(core)
        }
    }

    /// Finishes the jobs already queued, then stops the thread.
    func stop() {
        inbox.withLock { $0.stopping = true }
        wake.lock()
        wake.signal()
        wake.unlock()
        while inbox.withLock({ $0.running }) { Thread.sleep(forTimeInterval: 0.001) }
    }

    private func run() {
        while true {
            let jobs = nextJobs()
            guard let jobs else { break }
            let outcomes = core.withLock { $0.process(jobs) }
            for (job, outcome) in zip(jobs, outcomes) { job.reply(outcome) }
        }
        inbox.withLock { $0.running = false }
    }

    /// Waits for jobs; nil once stopping and nothing is left.
    ///
    /// Once one job is waiting, the sequencer gives others up to ``commitWindow`` to join it while
    /// the queue keeps growing (PostgreSQL's `commit_delay`): clients whose statements are still
    /// being verified join this commit instead of waiting for the next fsync.
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
