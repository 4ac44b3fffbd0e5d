import GRDB

/// One change to the views that a batch of statements causes, written in the batch's transaction.
/// Row cases are upserts (`INSERT ... ON CONFLICT DO UPDATE`): the row replaces any row with the
/// same key.
public enum ViewChange: Hashable, Sendable {
    /// Inserts or replaces a member.
    case member(MemberRow)
    /// Inserts or replaces a member's key.
    case memberKey(MemberKeyRow)
    /// Inserts or replaces an invitation.
    case invitation(InvitationRow)
    /// Inserts or replaces a proposal.
    case proposal(ProposalRow)
    /// Inserts or replaces a revision.
    case revision(RevisionRow)
    /// Inserts or replaces a comment.
    case comment(CommentRow)
    /// Inserts or replaces a round.
    case round(RoundRow)
    /// Inserts or replaces a ballot.
    case ballot(BallotRow)
    /// Marks the ballot at `leaf` as superseded; the batch fails if there is no such ballot.
    case ballotSuperseded(leaf: Int)
    /// Inserts or replaces a round's outcome.
    case outcome(OutcomeRow)

    /// Writes the change with a cached prepared statement.
    func apply(in db: Database) throws {
        switch self {
        case .member(let row): try Self.run(MemberRow.upsertSQL, row.arguments, in: db)
        case .memberKey(let row): try Self.run(MemberKeyRow.upsertSQL, row.arguments, in: db)
        case .invitation(let row): try Self.run(InvitationRow.upsertSQL, row.arguments, in: db)
        case .proposal(let row): try Self.run(ProposalRow.upsertSQL, row.arguments, in: db)
        case .revision(let row): try Self.run(RevisionRow.upsertSQL, row.arguments, in: db)
        case .comment(let row): try Self.run(CommentRow.upsertSQL, row.arguments, in: db)
        case .round(let row): try Self.run(RoundRow.upsertSQL, row.arguments, in: db)
        case .ballot(let row): try Self.run(BallotRow.upsertSQL, row.arguments, in: db)
        case .ballotSuperseded(let leaf):
            try Self.run(BallotRow.supersedeSQL, [leaf], in: db)
            guard db.changesCount == 1 else {
                throw StoreError(
                    .invalidBatch, "the ballot at leaf \(leaf) cannot be superseded: there is no such ballot")
            }
        case .outcome(let row): try Self.run(OutcomeRow.upsertSQL, row.arguments, in: db)
        }
    }

    private static func run(_ sql: String, _ arguments: StatementArguments, in db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        statement.setUncheckedArguments(arguments)
        try statement.execute()
    }
}
