import Ledger
import Sodium
import Statements
import Store

/// The sequencer's protected state: the rules' state, the in-memory log, and the store they are
/// made durable in.
///
/// A batch of jobs goes through it in two steps. ``prepare(_:)`` applies the jobs to the state
/// and the in-memory tree and returns the rows to write; the committer then asks for a
/// ``plan(for:)`` of one or more prepared batches, writes it in one transaction outside the lock,
/// and ``complete(_:durable:checkpoint:error:)`` records the new checkpoint and makes the answers.
/// While one group of batches is being synced to disk, the next is being prepared.
struct SequencerCore {
    var state: OrganizationState
    var log: LogState
    let database: PlenumDatabase
    let logKey: SigningKey
    /// Set when a commit failed: the in-memory state may then be ahead of the disk, so the
    /// service refuses writes and reads until it is restarted (and replays the log).
    var failure: ServiceError?
    /// The statements of the batch being prepared, and what they changed.
    private var records: [LogRecord] = []
    private var changes: [StateChange] = []

    init(state: OrganizationState, log: LogState, database: PlenumDatabase, logKey: SigningKey) {
        self.state = state
        self.log = log
        self.database = database
        self.logKey = logKey
    }

    /// The size of the log on disk: the last recorded checkpoint's.
    var durableSize: UInt64 { log.latest?.checkpoint.size ?? 0 }

    /// Applies `jobs` in order (and any statement the log key adds: closes on schedule, result
    /// certificates). A refused job changes nothing. Nothing is durable, and no job is answered,
    /// until the batch is completed.
    mutating func prepare(_ jobs: [Job]) -> PreparedBatch {
        var batch = PreparedBatch(jobs: jobs)
        if let failure {
            batch.outcomes = jobs.map { _ in .failure(failure) }
            return batch
        }
        let durable = durableSize
        records = []
        changes = []
        defer {
            records = []
            changes = []
        }
        for (index, job) in jobs.enumerated() {
            do {
                switch job {
                case .statement(let statement, let payload, let received, _):
                    let id = StatementID(statement.id)
                    if let leaf = state.leaves[id] {
                        if leaf < durable {
                            batch.outcomes[index] = receipt(leaf: leaf, id: id, appended: false)
                        } else {
                            batch.pending.append((index, leaf, id, false))
                        }
                        continue
                    }
                    let leaf = try append(statement, payload, received: received, id: id)
                    batch.pending.append((index, leaf, id, true))
                    if case .roundClose(let close) = payload {
                        certify(close.round, received: received)
                    }
                    if case .distributionRun(let run) = payload {
                        recordDistribution(run, received: received)
                    }
                case .scheduledClose(let round, let now, _):
                    let close = RoundClose(header: header(now), round: round)
                    let statement = SignedStatement(signing: close.canonicalBytes, as: RoundClose.kind, with: logKey)
                    let leaf = try append(statement, .roundClose(close), received: now)
                    batch.pending.append((index, leaf, StatementID(statement.id), true))
                    certify(round, received: now)
                }
            } catch {
                batch.outcomes[index] = .failure(error)
            }
        }
        guard !records.isEmpty else { return batch }
        do {
            batch.views = try state.viewChanges(for: changes)
        } catch {
            // The rows of statements already applied cannot be made: nothing of this batch can
            // be written, and the state is ahead of what can be; refuse until restarted.
            fail(
                ServiceError(
                    .unavailable, "storage_failed", "the view rows could not be made; restart the service",
                    cause: error), batch: &batch)
            return batch
        }
        batch.records = records
        batch.endSize = log.size
        return batch
    }

    /// What the committer does for `group` (prepared batches in order): write every record and
    /// view row with the tree after the last, under one checkpoint it signs outside the lock;
    /// write nothing (the group appended nothing, and every earlier group is durable); or refuse
    /// (an earlier commit failed, so the state this group was applied to is not on disk).
    func plan(for group: [PreparedBatch]) -> CommitPlan {
        if failure != nil { return .refuse }
        guard let size = group.last(where: { $0.endSize != nil })?.endSize else { return .nothing }
        // The size is in the tree: the batches were applied to it.
        let root = try! log.root(size: size)
        var records: [LogRecord] = []
        var views: [ViewChange] = []
        for batch in group {
            records += batch.records
            views += batch.views
        }
        return .write(
            records: records, views: views, tree: TreeState(size: Int(size), root: root),
            created: records.last!.received)
    }

    /// Answers `group` after its plan was carried out: `durable` is whether everything the group
    /// rests on is on disk (its own write, if any, returned; no earlier write failed).
    /// `checkpoint` is the one its write was signed under. A group that is not durable is
    /// answered with the failure, refusals included, since they may rest on statements that
    /// never reached the disk; only receipts of statements durable before it keep.
    mutating func complete(
        _ group: [PreparedBatch], durable: Bool, checkpoint: SignedCheckpoint?, error: (any Error & Sendable)?
    ) -> [[Result<Acceptance, ServiceError>]] {
        if let error, failure == nil {
            failure = ServiceError(
                .unavailable, "storage_failed", "the statement log could not be written; restart the service",
                cause: error)
        }
        let refusal =
            failure
            ?? ServiceError(.unavailable, "storage_failed", "an earlier commit failed; restart the service")
        if durable, let checkpoint { log.record(checkpoint) }
        return group.map { prepared in
            var batch = prepared
            if durable {
                for (job, leaf, id, appended) in batch.pending {
                    batch.outcomes[job] = receipt(leaf: leaf, id: id, appended: appended)
                }
            } else {
                for (index, outcome) in batch.outcomes.enumerated() {
                    if case .success? = outcome { continue }
                    batch.outcomes[index] = .failure(refusal)
                }
            }
            return batch.outcomes.map { $0! }
        }
    }

    private mutating func fail(_ error: ServiceError, batch: inout PreparedBatch) {
        if failure == nil { failure = error }
        for (job, _, _, _) in batch.pending { batch.outcomes[job] = .failure(error) }
        batch.pending = []
    }

    /// Applies one statement at the next leaf and adds it to the batch.
    /// `id` is the statement's id when the caller has computed it already.
    private mutating func append(
        _ statement: SignedStatement, _ payload: AnyStatementPayload, received: Int64, id: StatementID? = nil
    )
        throws(ServiceError) -> UInt64
    {
        let leaf = log.size
        let id = id ?? StatementID(statement.id)
        changes += try state.apply(payload, statement: statement, id: id, leaf: leaf, now: received)
        _ = log.append(statement)
        records.append(
            LogRecord(
                leaf: Int(leaf), statement: statement, author: payload.header.author, received: received,
                id: id.digest))
        return leaf
    }

    /// Appends the log key's result certificate for the round just closed.
    /// It cannot be refused: the round was closed a moment ago in this batch and has no result.
    private mutating func certify(_ round: StatementID, received: Int64) {
        guard let closed = state.rounds[round] else { return }
        let result = RoundTally.certificate(
            for: closed, header: header(received), checkpointSize: log.size, checkpointRoot: log.root)
        let statement = SignedStatement(signing: result.canonicalBytes, as: RoundResult.kind, with: logKey)
        do {
            _ = try append(statement, .roundResult(result), received: received)
        } catch {
            fatalError("the result certificate of a round just closed was refused: \(error)")
        }
    }

    /// Appends the log key's distribution result for the run just applied. It cannot be refused:
    /// the run was checked a moment ago in this batch, on the same state.
    private mutating func recordDistribution(_ run: DistributionRun, received: Int64) {
        guard let result = state.distributionResult(for: run, header: header(received)) else {
            fatalError("the distribution of a run just accepted could not be computed")
        }
        let statement = SignedStatement(signing: result.canonicalBytes, as: DistributionResult.kind, with: logKey)
        do {
            _ = try append(statement, .distributionResult(result), received: received)
        } catch {
            fatalError("the distribution result of a run just accepted was refused: \(error)")
        }
    }

    /// A header for a statement the log key writes.
    private func header(_ now: Int64) -> StatementHeader {
        StatementHeader(organization: state.organization, author: logKey.publicKey, created: now)
    }

    private func receipt(leaf: UInt64, id: StatementID, appended: Bool) -> Result<Acceptance, ServiceError> {
        guard let receipt = log.receipt(leaf: leaf, statement: id) else {
            return .failure(.init(.unavailable, "no_checkpoint", "no checkpoint covers leaf \(leaf) yet"))
        }
        return .success(Acceptance(receipt: receipt, appended: appended))
    }
}

/// A batch of jobs applied in memory, waiting to be made durable: the rows to write and, for
/// each job, its outcome or the leaf whose receipt it gets once durable.
struct PreparedBatch: Sendable {
    let jobs: [Job]
    var outcomes: [Result<Acceptance, ServiceError>?]
    /// Jobs answered with a receipt once the batch is durable.
    var pending: [(job: Int, leaf: UInt64, id: StatementID, appended: Bool)] = []
    var records: [LogRecord] = []
    var views: [ViewChange] = []
    /// The log's size after this batch, if it appended anything.
    var endSize: UInt64?

    init(jobs: [Job]) {
        self.jobs = jobs
        self.outcomes = Array(repeating: nil, count: jobs.count)
    }
}

/// What the committer does with a group of prepared batches (see ``SequencerCore/plan(for:)``).
enum CommitPlan {
    case write(records: [LogRecord], views: [ViewChange], tree: TreeState, created: Int64)
    case nothing
    case refuse
}
