import Ledger
import Sodium

/// `round.result`: the result certificate. It binds the round, its electorate commitment, the
/// log state that holds every counted ballot, the method, the counted ballots and the outcome,
/// so anyone holding the log can recount and compare.
///
/// Signed by the log key.
public struct RoundResult: StatementPayload, Hashable {
    public static let kind = try! StatementKind("round.result")

    /// The log's size and root right after the round's `round.close`. Written
    /// `{"size": n, "root": base64url}`.
    public struct LogState: Hashable, Sendable {
        /// The number of statements in the log.
        public var size: Int64
        /// The Merkle root of those statements.
        public var root: SHA256Digest

        public init(size: Int64, root: SHA256Digest) {
            self.size = size
            self.root = root
        }

        /// The log state as a payload object.
        public var json: JSONValue {
            .object([JSONMember("size", .integer(size)), JSONMember("root", .string(Base64URL.encode(root.bytes)))])
        }
    }

    public var header: StatementHeader
    /// The round (the id of its `round.open`).
    public var round: StatementID
    /// The electorate commitment, as in the `round.open`.
    public var electorate: SHA256Digest
    /// The log state right after the close.
    public var checkpoint: LogState
    /// The method counted with.
    public var method: String
    /// The number of counted ballots.
    public var ballots: Int
    /// Their total weight.
    public var weight: Int64
    /// The total weight of the electorate.
    public var eligibleWeight: Int64
    /// Whether the quorum was met (true when the round has none).
    public var quorumMet: Bool
    /// Whether the round passed: quorum met and threshold reached, or, when neither is set,
    /// whether there is a winner.
    public var passed: Bool
    /// The outcome's canonical JSON object (`Outcome.json`).
    public var outcome: JSONValue
    /// The commitment to the counted ballots: ``countedDigest(of:)`` of their ids. A round of a
    /// million ballots keeps a certificate of a few hundred bytes; the record lists the ballots.
    public var counted: SHA256Digest
    /// How many ballot statements the round accepted, replaced ones included: an auditor's
    /// record must hold exactly this many.
    public var cast: Int

    public init(
        header: StatementHeader, round: StatementID, electorate: SHA256Digest, checkpoint: LogState, method: String,
        ballots: Int, weight: Int64, eligibleWeight: Int64, quorumMet: Bool, passed: Bool, outcome: JSONValue,
        counted: SHA256Digest, cast: Int
    ) {
        self.header = header
        self.round = round
        self.electorate = electorate
        self.checkpoint = checkpoint
        self.method = method
        self.ballots = ballots
        self.weight = weight
        self.eligibleWeight = eligibleWeight
        self.quorumMet = quorumMet
        self.passed = passed
        self.outcome = outcome
        self.counted = counted
        self.cast = cast
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        round = try reader.statementID("round")
        electorate = try reader.hexDigest("electorate")
        var state = try reader.object("checkpoint")
        let size = try state.integer("size", in: 1...Int64.max)
        let root = try state.bytes("root", length: 32)
        try state.finish()
        checkpoint = LogState(size: size, root: try! SHA256Digest(bytes: root))
        method = try reader.string("method", scalars: 1...100)
        weight = try reader.integer("weight", in: 0...Int64.max)
        eligibleWeight = try reader.integer("eligibleWeight", in: 0...Int64.max)
        guard weight <= eligibleWeight else {
            throw .invalidValue(field: "weight", reason: "must not exceed eligibleWeight")
        }
        quorumMet = try reader.bool("quorumMet")
        passed = try reader.bool("passed")
        outcome = try reader.value("outcome")
        guard case .object = outcome else {
            throw .wrongType(field: "outcome", expected: "an object", actual: outcome.typeName)
        }
        counted = try reader.hexDigest("counted")
        ballots = Int(try reader.integer("ballots", in: 0...Int64.max))
        cast = Int(try reader.integer("cast", in: 0...Int64.max))
        guard cast >= ballots else {
            throw .invalidValue(field: "cast", reason: "must be at least the number of counted ballots")
        }
    }

    /// SHA-256 of the counted ballots' 32-byte ids, ascending, concatenated: what ``counted``
    /// commits to.
    public static func countedDigest(of ids: [StatementID]) -> SHA256Digest { StatementID.digest(of: ids) }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("round", .string(round.hex)),
            JSONMember("electorate", .string(electorate.hex)),
            JSONMember("checkpoint", checkpoint.json),
            JSONMember("method", .string(method)),
            JSONMember("ballots", .integer(Int64(ballots))),
            JSONMember("weight", .integer(weight)),
            JSONMember("eligibleWeight", .integer(eligibleWeight)),
            JSONMember("quorumMet", .bool(quorumMet)),
            JSONMember("passed", .bool(passed)),
            JSONMember("outcome", outcome),
            JSONMember("counted", .string(counted.hex)),
            JSONMember("cast", .integer(Int64(cast))),
        ]
    }
}
