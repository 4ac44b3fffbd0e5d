import Ledger

/// `comment.post`: a member comments on a proposal, optionally in reply to another comment. The
/// statement's id is the comment's id.
///
/// Signed by a member.
public struct CommentPost: StatementPayload, Hashable {
    public static let kind = try! StatementKind("comment.post")

    public var header: StatementHeader
    /// The proposal discussed.
    public var proposal: StatementID
    /// The comment replied to, if any.
    public var replyTo: StatementID?
    /// The comment's position on the proposal.
    public var stance: Stance
    /// The text (1 to 100,000 bytes of UTF-8).
    public var text: String

    public init(
        header: StatementHeader, proposal: StatementID, replyTo: StatementID? = nil, stance: Stance, text: String
    ) {
        self.header = header
        self.proposal = proposal
        self.replyTo = replyTo
        self.stance = stance
        self.text = text
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        proposal = try reader.statementID("proposal")
        replyTo = try reader.optionalStatementID("replyTo")
        stance = try reader.enumeration("stance", as: Stance.self)
        text = try reader.string("text", bytes: TextLimit.textBytes)
    }

    public var members: [JSONMember] {
        var members = header.members + [JSONMember("proposal", .string(proposal.hex))]
        if let replyTo { members.append(JSONMember("replyTo", .string(replyTo.hex))) }
        members += [JSONMember("stance", .string(stance.rawValue)), JSONMember("text", .string(text))]
        return members
    }
}
