/// What the equal-shares budgeting count needs at every add1 step: the approvers of each
/// project, the costs, and the runs themselves (fast compact fractions first, arbitrary-size
/// rationals if a value outgrows 128 bits).
struct BudgetingContext {
    let approvers: ApproverLists
    let weights: [Int64]
    let costs: [Int64]
    let costUtility: Bool
    let position: [Int]
    let budget: Int64
    let voters: Int64
    /// Projects MES may fund: approved by someone (every cost is positive).
    let eligible: [Bool]

    init(
        approvers: ApproverLists, weights: [Int64], costs: [Int64], costUtility: Bool, position: [Int], budget: Int64,
        voters: Int64
    ) {
        self.approvers = approvers
        self.weights = weights
        self.costs = costs
        self.costUtility = costUtility
        self.position = position
        self.budget = budget
        self.voters = voters
        eligible = approvers.approvalWeight.map { $0 > 0 }
    }

    /// A run with `share` per voter. Money is counted in units of `1 / scale`, where `scale` is
    /// the share's denominator when the costs so scaled still fit 64 bits: the share is then a
    /// whole number and the run's fractions stay small (ρ, a ratio of money to money or a
    /// payment compared with payments, orders projects the same in any unit).
    private func run<Number: ShareNumber>(
        _ kind: Number.Type, share: Rational, lazy: Bool, record: Bool
    ) throws(ShareOverflow) -> (run: EqualSharesRun<Number>, scale: Int64) {
        var scale: Int64 = 1
        var runCosts = costs
        if !share.isInteger, let denominator = Int64(exactly: share.denominator) {
            var scaled: [Int64] = []
            scaled.reserveCapacity(costs.count)
            for cost in costs {
                let (product, overflow) = cost.multipliedReportingOverflow(by: denominator)
                if overflow { break }
                scaled.append(product)
            }
            if scaled.count == costs.count {
                scale = denominator
                runCosts = scaled
            }
        }
        var run = EqualSharesRun<Number>(
            approvers: approvers, weights: weights, costs: runCosts, costUtility: costUtility, eligible: eligible,
            position: position, budgetPerVoter: try Number(exactly: share * Rational(Int(scale))), lazy: lazy,
            recordRounds: record)
        try run.run()
        return (run, scale)
    }

    /// The projects one run funds with `share` per voter, in order.
    func outcome(share: Rational) throws(CountingError) -> [Int] {
        do {
            return try run(CompactFraction.self, share: share, lazy: true, record: false).run.bought
        } catch {
            do {
                return try run(HybridFraction.self, share: share, lazy: true, record: false).run.bought
            } catch {
                throw .beyondLimit("equal shares could not be computed exactly")
            }
        }
    }

    /// A run with `share` per voter that evaluates every project each round, as trace rounds.
    func tracedRun(
        share: Rational, tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> (winners: [Int], rounds: [TraceRound], ties: [TieResolution])
    {
        do {
            return try trace(run(CompactFraction.self, share: share, lazy: false, record: true), tieBreak: tieBreak)
        } catch {
            do {
                return try trace(run(HybridFraction.self, share: share, lazy: false, record: true), tieBreak: tieBreak)
            } catch {
                throw .beyondLimit("equal shares could not be computed exactly")
            }
        }
    }

    private func trace<Number: ShareNumber>(
        _ scaledRun: (run: EqualSharesRun<Number>, scale: Int64), tieBreak: TieBreakOrder
    ) -> (winners: [Int], rounds: [TraceRound], ties: [TieResolution]) {
        let run = scaledRun.run
        let scale = Rational(Int(scaledRun.scale))
        var rounds: [TraceRound] = []
        var ties: [TieResolution] = []
        var spent: Int64 = 0
        for (index, round) in run.rounds.enumerated() {
            guard let chosen = round.chosen, let payment = round.payment else {
                rounds.append(
                    TraceRound(
                        number: index + 1, label: "no project is affordable any more",
                        events: round.unaffordable.sorted().map {
                            TraceEvent(.excluded, $0, reason: "its approvers hold less than its cost together")
                        }))
                continue
            }
            spent += costs[chosen]
            if round.tied.count > 1 {
                ties.append(
                    TieResolution(
                        round: index + 1, decision: "fund", tied: tieBreak.sorted(round.tied), chosen: [chosen],
                        rule: tieBreak.rule))
            }
            let unit = costUtility ? costs[chosen] : 1
            var details = [
                JSONMember("payment", .string((payment.rational / scale).description)),
                JSONMember("rho", .string((payment.rational / scale / Rational(Int(unit))).description)),
                JSONMember("spent", .integer(spent)),
            ]
            if !round.unaffordable.isEmpty {
                details.append(
                    JSONMember("unaffordable", .array(round.unaffordable.sorted().map { .integer(Int64($0)) })))
            }
            rounds.append(
                TraceRound(
                    number: index + 1, label: "price ρ per unit of utility each paying approver would bear",
                    tallies: round.offers.sorted { $0.project < $1.project }.map {
                        let unit = costUtility ? costs[$0.project] : 1
                        return CandidateTally(
                            candidate: $0.project, votes: TraceNumber($0.payment.rational / scale / Rational(Int(unit)))
                        )
                    },
                    events: [
                        TraceEvent(
                            .elected, chosen,
                            reason: round.tied.count > 1
                                ? "lowest ρ, tied, favoured by the tie-break order"
                                : "lowest ρ")
                    ],
                    details: details))
        }
        return (run.bought, rounds, ties)
    }

    /// No unfunded project (every project, or only the eligible ones) fits in what is left.
    func isExhaustive(_ funded: [Int], spent: Int64, allProjects: Bool) -> Bool {
        var isFunded = [Bool](repeating: false, count: costs.count)
        for project in funded { isFunded[project] = true }
        for project in 0..<costs.count where !isFunded[project] && (allProjects || eligible[project]) {
            if costs[project] <= budget - spent { return false }
        }
        return true
    }

    /// Every project someone approves is funded: a larger share cannot change the outcome.
    func fundsEveryApprovedProject(_ funded: [Int]) -> Bool {
        funded.count == eligible.filter { $0 }.count
    }

    /// Funds the remaining projects by decreasing approvals while they fit (equalshares.net's
    /// utilitarian completion), as one more trace round.
    func fillGreedily(
        winners: inout [Int], rounds: inout [TraceRound], ties: inout [TieResolution], tieBreak: TieBreakOrder
    ) {
        let approvals = approvers.approvalWeight
        var isFunded = [Bool](repeating: false, count: costs.count)
        for project in winners { isFunded[project] = true }
        var left = budget - winners.reduce(0) { $0 + costs[$1] }
        let order = (0..<costs.count).filter { !isFunded[$0] }.sorted {
            approvals[$0] != approvals[$1] ? approvals[$0] > approvals[$1] : position[$0] < position[$1]
        }
        var events: [TraceEvent] = []
        var added: [Int] = []
        for project in order where costs[project] <= left {
            left -= costs[project]
            added.append(project)
            events.append(TraceEvent(.elected, project, reason: "most approvals among those that fit"))
        }
        let roundNumber = rounds.count + 1
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && approvals[order[end]] == approvals[order[start]] { end += 1 }
            let group = Array(order[start..<end])
            let chosen = group.filter { added.contains($0) }
            if !chosen.isEmpty && chosen.count < group.count {
                ties.append(
                    TieResolution(
                        round: roundNumber, decision: "fund", tied: group, chosen: chosen, rule: tieBreak.rule))
            }
            start = end
        }
        winners += added
        rounds.append(
            TraceRound(
                number: roundNumber, label: "utilitarian completion: approvals of the projects not yet funded",
                tallies: order.sorted().map { CandidateTally(candidate: $0, votes: TraceNumber(approvals[$0])) },
                events: events, details: [JSONMember("left", .integer(left))]))
    }
}
