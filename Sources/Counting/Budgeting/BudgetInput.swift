/// The checks every participatory-budgeting method makes before counting.
enum BudgetInput {
    static func check(
        profile: ApprovalProfile, budget: BudgetLimits, names: [String], tieBreak: TieBreakOrder,
        positiveCosts: Bool
    ) throws(CountingError) {
        let projectCount = profile.candidateCount
        guard names.count == projectCount else {
            throw .invalidParameter("\(names.count) names were given for \(projectCount) projects")
        }
        guard tieBreak.order.count == projectCount else {
            throw .invalidParameter(
                "the tie-break order lists \(tieBreak.order.count) projects, the ballots have \(projectCount)")
        }
        guard budget.costs.count == projectCount else {
            throw .invalidParameter("\(budget.costs.count) project costs were given for \(projectCount) projects")
        }
        guard budget.total >= 0 else { throw .invalidParameter("the budget is negative (\(budget.total))") }
        for (project, cost) in budget.costs.enumerated() {
            guard cost >= 0 else {
                throw .invalidParameter("project \(project + 1) (\(names[project])) has a negative cost (\(cost))")
            }
            guard cost > 0 || !positiveCosts else {
                throw .invalidParameter(
                    "project \(project + 1) (\(names[project])) costs 0; equal shares needs every cost to be positive")
            }
        }
        _ = try total(of: budget.costs)
    }

    /// The sum of some costs, checked against overflow.
    static func total(of costs: some Sequence<Int64>) throws(CountingError) -> Int64 {
        var sum: Int64 = 0
        for cost in costs {
            let (next, overflow) = sum.addingReportingOverflow(cost)
            guard !overflow else { throw .beyondLimit("the project costs add up to more than 2^63") }
            sum = next
        }
        return sum
    }

    static func budgetParameter(_ budget: BudgetLimits) -> JSONMember {
        JSONMember("budget", .integer(budget.total))
    }
}
