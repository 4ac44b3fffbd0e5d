import Ledger

/// `comment.hide`: a steward hides a comment from the thread, with a reason shown in its place.
/// The comment stays in the log.
///
/// Signed by a steward.
public struct CommentHide: StatementPayload, Hashable {
    public static let kind = try! StatementKind("comment.hide")

    public var header: StatementHeader
    /// The comment hidden.
    public var comment: StatementID
    /// Why (1 to 1000 characters).
    public var reason: String

    public init(header: StatementHeader, comment: StatementID, reason: String) {
        self.header = header
        self.comment = comment
        self.reason = reason
    }

    public init(reading reader: inout PayloadReader) throws(PayloadError) {
        header = try StatementHeader(reading: &reader)
        comment = try reader.statementID("comment")
        reason = try reader.string("reason", scalars: TextLimit.reason)
    }

    public var members: [JSONMember] {
        header.members + [JSONMember("comment", .string(comment.hex)), JSONMember("reason", .string(reason))]
    }
}
