import Counting
import Ledger
import Sodium
import Statements

/// A decision round: its frozen parameters and electorate, its state, and the latest ballot of
/// each voter.
public struct Round: Sendable {
    /// Whether ballots are accepted.
    public enum State: String, Sendable {
        case open, closed
    }

    /// A voter's ballot that counts now (the highest sequence so far).
    public struct CountedBallot: Sendable, Equatable {
        public let statement: StatementID
        public let sequence: Int64
        public let choice: IndexedChoice
        public let leaf: UInt64
    }

    public let id: StatementID
    public let parameters: RoundOpen
    /// The counting-relevant part of ``parameters``, built once at the open (every ballot is
    /// checked against it).
    public let counting: RoundParameters
    public let electorate: Electorate
    /// The electorate's entries by member, for the ballot rules.
    public let voters: [MemberID: Int64]
    public let openedBy: MemberID
    public let openedLeaf: UInt64
    public var state: State = .open
    public var ballots: [MemberID: CountedBallot] = [:]
    /// How many ballot statements were accepted, replaced ones included.
    public var ballotStatements = 0
    /// The leaf of every accepted ballot statement, in log order.
    public var ballotLeaves: [UInt64] = []
    public var closedLeaf: UInt64?
    public var closedBy: String?
    public var result: RoundResult?
    public var resultStatement: StatementID?

    /// The electorate's total weight.
    public var eligibleWeight: Int64 { electorate.entries.reduce(0) { $0 + $1.weight } }
}
