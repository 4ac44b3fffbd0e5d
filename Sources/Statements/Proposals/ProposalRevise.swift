import Ledger

/// `proposal.revise`: a new revision of a proposal. Its id is the revision's id, which rounds
/// and ballots bind to. ``parent`` names the revision it revises (the proposal's id for the
/// first revision), so concurrent edits are visible as siblings rather than lost.
///
/// Signed by the proposal's author or a steward.
public struct ProposalRevise: StatementPayload, Hashable {
    public static let kind = try! StatementKind("proposal.revise")

    public var header: StatementHeader
    /// The proposal (the id of its `proposal.create`).
    public var proposal: StatementID
    /// The revision this one revises.
    public var parent: StatementID
    /// The title (1 to 200 characters).
    public var title: String
    /// The text (1 to 100,000 bytes of UTF-8).
    public var text: String
    /// What changed (1 to 1000 characters), if said.
    public var summary: String?

    public init(
        header: StatementHeader, proposal: StatementID, parent: StatementID, title: String, text: String,
        summary: String? = nil
    ) {
        self.header = header
        self.proposal = proposal
        self.parent = parent
        self.title = title
        self.text = text
        self.summary = summary
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        proposal = try reader.statementID("proposal")
        parent = try reader.statementID("parent")
        title = try reader.string("title", scalars: TextLimit.title)
        text = try reader.string("text", bytes: TextLimit.textBytes)
        summary = try reader.optionalString("summary", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        var members =
            header.members + [
                JSONMember("proposal", .string(proposal.hex)),
                JSONMember("parent", .string(parent.hex)),
                JSONMember("title", .string(title)),
                JSONMember("text", .string(text)),
            ]
        if let summary { members.append(JSONMember("summary", .string(summary))) }
        return members
    }
}
