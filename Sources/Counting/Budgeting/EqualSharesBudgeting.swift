/// The method of equal shares for participatory budgeting with project costs, with the "add1"
/// completion: the rule pabulib calls `equalshares/add1` (pabulib records Świecie 2023 and Assen
/// 2024 as decided with it; both conventions below reproduce their official selections).
///
/// Definition (Peters, Pierczyński & Skowron, "Proportional participatory budgeting with additive
/// utilities", NeurIPS 2021; equalshares.net, "Implementation"): every voter holds an
/// equal share of a budget; a project is affordable when its approvers hold its cost together;
/// its price ρ is the smallest number such that each approver paying `min(budget, ρ · u)` covers
/// the cost, with utility `u` = the project's cost (cost utility, the default: ρ is then the
/// fraction of the cost that each paying approver bears) or `u` = 1 (approval utility). The
/// affordable project with the smallest ρ is funded and its approvers pay; repeat until nothing
/// is affordable (see `EqualSharesRun`). Exact rational arithmetic throughout.
///
/// Completion "add1": the share per voter starts at `B / n` (n = total ballot weight, blank
/// ballots included) and is raised by ``increment`` budget units at a time; the run is repeated
/// at each step, and the last outcome whose cost is within the real budget `B` is kept. The
/// raising stops as soon as the current outcome is exhaustive (no unfunded project fits in what
/// is left of `B`), or the next step's outcome would cost more than `B`, or every project anyone
/// approves is funded (nothing can change after that). ``Add1Convention`` fixes the two details
/// in which published implementations differ:
/// - `.equalSharesNet` (default; the equalshares.net tool with its default options "integral"
///   and "exhaustive"): the first share is `floor(B / n)`, and exhaustiveness looks at every
///   project;
/// - `.pabutools`: `method_of_equal_shares(..., sat_class=Cost_Sat, voter_budget_increment=1)`:
///   the first share is exactly `B / n`, and exhaustiveness looks only at projects approved by
///   someone.
/// ``utilitarianCompletion`` (off by default; equalshares.net's "add1u") then funds remaining
/// projects by decreasing approvals while they fit.
///
/// Every cost must be positive (a free project has no price). Ties in ρ (and in approvals in the
/// utilitarian step) go to the project earliest in the ``TieBreakOrder``, and are recorded.
public struct EqualSharesBudgeting: Sendable {
    public static let name = "pb-equal-shares"
    /// The most runs the add1 completion may make before the count gives up.
    public static let maximumRuns = 200_000

    /// What an approver gains from a funded project.
    public enum Utility: String, Sendable, Hashable {
        /// The project's cost (the equalshares.net and pabulib default).
        case cost
        /// 1 per approved project.
        case approval
    }

    public enum Completion: String, Sendable, Hashable {
        /// Raise the per-voter share step by step (see the type's documentation).
        case add1
        /// One run with the share `B / n`; money may be left.
        case none
    }

    public enum Add1Convention: String, Sendable, Hashable {
        case equalSharesNet = "equalshares.net"
        case pabutools
    }

    public var utility: Utility
    public var completion: Completion
    public var add1Convention: Add1Convention
    /// Budget units added to each voter's share per add1 step.
    public var increment: Int64
    /// Fund leftover projects greedily by approvals after MES (equalshares.net's "add1u").
    public var utilitarianCompletion: Bool

    public init(
        utility: Utility = .cost, completion: Completion = .add1, add1Convention: Add1Convention = .equalSharesNet,
        increment: Int64 = 1, utilitarianCompletion: Bool = false
    ) {
        self.utility = utility
        self.completion = completion
        self.add1Convention = add1Convention
        self.increment = increment
        self.utilitarianCompletion = utilitarianCompletion
    }

    var parameters: [JSONMember] {
        [
            JSONMember("utility", .string(utility.rawValue)),
            JSONMember("completion", .string(completion.rawValue)),
            JSONMember("add1_convention", .string(add1Convention.rawValue)),
            JSONMember("increment", .integer(increment)),
            JSONMember("utilitarian_completion", .bool(utilitarianCompletion)),
        ]
    }

    /// Counts `profile` against `budget`, settling ties with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, budget: BudgetLimits, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError) -> Outcome {
        try BudgetInput.check(profile: profile, budget: budget, names: names, tieBreak: tieBreak, positiveCosts: true)
        guard increment >= 1 else { throw .invalidParameter("the add1 increment must be at least 1, got \(increment)") }
        let voters = try CommitteeInput.totalWeight(profile)
        let approvers = try ApproverLists(profile)
        let context = BudgetingContext(
            approvers: approvers, weights: profile.weights, costs: budget.costs, costUtility: utility == .cost,
            position: tieBreak.position, budget: budget.total, voters: voters)
        let search = try add1Search(context)
        var (winners, rounds, ties) = try context.tracedRun(share: search.share, tieBreak: tieBreak)
        if utilitarianCompletion {
            context.fillGreedily(winners: &winners, rounds: &rounds, ties: &ties, tieBreak: tieBreak)
        }
        rounds.insert(
            TraceRound(
                number: 0, label: "share of the budget per voter",
                details: [
                    JSONMember("voters", .integer(voters)),
                    JSONMember("first_share", .string(search.first.description)),
                    JSONMember("share", .string(search.share.description)),
                    JSONMember("runs", .integer(Int64(search.runs))),
                    JSONMember("stopped", .string(search.stopReason)),
                ]), at: 0)
        for index in rounds.indices { rounds[index].number = index + 1 }
        for index in ties.indices { ties[index].round += 1 }
        return Outcome(
            method: Self.name,
            parameters: [
                BudgetInput.budgetParameter(budget), JSONMember("costs", .array(budget.costs.map { .integer($0) })),
            ]
                + parameters + [tieBreak.parameter],
            candidates: names, winners: winners, rounds: rounds, ties: ties)
    }

    /// The add1 search for the share per voter; returns the share of the kept outcome.
    private func add1Search(
        _ context: BudgetingContext
    ) throws(CountingError)
        -> (first: Rational, share: Rational, runs: Int, stopReason: String)
    {
        guard context.voters > 0 else { return (.zero, .zero, 0, "no ballots") }
        let exact = Rational(.init(context.budget), .init(context.voters))
        let first = add1Convention == .equalSharesNet && completion == .add1 ? Rational(exact.floor) : exact
        var share = first
        var current = try context.outcome(share: share)
        guard completion == .add1 else { return (first, share, 1, "no completion") }
        let step = Rational(.init(increment))
        var runs = 1
        while true {
            let spent = try BudgetInput.total(of: current.map { context.costs[$0] })
            if context.isExhaustive(current, spent: spent, allProjects: add1Convention == .equalSharesNet) {
                return (first, share, runs, "exhaustive")
            }
            if context.fundsEveryApprovedProject(current) {
                return (first, share, runs, "every approved project is funded")
            }
            guard runs < Self.maximumRuns else {
                throw .beyondLimit(
                    "the add1 completion made \(Self.maximumRuns) runs without settling; use a larger increment")
            }
            let next = try context.outcome(share: share + step)
            runs += 1
            if try BudgetInput.total(of: next.map { context.costs[$0] }) > context.budget {
                return (first, share, runs, "the next share overspends")
            }
            share = share + step
            current = next
        }
    }
}
