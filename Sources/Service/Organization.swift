import Foundation
import Ledger
import Logging
import Sodium
import Statements
import Store

/// The service: an organization's log and rules behind one door. Statements come in (their
/// signatures verified on the caller's thread), receipts go out; reads see only durable state.
///
/// `Organization` knows nothing of HTTP. It is opened over a ``PlenumDatabase`` that
/// ``create(in:organization:name:origin:logKey:founder:founderName:now:)`` initialized, and
/// replays the stored log on open, refusing writes if the replayed root differs from the last
/// checkpoint.
public final class Organization: Sendable {
    /// The organization's identifier.
    public let id: String
    /// The log's public key (checkpoints, scheduled closes, result certificates).
    public let logKey: PublicKey
    /// The checkpoint origin.
    public let origin: String
    public let configuration: ServiceConfiguration
    let database: PlenumDatabase
    let sequencer: Sequencer
    let access: AccessControl
    private let logger: Logger

    /// Opens the organization stored in `database`, replaying its log. `logKey` must be the key
    /// the organization was created with.
    public init(
        database: PlenumDatabase, logKey: SigningKey, configuration: ServiceConfiguration = ServiceConfiguration(),
        logger: Logger = Logger(label: "plenum.service")
    ) throws(ServiceError) {
        let (state, log, failure) = try Replay.run(database: database, logKey: logKey.publicKey)
        guard let origin = state.logKey.map({ _ in state.origin }) else {
            throw .init(.unavailable, "no_organization", "the database holds no organization; run `plenum init`")
        }
        self.id = state.organization
        self.logKey = logKey.publicKey
        self.origin = origin
        self.configuration = configuration
        self.database = database
        self.logger = logger
        var core = SequencerCore(state: state, log: log, database: database, logKey: logKey)
        core.failure = failure
        if let failure { logger.error("refusing writes: \(failure.message)") }
        self.sequencer = Sequencer(
            core: core, maximumBatch: configuration.maximumBatch,
            commitWindow: Double(configuration.commitWindowMicroseconds) / 1_000_000)
        self.access = AccessControl(configuration: configuration)
    }

    /// Writes a new organization's first statement (`org.create`, signed by `logKey`) and first
    /// checkpoint into an empty `database`.
    public static func create(
        in database: PlenumDatabase, organization: String, name: String, origin: String, logKey: SigningKey,
        founder: PublicKey, founderName: String, now: Int64
    ) throws(ServiceError) {
        let existing: TreeState?
        do { existing = try database.treeState() } catch { throw .storage(error) }
        guard existing == nil || existing?.size == 0 else {
            throw .conflict("organization_exists", "the database already holds an organization")
        }
        let header = StatementHeader(organization: organization, author: logKey.publicKey, created: now)
        let create = OrganizationCreate(
            header: header, name: name, origin: origin, logKey: logKey.publicKey, founder: founder,
            founderName: founderName)
        let statement = SignedStatement(signing: create.canonicalBytes, as: OrganizationCreate.kind, with: logKey)
        var state = OrganizationState(organization: organization)
        let changes = try state.apply(.organizationCreate(create), statement: statement, leaf: 0, now: now)
        var log = LogState()
        _ = log.append(statement)
        let checkpoint: SignedCheckpoint
        do {
            checkpoint = try Checkpoint(origin: origin, size: 1, root: log.root).signed(with: logKey)
        } catch {
            throw .malformed("invalid_origin", "\"\(origin)\" is not a checkpoint origin: \(error)")
        }
        do {
            try database.append(
                LogBatch(
                    records: [LogRecord(leaf: 0, statement: statement, author: logKey.publicKey, received: now)],
                    changes: try state.viewChanges(for: changes), tree: TreeState(size: 1, root: log.root),
                    checkpoint: StoredCheckpoint(checkpoint, created: now)))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .storage(error)
        }
    }

    /// Stops the sequencer after the queued statements are answered.
    public func shutdown() {
        sequencer.stop()
    }

    /// Verifies `statement` (strict payload, signature, organization, time window, rate limit)
    /// and, if every rule allows it, appends it durably. Returns its receipt; a statement already
    /// in the log returns its original receipt and appends nothing.
    public func submit(_ statement: SignedStatement) async throws(ServiceError) -> Receipt {
        try await accept(statement).receipt
    }

    /// ``submit(_:)``, also telling whether this submission appended the statement (false when
    /// it was already in the log). Nothing here takes the sequencer's lock: a replay is found
    /// by the sequencer itself, so writers never wait behind a commit's fsync.
    public func accept(_ statement: SignedStatement) async throws(ServiceError) -> Acceptance {
        let now = configuration.clock()
        let payload: AnyStatementPayload
        do {
            payload = try open(statement, now: now)
        } catch let error where error.code == "outside_time_window" {
            // An idempotent retry: the same signed bytes return the original receipt, however
            // long after; the signature is still checked, so only the author's bytes get that.
            guard let original = try? receipt(for: StatementID(statement.id)) else { throw error }
            _ = try open(statement, now: now, checkingTime: false)
            return Acceptance(receipt: original, appended: false)
        }
        try access.admit(payload.header.author, now: now)
        let result = await withCheckedContinuation { continuation in
            sequencer.enqueue(
                .statement(statement, payload, received: now, reply: { continuation.resume(returning: $0) }))
        }
        return try result.get()
    }

    /// Parses and verifies a statement as a client sent it.
    func open(
        _ statement: SignedStatement, now: Int64, checkingTime: Bool = true
    ) throws(ServiceError)
        -> AnyStatementPayload
    {
        guard statement.payload.count <= configuration.maximumPayload else {
            throw .init(.tooLarge, "too_large", "the payload is over \(configuration.maximumPayload) bytes")
        }
        let context = VerificationContext(
            organization: id, now: now, window: checkingTime ? configuration.timeWindow : nil)
        do {
            return try AnyStatementPayload.open(statement, context: context)
        } catch {
            throw ServiceError(error)
        }
    }

    /// Closes every open round whose schedule has passed, signing each close with the log key.
    /// Returns how many were closed.
    @discardableResult
    public func closeDueRounds() async -> Int {
        let now = configuration.clock()
        let due: [StatementID] =
            (try? sequencer.read { core in
                core.state.roundOrder.filter { id in
                    guard let round = core.state.rounds[id], round.state == .open, let closes = round.parameters.closes
                    else { return false }
                    return closes <= now
                }
            }) ?? []
        var closed = 0
        for round in due {
            let result = await withCheckedContinuation { continuation in
                sequencer.enqueue(.scheduledClose(round, now: now, reply: { continuation.resume(returning: $0) }))
            }
            if case .success = result { closed += 1 }
        }
        return closed
    }

    /// Runs `body` on the committed state (refused once a commit has failed).
    public func read<T>(_ body: (OrganizationState) throws(ServiceError) -> T) throws(ServiceError) -> T {
        try sequencer.read { core throws(ServiceError) in try body(core.state) }
    }

    /// The newest checkpoint.
    public func latestCheckpoint() throws(ServiceError) -> SignedCheckpoint {
        try sequencer.read { core throws(ServiceError) in
            guard let checkpoint = core.log.latest else {
                throw .init(.unavailable, "no_checkpoint", "the log has no checkpoint yet")
            }
            return checkpoint
        }
    }

    /// The receipt of the statement `id`, as it was first issued.
    public func receipt(for id: StatementID) throws(ServiceError) -> Receipt {
        try sequencer.read { core throws(ServiceError) in
            guard let leaf = core.state.leaves[id], let receipt = core.log.receipt(leaf: leaf, statement: id) else {
                throw .notFound("unknown_statement", "no statement \(id.hex) in the log")
            }
            return receipt
        }
    }

    /// A consistency proof between two checkpoint sizes of this log.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws(ServiceError) -> ConsistencyProof {
        try sequencer.read { core throws(ServiceError) in
            guard newSize <= core.log.size else {
                throw .notFound("unknown_size", "the log has \(core.log.size) entries, not \(newSize)")
            }
            do {
                return try core.log.consistencyProof(from: oldSize, to: newSize)
            } catch {
                throw .malformed("invalid_sizes", "no consistency proof from \(oldSize) to \(newSize): \(error)")
            }
        }
    }

    /// An inclusion proof for `leaf` in the tree of `size` entries.
    public func inclusionProof(leaf: UInt64, size: UInt64) throws(ServiceError) -> InclusionProof {
        try sequencer.read { core throws(ServiceError) in
            do {
                return try core.log.inclusionProof(leaf: leaf, size: size)
            } catch {
                throw .notFound("unknown_leaf", "no leaf \(leaf) in a tree of \(size) entries: \(error)")
            }
        }
    }

    /// The signed checkpoint of the batch that ended at `size`, if one was issued.
    public func checkpoint(size: UInt64) throws(ServiceError) -> SignedCheckpoint {
        try sequencer.read { core throws(ServiceError) in
            guard size > 0, let checkpoint = core.log.checkpoint(covering: size - 1), checkpoint.checkpoint.size == size
            else { throw .notFound("unknown_checkpoint", "no checkpoint was issued at size \(size)") }
            return checkpoint
        }
    }

    /// The stored statement `id`, exactly as signed, with its leaf.
    public func statement(_ id: StatementID) throws(ServiceError) -> (leaf: UInt64, statement: SignedStatement) {
        let record: LogRecord?
        do { record = try database.record(id: id.digest) } catch { throw .storage(error) }
        guard let record else { throw .notFound("unknown_statement", "no statement \(id.hex) in the log") }
        do { return (UInt64(record.leaf), try record.statement()) } catch { throw .storage(error) }
    }
}

extension ServiceError {
    /// A failure of the store, which is never the client's fault.
    static func storage(_ error: any Error) -> ServiceError {
        ServiceError(.unavailable, "storage_failed", "the store failed: \(error)", cause: error as any Error & Sendable)
    }
}
