import Ledger

/// `proposal.create`: a member proposes a titled text. The statement is the proposal's first
/// revision, and its id is the proposal's id.
///
/// Signed by a member.
public struct ProposalCreate: StatementPayload, Hashable {
    public static let kind = try! StatementKind("proposal.create")

    public var header: StatementHeader
    /// The title (1 to 200 characters).
    public var title: String
    /// The text (1 to 100,000 bytes of UTF-8).
    public var text: String

    public init(header: StatementHeader, title: String, text: String) {
        self.header = header
        self.title = title
        self.text = text
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        title = try reader.string("title", scalars: TextLimit.title)
        text = try reader.string("text", bytes: TextLimit.textBytes)
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("title", .string(title)), JSONMember("text", .string(text))]
    }
}
