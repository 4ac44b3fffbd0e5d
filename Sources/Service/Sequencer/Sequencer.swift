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

    private struct Inbox {
        var jobs: [Job] = []
        var stopping = false
        var running = true
    }

    init(core: consuming SequencerCore, maximumBatch: Int) {
        self.core = Mutex(core)
        self.maximumBatch = maximumBatch
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
    private func nextJobs() -> [Job]? {
        wake.lock()
        defer { wake.unlock() }
        while true {
            let taken = inbox.withLock { inbox -> [Job]? in
                if inbox.jobs.isEmpty { return inbox.stopping ? nil : [] }
                let count = min(inbox.jobs.count, maximumBatch)
                let jobs = Array(inbox.jobs.prefix(count))
                inbox.jobs.removeFirst(count)
                return jobs
            }
            guard let taken else { return nil }
            if !taken.isEmpty { return taken }
            wake.wait()
        }
    }
}
