import Ledger
import Sodium
import Statements

/// A ballot statement reduced on the checking thread to what the sequential stage reads: its
/// round and revision, its key, its sequence and its choice. A canonical ballot is reduced as its
/// line is parsed, one read by the strict parser after its signature; either reaches the
/// sequential stage only if its signature verified.
///
/// A record is mostly ballots. Reducing each one where it was parsed frees the rest of it (the
/// header's nonce, the choice's option names) on the thread that allocated it, and leaves the
/// sequential stage a small value to move instead of a whole payload.
struct CheckedBallot: Sendable {
    /// The round (the id of its `round.open`).
    let round: StatementID
    /// The revision the ballot names; nil for a question round.
    let revision: StatementID?
    /// The key that signed it.
    let author: PublicKey
    /// The voter's ballot number in the round.
    let sequence: Int64
    /// The choice: checked against the round's parameters when they were known at the check,
    /// otherwise as cast, to be checked in the sequential stage.
    let choice: Choice

    /// A ballot's choice, checked or not yet.
    enum Choice: Sendable {
        case checked(Result<IndexedChoice, BallotError>)
        case unchecked(BallotChoice)

        /// The choice checked against `round` (now, if it was not checked yet).
        consuming func checked(against round: BallotCheck) -> Result<IndexedChoice, BallotError> {
            switch self {
            case .checked(let result): return result
            case .unchecked(let choice): return Result { () throws(BallotError) in try round.check(choice) }
            }
        }
    }

    /// Reduces `ballot`, checking its choice against `round` when that is the ballot's round and
    /// its parameters are known.
    init(_ ballot: BallotCast, round: BallotCheck?, recordRound: StatementID) {
        self.round = ballot.round
        self.revision = ballot.revision
        self.author = ballot.header.author
        self.sequence = ballot.sequence
        if let round, ballot.round == recordRound {
            self.choice = .checked(Result { () throws(BallotError) in try round.check(ballot.choice) })
        } else {
            self.choice = .unchecked(ballot.choice)
        }
    }
}
