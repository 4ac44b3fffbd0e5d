import Ledger
import Sodium
import Statements

/// A pool of money to share: its amount, the plans proposed for it, the signed inputs so far,
/// and, once run, its distribution.
public struct Pool: Sendable {
    /// Whether inputs and plans are still accepted.
    public enum State: String, Sendable {
        case open, distributed
    }

    public let id: StatementID
    public let create: PoolCreate
    public let leaf: UInt64
    public var state: State = .open
    /// Plans in the order they were created.
    public var plans: [(id: StatementID, plan: PlanCreate)] = []
    /// The inputs: every contribution and each giver's latest allocation.
    public var inputs = PoolInputs()
    /// Every input statement, replaced allocations included, in log order (for the record).
    public var inputStatements: [StatementID] = []
    /// The distribution, once run: the run statement and the log key's result.
    public var run: StatementID?
    public var result: DistributionResult?
    public var resultStatement: StatementID?

    /// The plan titled `title`.
    public func plan(titled title: String) -> (id: StatementID, plan: PlanCreate)? {
        plans.first { $0.plan.title == title }
    }
}
