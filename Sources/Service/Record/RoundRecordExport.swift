import Audit
import Ledger
import Sodium
import Statements
import Store

/// A closed round's audit record (docs/audit-record.md), planned at one checkpoint and written
/// line by line: the statements are read from the store a page at a time and their inclusion
/// proofs computed against the record checkpoint, so a record of a million ballots streams out
/// without being held in memory, while writes continue.
public struct RoundRecordExport: Sendable {
    /// The header line's contents (its checkpoint is the one every proof is against).
    public let header: RecordHeader
    /// The leaves the record holds, ascending.
    let leaves: [UInt64]
    /// The sizes consistency proofs start from (the certificate's log state, and `since`).
    let proofSizes: [UInt64]
    let organization: Organization

    /// Calls `emit` with every line, newline included, in order.
    public func write(_ emit: ([UInt8]) async throws -> Void) async throws {
        try await emit(RecordLine.header(header).bytes)
        let size = header.checkpoint.checkpoint.size
        var index = 0
        while index < leaves.count {
            let page = try organization.database.records(from: Int(leaves[index]), limit: 1024)
            guard !page.isEmpty else { break }
            var lines: [UInt8] = []
            for record in page where index < leaves.count {
                guard UInt64(record.leaf) == leaves[index] else { continue }
                index += 1
                let statement = try record.statement()
                let proof = try organization.inclusionProof(leaf: UInt64(record.leaf), size: size)
                lines += RecordLine.statement(leaf: UInt64(record.leaf), statement: statement, proof: proof.path).bytes
            }
            if !lines.isEmpty { try await emit(lines) }
        }
        for from in proofSizes {
            try await emit(RecordLine.consistency(try organization.consistencyProof(from: from, to: size)).bytes)
        }
        try await emit(RecordLine.end(statements: leaves.count).bytes)
    }
}

extension Organization {
    /// Plans the record of the closed round `id` at the latest checkpoint, for `reader` (a
    /// steward or an auditor). `since`, if given, adds a consistency proof from that earlier
    /// log size, so the record can be checked against an older one.
    public func record(
        of id: StatementID, for reader: Member, since: UInt64? = nil
    ) throws(ServiceError)
        -> RoundRecordExport
    {
        guard reader.has(.steward) || reader.has(.auditor) else {
            throw .forbidden("not_auditor", "a round's record is for stewards and auditors")
        }
        return try sequencer.read { core throws(ServiceError) in
            let state = core.state
            let round = try state.round(id)
            guard round.state == .closed, let closeLeaf = round.closedLeaf, let result = round.result,
                let resultStatement = round.resultStatement, let resultLeaf = state.leaves[resultStatement]
            else { throw .conflict("round_not_closed", "a round's record is exported once it has closed") }
            guard let checkpoint = core.log.latest else {
                throw .init(.unavailable, "no_checkpoint", "the log has no checkpoint yet")
            }
            var leaves = state.membershipLeaves.filter { $0 < closeLeaf }
            if let revision = round.parameters.revision, let leaf = state.leaves[revision] { leaves.append(leaf) }
            leaves.append(round.openedLeaf)
            leaves += round.ballotLeaves
            leaves += [closeLeaf, resultLeaf]
            var proofSizes = [UInt64(result.checkpoint.size)]
            if let since {
                guard since >= 1, since <= checkpoint.checkpoint.size else {
                    throw .malformed(
                        "invalid_sizes", "since must be a log size from 1 to \(checkpoint.checkpoint.size)")
                }
                proofSizes.append(since)
            }
            return RoundRecordExport(
                header: RecordHeader(
                    organization: self.id, origin: origin, logKey: logKey, round: id, checkpoint: checkpoint),
                leaves: leaves.sorted(), proofSizes: proofSizes, organization: self)
        }
    }

    /// Plans the record of pool `id`'s distribution: the record of the round that chose its plan,
    /// with the membership statements up to the run, the pool, its plans, every input, the run
    /// and the log key's result.
    public func record(
        ofPool id: StatementID, for reader: Member, since: UInt64? = nil
    ) throws(ServiceError)
        -> RoundRecordExport
    {
        let (pool, runLeaf, resultLeaf, extra) = try sequencer.read { core throws(ServiceError) in
            let state = core.state
            let pool = try state.pool(id)
            guard let run = pool.run, let resultStatement = pool.resultStatement, let runLeaf = state.leaves[run],
                let resultLeaf = state.leaves[resultStatement]
            else {
                throw ServiceError.conflict(
                    "pool_not_distributed", "a pool's record is exported once it is distributed")
            }
            let ids = [id] + pool.plans.map(\.id) + pool.inputStatements
            let extra = ids.compactMap { state.leaves[$0] } + state.membershipLeaves.filter { $0 < runLeaf }
            return (pool, runLeaf, resultLeaf, extra)
        }
        guard let round = pool.result?.round else {
            throw .conflict("pool_not_distributed", "a pool's record is exported once it is distributed")
        }
        let export = try record(of: round, for: reader, since: since)
        let leaves = Array(Set(export.leaves + extra + [runLeaf, resultLeaf])).sorted()
        let header = export.header
        return RoundRecordExport(
            header: RecordHeader(
                organization: header.organization, origin: header.origin, logKey: header.logKey, round: header.round,
                checkpoint: header.checkpoint, pool: id),
            leaves: leaves, proofSizes: export.proofSizes, organization: self)
    }
}
