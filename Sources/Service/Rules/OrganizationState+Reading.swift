import Ledger
import Sodium
import Statements

extension OrganizationState {
    /// Refuses `reader` a statement that is not theirs to read: a ballot is read by the voter who
    /// cast it, and by stewards and auditors once its round has closed; every other statement is
    /// open to every member.
    public func authorizeReading(_ statement: SignedStatement, by reader: Member) throws(ServiceError) {
        guard statement.kind == BallotCast.kind else { return }
        let id = StatementID(statement.id)
        guard let leaf = leaves[id], authors[Int(leaf)] != reader.id else { return }
        let closed = ballotRounds[id].flatMap { rounds[$0] }?.state == .closed
        guard closed, reader.has(.steward) || reader.has(.auditor) else {
            throw .forbidden(
                "not_yours", "a ballot is read by its voter, and by stewards and auditors once the round has closed")
        }
    }
}
