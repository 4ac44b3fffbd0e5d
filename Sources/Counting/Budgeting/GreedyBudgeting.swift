/// Greedy participatory budgeting by approvals: projects in order of decreasing approvals, each
/// funded if it still fits in what is left of the budget, skipped otherwise (and the count goes
/// on down the list).
///
/// Definition: sort the projects by the number (summed weight) of ballots approving them,
/// largest first; walk down the list keeping the unspent budget; fund a project when its cost is
/// at most the unspent budget. This is the rule most cities use (Warsaw's participatory budget
/// among them; pabulib's `greedy`), described in Faliszewski et al., "Participatory budgeting:
/// data, tools and analysis", IJCAI 2023, and Aziz & Shah, "Participatory budgeting: models and
/// approaches", 2021. It equals pabutools' `greedy_utilitarian_welfare` with
/// `Cost_Sat` (cost per unit of satisfaction is then the approval count).
///
/// Options: ``minimumApprovals`` excludes projects with fewer approvals (some cities' threshold;
/// pabulib's `min_project_score_threshold`); 0 by default, so a project nobody approves is still
/// funded when money is left for it, as pabutools does.
///
/// Ties: projects with equal approvals are taken in ``TieBreakOrder`` (earliest first). When such
/// a group is split (some funded, some not) the tie is recorded. A blank ballot approves nothing
/// and changes nothing.
public struct GreedyBudgeting: Sendable {
    public static let name = "pb-greedy"

    /// Projects with fewer approvals than this are never funded.
    public var minimumApprovals: Int64

    public init(minimumApprovals: Int64 = 0) {
        self.minimumApprovals = minimumApprovals
    }

    /// Counts `profile` against `budget`, ordering equal approvals by `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, budget: BudgetLimits, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError) -> Outcome {
        try BudgetInput.check(profile: profile, budget: budget, names: names, tieBreak: tieBreak, positiveCosts: false)
        guard minimumApprovals >= 0 else {
            throw .invalidParameter("the minimum number of approvals cannot be negative (\(minimumApprovals))")
        }
        let approvals = try ApproverLists(profile).approvalWeight
        let order = (0..<profile.candidateCount).sorted {
            approvals[$0] != approvals[$1]
                ? approvals[$0] > approvals[$1] : tieBreak.position[$0] < tieBreak.position[$1]
        }
        var left = budget.total
        var winners: [Int] = []
        var events: [TraceEvent] = []
        var funded = [Bool](repeating: false, count: profile.candidateCount)
        for project in order {
            let cost = budget.costs[project]
            if approvals[project] < minimumApprovals {
                events.append(
                    TraceEvent(.excluded, project, reason: "fewer than \(minimumApprovals) approvals"))
            } else if cost <= left {
                left -= cost
                funded[project] = true
                winners.append(project)
                events.append(TraceEvent(.elected, project, reason: "costs \(cost), fits; \(left) left"))
            } else {
                events.append(TraceEvent(.excluded, project, reason: "costs \(cost), only \(left) left"))
            }
        }
        var ties: [TieResolution] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && approvals[order[end]] == approvals[order[start]] { end += 1 }
            let group = Array(order[start..<end])
            let chosen = group.filter { funded[$0] }
            if !chosen.isEmpty && chosen.count < group.count {
                ties.append(TieResolution(round: 1, decision: "fund", tied: group, chosen: chosen, rule: tieBreak.rule))
            }
            start = end
        }
        let round = TraceRound(
            number: 1, label: "approvals, projects taken from most to fewest",
            tallies: (0..<profile.candidateCount).map {
                CandidateTally(candidate: $0, votes: TraceNumber(approvals[$0]))
            },
            events: events,
            details: [
                JSONMember("budget", .integer(budget.total)),
                JSONMember("spent", .integer(budget.total - left)),
                JSONMember("left", .integer(left)),
            ])
        return Outcome(
            method: Self.name,
            parameters: [
                BudgetInput.budgetParameter(budget),
                JSONMember("costs", .array(budget.costs.map { .integer($0) })),
                JSONMember("minimum_approvals", .integer(minimumApprovals)),
                tieBreak.parameter,
            ],
            candidates: names, winners: winners, rounds: [round], ties: ties)
    }
}
