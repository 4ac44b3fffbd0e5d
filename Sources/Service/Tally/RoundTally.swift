import Counting
import Ledger
import Sodium
import Statements

/// Counting a round: the ballot check at cast time, and the count at close (``RoundCount``, the
/// same pure count an auditor repeats) with the certificate the log key signs.
public enum RoundTally {
    /// Checks a ballot's choice against the round's options, shape and method limits.
    static func check(_ choice: BallotChoice, in round: Round) throws(ServiceError) -> IndexedChoice {
        do {
            return try round.counting.check(ballot: choice)
        } catch {
            throw .invalidChoice(error.code, error.message)
        }
    }

    /// Counts the round's latest ballot of each voter, weighted by the frozen electorate.
    public static func count(_ round: Round) -> RoundCount {
        RoundCount(
            open: round.parameters, electorate: round.electorate,
            ballots: round.ballots.map { voter, ballot in
                RoundCount.Ballot(voter: voter, statement: ballot.statement, choice: ballot.choice)
            })
    }

    /// The certificate for a round just closed, binding the electorate, the log state right
    /// after the close, the method and the outcome.
    static func certificate(
        for round: Round, header: StatementHeader, checkpointSize: UInt64, checkpointRoot: SHA256Digest
    ) -> RoundResult {
        count(round).certificate(
            header: header, round: round.id, electorate: round.electorate.commitment,
            checkpoint: RoundResult.LogState(size: Int64(checkpointSize), root: checkpointRoot),
            method: round.parameters.method, cast: round.ballotStatements)
    }
}
