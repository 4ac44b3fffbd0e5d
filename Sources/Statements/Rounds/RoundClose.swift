import Ledger

/// `round.close`: the round stops taking ballots. The ballots counted are the latest of each
/// voter logged before this statement.
///
/// Signed by a steward, or by the log key when the round's scheduled close time comes.
public struct RoundClose: StatementPayload, Hashable {
    public static let kind = try! StatementKind("round.close")

    public var header: StatementHeader
    /// The round (the id of its `round.open`).
    public var round: StatementID

    public init(header: StatementHeader, round: StatementID) {
        self.header = header
        self.round = round
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        round = try reader.statementID("round")
    }

    public var members: [JSONMember] { header.members + [JSONMember("round", .string(round.hex))] }
}
