import Ledger
import Sodium
import Statements
import Store

/// The sequencer's protected state: the rules' state, the in-memory log, and the store they are
/// made durable in. Only the sequencer's thread mutates it, one batch at a time.
struct SequencerCore {
    var state: OrganizationState
    var log: LogState
    let database: PlenumDatabase
    let logKey: SigningKey
    /// Set when a commit failed: the in-memory state may then be ahead of the disk, so the
    /// service refuses writes and reads until it is restarted (and replays the log).
    var failure: ServiceError?
    /// The statements of the batch being built, and what they changed.
    private var records: [LogRecord] = []
    private var changes: [StateChange] = []

    init(state: OrganizationState, log: LogState, database: PlenumDatabase, logKey: SigningKey) {
        self.state = state
        self.log = log
        self.database = database
        self.logKey = logKey
    }

    /// Applies `jobs` in order, commits every accepted statement (and any statement the log key
    /// adds: closes on schedule, result certificates) in one transaction with one new signed
    /// checkpoint, and returns each job's outcome. A refused job changes nothing.
    mutating func process(_ jobs: [Job]) -> [Result<Acceptance, ServiceError>] {
        if let failure { return jobs.map { _ in .failure(failure) } }
        let committedSize = log.size
        var outcomes: [Result<Acceptance, ServiceError>?] = Array(repeating: nil, count: jobs.count)
        var pending: [(job: Int, leaf: UInt64, id: StatementID, appended: Bool)] = []
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
                        if leaf < committedSize {
                            outcomes[index] = receipt(leaf: leaf, id: id, appended: false)
                        } else {
                            pending.append((index, leaf, id, false))
                        }
                        continue
                    }
                    let leaf = try append(statement, payload, received: received, id: id)
                    pending.append((index, leaf, id, true))
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
                    pending.append((index, leaf, StatementID(statement.id), true))
                    certify(round, received: now)
                }
            } catch {
                outcomes[index] = .failure(error)
            }
        }
        guard !records.isEmpty else { return outcomes.map { $0! } }

        let checkpoint = signedCheckpoint()
        do {
            let views = try state.viewChanges(for: changes)
            try database.append(
                LogBatch(
                    records: records, changes: views, tree: TreeState(size: Int(log.size), root: log.root),
                    checkpoint: StoredCheckpoint(checkpoint, created: records.last!.received)))
        } catch {
            let failure = ServiceError(
                .unavailable, "storage_failed", "the statement log could not be written; restart the service",
                cause: error)
            self.failure = failure
            for (job, _, _, _) in pending { outcomes[job] = .failure(failure) }
            return outcomes.map { $0! }
        }
        log.record(checkpoint)
        for (job, leaf, id, appended) in pending { outcomes[job] = receipt(leaf: leaf, id: id, appended: appended) }
        return outcomes.map { $0! }
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

    private func signedCheckpoint() -> SignedCheckpoint {
        // The origin was checked when the organization was created.
        let checkpoint = try! Checkpoint(origin: state.origin, size: log.size, root: log.root)
        return checkpoint.signed(with: logKey)
    }

    private func receipt(leaf: UInt64, id: StatementID, appended: Bool) -> Result<Acceptance, ServiceError> {
        guard let receipt = log.receipt(leaf: leaf, statement: id) else {
            return .failure(.init(.unavailable, "no_checkpoint", "no checkpoint covers leaf \(leaf) yet"))
        }
        return .success(Acceptance(receipt: receipt, appended: appended))
    }
}
