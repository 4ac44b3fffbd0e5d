extension VotingMethod {
    /// Approval-based committee rules and participatory budgeting, as registry entries.
    static let committee: [VotingMethod] = [
        committeeRule(
            ProportionalApprovalVoting.name,
            "Proportional approval voting: the committee maximizing the sum over voters of 1 + 1/2 + ... + 1/j "
                + "for j approved members (exhaustive; at most 1,000,000 committees)"
        ) { seats, profile, names, order throws(CountingError) in
            try ProportionalApprovalVoting(seats: seats).count(profile, names: names, tieBreak: order)
        },
        committeeRule(
            SequentialProportionalApprovalVoting.name,
            "Sequential PAV: seats filled one at a time by the largest gain in PAV score"
        ) { seats, profile, names, order throws(CountingError) in
            try SequentialProportionalApprovalVoting(seats: seats).count(profile, names: names, tieBreak: order)
        },
        committeeRule(
            SequentialPhragmen.name,
            "Sequential Phragmén: seats filled one at a time by the candidate whose approvers' maximal load "
                + "after electing it is smallest"
        ) { seats, profile, names, order throws(CountingError) in
            try SequentialPhragmen(seats: seats).count(profile, names: names, tieBreak: order)
        },
        VotingMethod(
            name: EqualShares.name,
            summary: "Method of equal shares for committees: each voter holds an equal share of the seats' price "
                + "and candidates are bought by their approvers, completed by sequential Phragmén.",
            shapes: [.approval], conversions: [.approvalFromRanked], multiWinner: true,
            parameters: [MethodParameter("completion", "seq-phragmen (default, as abcvoting) or none")]
        ) { election, options throws(CountingError) in
            let completion = try options.choice("completion", default: "seq-phragmen", from: ["seq-phragmen", "none"])
            return try EqualShares(
                seats: election.seats, completion: completion == "none" ? .none : .sequentialPhragmen
            )
            .count(
                try election.approvalBallots(for: EqualShares.name), names: election.candidates,
                tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: GreedyBudgeting.name,
            summary: "Participatory budgeting: projects by decreasing approvals, each funded if it still fits.",
            shapes: [.approval],
            parameters: [MethodParameter("min-approvals", "fund only projects with at least this many (default 0)")]
        ) { election, options throws(CountingError) in
            try GreedyBudgeting(
                minimumApprovals: Int64(try options.integer("min-approvals", default: 0, in: 0...Int(Int32.max)))
            ).count(
                try election.approvalBallots(for: GreedyBudgeting.name), budget: try budget(election),
                names: election.candidates, tieBreak: try options.tieBreakOrder(for: election))
        },
        VotingMethod(
            name: EqualSharesBudgeting.name,
            summary: "Participatory budgeting by the method of equal shares (cost utility, add1 completion: "
                + "pabulib's equalshares/add1).",
            shapes: [.approval],
            parameters: [
                MethodParameter("utility", "cost (default) or approval"),
                MethodParameter("completion", "add1 (default) or none"),
                MethodParameter("add1-convention", "equalshares.net (default) or pabutools"),
                MethodParameter("increment", "budget units added to each voter's share per add1 step (default 1)"),
                MethodParameter("utilitarian-completion", "false (default): true funds leftovers greedily (add1u)"),
            ]
        ) { election, options throws(CountingError) in
            let utility = try options.choice("utility", default: "cost", from: ["cost", "approval"])
            let completion = try options.choice("completion", default: "add1", from: ["add1", "none"])
            let convention = try options.choice(
                "add1-convention", default: "equalshares.net", from: ["equalshares.net", "pabutools"])
            return try EqualSharesBudgeting(
                utility: utility == "cost" ? .cost : .approval, completion: completion == "add1" ? .add1 : .none,
                add1Convention: convention == "pabutools" ? .pabutools : .equalSharesNet,
                increment: Int64(try options.integer("increment", default: 1, in: 1...Int(Int32.max))),
                utilitarianCompletion: try options.flag("utilitarian-completion", default: false)
            ).count(
                try election.approvalBallots(for: EqualSharesBudgeting.name), budget: try budget(election),
                names: election.candidates, tieBreak: try options.tieBreakOrder(for: election))
        },
    ]

    /// A committee rule on approval ballots (ranked ballots read as approving what they rank).
    static func committeeRule(
        _ name: String, _ summary: String,
        count: @escaping @Sendable (Int, ApprovalProfile, [String], TieBreakOrder) throws(CountingError) -> Outcome
    ) -> VotingMethod {
        VotingMethod(
            name: name, summary: summary + ".", shapes: [.approval], conversions: [.approvalFromRanked],
            multiWinner: true
        ) { election, options throws(CountingError) in
            try count(
                election.seats, try election.approvalBallots(for: name), election.candidates,
                try options.tieBreakOrder(for: election))
        }
    }

    /// The election's budget, which budgeting methods need.
    static func budget(_ election: Election) throws(CountingError) -> BudgetLimits {
        guard let budget = election.budget else {
            throw .invalidParameter("participatory budgeting needs a budget and project costs (a .pb file, or JSON)")
        }
        return budget
    }
}
