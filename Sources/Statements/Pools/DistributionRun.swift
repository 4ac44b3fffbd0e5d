import Ledger

/// `distribution.run`: a steward runs a pool by the decision of a closed round whose options
/// are the titles of the pool's plans: the winning plan is computed on the pool's inputs and the
/// log key appends the `distribution.result`.
///
/// Signed by a steward.
public struct DistributionRun: StatementPayload, Hashable {
    public static let kind = try! StatementKind("distribution.run")

    public var header: StatementHeader
    public var pool: StatementID
    /// The closed round that chose the plan.
    public var round: StatementID

    public init(header: StatementHeader, pool: StatementID, round: StatementID) {
        self.header = header
        self.pool = pool
        self.round = round
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        pool = try reader.statementID("pool")
        round = try reader.statementID("round")
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("pool", .string(pool.hex)), JSONMember("round", .string(round.hex))]
    }
}
