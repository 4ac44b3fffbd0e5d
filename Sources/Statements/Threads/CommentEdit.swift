import Ledger

/// `comment.edit`: the author of a comment replaces its stance and text. Every version stays in
/// the log.
///
/// Signed by the comment's author.
public struct CommentEdit: StatementPayload, Hashable {
    public static let kind = try! StatementKind("comment.edit")

    public var header: StatementHeader
    /// The comment edited (the id of its `comment.post`).
    public var comment: StatementID
    /// The new stance.
    public var stance: Stance
    /// The new text (1 to 100,000 bytes of UTF-8).
    public var text: String

    public init(header: StatementHeader, comment: StatementID, stance: Stance, text: String) {
        self.header = header
        self.comment = comment
        self.stance = stance
        self.text = text
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        comment = try reader.statementID("comment")
        stance = try reader.enumeration("stance", as: Stance.self)
        text = try reader.string("text", bytes: TextLimit.textBytes)
    }

    public var members: [JSONMember] {
        header.members + [
            JSONMember("comment", .string(comment.hex)),
            JSONMember("stance", .string(stance.rawValue)),
            JSONMember("text", .string(text)),
        ]
    }
}
