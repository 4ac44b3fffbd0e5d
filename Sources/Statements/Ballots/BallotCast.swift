import Ledger

/// `ballot.cast`: a voter's choice in a round. A later ballot by the same voter in the same
/// round (higher ``sequence``) replaces the earlier one until the round closes; both stay in the
/// log.
///
/// Signed by the voter (a member of the round's electorate, with their current key).
public struct BallotCast: StatementPayload, Hashable {
    public static let kind = try! StatementKind("ballot.cast")
    /// The allowed sequence numbers: 1 to 2^53 (exact in every JSON implementation).
    public static let sequenceRange: ClosedRange<Int64> = 1...(1 << 53)

    public var header: StatementHeader
    /// The round (the id of its `round.open`).
    public var round: StatementID
    /// The revision the round votes on, as the voter saw it; nil (`null`, never absent) for a
    /// question round.
    public var revision: StatementID?
    /// The voter's ballot number in this round; a higher one replaces a lower one.
    public var sequence: Int64
    /// The choice.
    public var choice: BallotChoice

    public init(
        header: StatementHeader, round: StatementID, revision: StatementID?, sequence: Int64, choice: BallotChoice
    ) {
        self.header = header
        self.round = round
        self.revision = revision
        self.sequence = sequence
        self.choice = choice
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        round = try reader.statementID("round")
        // Present in every ballot: `null` says "a question round" explicitly.
        if case .null = try reader.value("revision") {
            revision = nil
        } else {
            revision = try reader.statementID("revision")
        }
        sequence = try reader.integer("sequence", in: BallotCast.sequenceRange)
        choice = try BallotChoice(reading: &reader)
    }

    /// The members; `revision` is written as `null` for a question round.
    public var members: [JSONMember] {
        header.members + [
            JSONMember("round", .string(round.hex)),
            JSONMember("revision", revision.map { .string($0.hex) } ?? .null),
            JSONMember("sequence", .integer(sequence)),
            choice.member,
        ]
    }
}
