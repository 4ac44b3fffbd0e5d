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

    private func run<Number: ShareNumber>(
        _ kind: Number.Type, share: Rational, lazy: Bool, record: Bool
    ) throws(ShareOverflow) -> EqualSharesRun<Number> {
        var run = EqualSharesRun<Number>(
            approvers: approvers, weights: weights, costs: costs, costUtility: costUtility, eligible: eligible,
            position: position, budgetPerVoter: try Number(exactly: share), lazy: lazy, recordRounds: record)
        try run.run()
        return run
    }

    /// The projects one run funds with `share` per voter, in order.
    func outcome(share: Rational) throws(CountingError) -> [Int] {
        do {
            return try run(CompactFraction.self, share: share, lazy: true, record: false).bought
        } catch {
            do {
                return try run(Rational.self, share: share, lazy: true, record: false).bought
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
                return try trace(run(Rational.self, share: share, lazy: false, record: true), tieBreak: tieBreak)
            } catch {
                throw .beyondLimit("equal shares could not be computed exactly")
            }
        }
    }

    private func trace<Number: ShareNumber>(
        _ run: EqualSharesRun<Number>, tieBreak: TieBreakOrder
    )
        -> (winners: [Int], rounds: [TraceRound], ties: [TieResolution])
    {
        var rounds: [TraceRound] = []
        var ties: [TieResolution] = []
        var spent: Int64 = 0
        for (index, round) in run.rounds.enumerated() {
            spent += costs[round.chosen]
            if round.tied.count > 1 {
                ties.append(
                    TieResolution(
                        round: index + 1, decision: "fund", tied: tieBreak.sorted(round.tied), chosen: [round.chosen],
                        rule: tieBreak.rule))
            }
            let unit = costUtility ? costs[round.chosen] : 1
            var details = [
                JSONMember("payment", .string(round.payment.rational.description)),
                JSONMember("rho", .string((round.payment.rational / Rational(Int(unit))).description)),
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
                            candidate: $0.project, votes: TraceNumber($0.payment.rational / Rational(Int(unit))))
                    },
                    events: [
                        TraceEvent(
                            .elected, round.chosen,
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
