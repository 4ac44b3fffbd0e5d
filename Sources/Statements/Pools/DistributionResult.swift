import Ledger
import Sodium

/// `distribution.result`: the log key's record of a pool's distribution: which round chose
/// which plan, the inputs it was computed on (a digest of their statement ids), every share in
/// minor units, and the full computation with its rounding trace.
///
/// Signed by the log key, right after the `distribution.run`.
public struct DistributionResult: StatementPayload, Equatable {
    public static let kind = try! StatementKind("distribution.result")

    public var header: StatementHeader
    public var pool: StatementID
    public var round: StatementID
    /// The winning plan.
    public var plan: StatementID
    /// How many input statements (contributions and counted allocations) were used.
    public var inputs: Int
    /// SHA-256 of the input statements' 32-byte ids, ascending, concatenated.
    public var inputsDigest: SHA256Digest
    /// Each member's share in minor units, by member id; they sum to the pot.
    public var shares: [MemberID: Int64]
    /// The distribution as the shares library writes it (method, parameters, currency, pot,
    /// shares with exact quotas, the rounding trace).
    public var distribution: JSONValue

    public init(
        header: StatementHeader, pool: StatementID, round: StatementID, plan: StatementID, inputs: Int,
        inputsDigest: SHA256Digest, shares: [MemberID: Int64], distribution: JSONValue
    ) {
        self.header = header
        self.pool = pool
        self.round = round
        self.plan = plan
        self.inputs = inputs
        self.inputsDigest = inputsDigest
        self.shares = shares
        self.distribution = distribution
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        pool = try reader.statementID("pool")
        round = try reader.statementID("round")
        plan = try reader.statementID("plan")
        inputs = Int(try reader.integer("inputs", in: 0...Int64.max))
        inputsDigest = try reader.hexDigest("inputsDigest")
        var sharesReader = try reader.object("shares")
        var shares: [MemberID: Int64] = [:]
        for key in sharesReader.keys {
            guard let member = try? MemberID(base64url: key) else {
                throw .invalidValue(field: "shares.\(key)", reason: "is not a member id")
            }
            shares[member] = try sharesReader.integer(key)
        }
        try sharesReader.finish()
        self.shares = shares
        distribution = try reader.value("distribution")
        guard case .object = distribution else {
            throw .wrongType(field: "distribution", expected: "an object", actual: distribution.typeName)
        }
    }

    /// SHA-256 of `ids` (32 bytes each), ascending, concatenated: what ``inputsDigest`` commits to.
    public static func digest(of ids: [StatementID]) -> SHA256Digest { StatementID.digest(of: ids) }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("pool", .string(pool.hex)), JSONMember("round", .string(round.hex)),
            JSONMember("plan", .string(plan.hex)), JSONMember("inputs", .integer(Int64(inputs))),
            JSONMember("inputsDigest", .string(inputsDigest.hex)),
            JSONMember("shares", .object(shares.keys.sorted().map { JSONMember($0.base64url, .integer(shares[$0]!)) })),
            JSONMember("distribution", distribution),
        ]
    }
}
