/// One run of the method of equal shares with a fixed budget per voter, shared by the committee
/// rule (``EqualShares``: every candidate costs the same, approval utility) and participatory
/// budgeting (``EqualSharesBudgeting``: project costs, cost or approval utility). Callers may
/// count money in any unit (both scale it so that the starting budget is a whole number).
///
/// Every voter starts with the same budget. A project `p` with cost `c(p)` is affordable when its
/// approvers together hold at least `c(p)`; its price is then the smallest `ρ` such that, each
/// approver paying `min(budget, ρ · u(p))`, they pay `c(p)` in all, where `u(p)` is an
/// approver's utility (`c(p)` for cost utility, `1` for approval utility). The affordable project
/// with the smallest `ρ` is bought, its approvers pay, and the round repeats until nothing is
/// affordable. Ties in `ρ` go to the project earliest in the tie-break order.
///
/// Voters with equal budgets form classes (budgets only change for a bought project's approvers,
/// who all pay the same or everything), so a round works on classes, not voters, and voters who
/// have spent everything drop out. `ρ` never falls from one round to the next, so a run may skip
/// projects whose last `ρ` already exceeds the best found (``lazy``), as equalshares.net and
/// pabutools do; a traced run evaluates every project.
struct EqualSharesRun<Number: ShareNumber> {
    let approvers: ApproverLists
    let weights: [Int64]
    let costs: [Int64]
    let costUtility: Bool
    /// The projects this run may buy.
    let eligible: [Bool]
    let position: [Int]
    let lazy: Bool
    let recordRounds: Bool

    /// `classOf[b]`: ballot `b`'s budget class, or -1 once it has nothing left.
    private(set) var classOf: [Int32]
    private(set) var classBudget: [Number]
    private(set) var bought: [Int] = []
    private(set) var rounds: [Round] = []
    private var classWeight: [Int64] = []
    private var touched: [Int32] = []
    private var remap: [Int32] = []

    /// One round as the trace shows it.
    struct Round {
        /// Each project evaluated, with its payment cap `t = ρ · u(p)`.
        var offers: [(project: Int, payment: Number)]
        /// Projects found unaffordable this round (dropped for good).
        var unaffordable: [Int]
        /// The project bought; nil in a closing round where nothing was affordable any more.
        var chosen: Int?
        var payment: Number?
        var tied: [Int]
    }

    init(
        approvers: ApproverLists, weights: [Int64], costs: [Int64], costUtility: Bool, eligible: [Bool],
        position: [Int], budgetPerVoter: Number, lazy: Bool, recordRounds: Bool
    ) {
        self.approvers = approvers
        self.weights = weights
        self.costs = costs
        self.costUtility = costUtility
        self.eligible = eligible
        self.position = position
        self.lazy = lazy
        self.recordRounds = recordRounds
        let hasMoney = !budgetPerVoter.isZero
        classOf = [Int32](repeating: hasMoney ? 0 : -1, count: weights.count)
        classBudget = [budgetPerVoter]
    }

    private func utility(_ project: Int) -> Int64 { costUtility ? costs[project] : 1 }

    /// `a` is a better (smaller) price than `b`: compares `ρ = payment / u(p)`.
    private func cheaper(_ a: (project: Int, payment: Number), _ b: (project: Int, payment: Number)) -> Bool {
        a.payment.isLess(dividedBy: utility(a.project), than: b.payment, dividedBy: utility(b.project))
    }

    /// Buys projects until none is affordable or `limit` are bought.
    mutating func run(limit: Int = .max) throws(ShareOverflow) {
        var remaining = (0..<costs.count).filter { eligible[$0] }
        var lastPrice = [Number?](repeating: nil, count: costs.count)
        while bought.count < limit && !remaining.isEmpty {
            if lazy {
                remaining.sort { a, b in
                    switch (lastPrice[a], lastPrice[b]) {
                    case (nil, nil): return position[a] < position[b]
                    case (nil, _): return true
                    case (_, nil): return false
                    case (let x?, let y?):
                        if cheaper((a, x), (b, y)) { return true }
                        if cheaper((b, y), (a, x)) { return false }
                        return position[a] < position[b]
                    }
                }
            }
            var best: (project: Int, payment: Number)?
            var tied: [Int] = []
            var offers: [(project: Int, payment: Number)] = []
            var unaffordable: [Int] = []
            for project in remaining {
                if lazy, let best, let last = lastPrice[project], cheaper(best, (project, last)) { break }
                guard let payment = try price(of: project) else {
                    unaffordable.append(project)
                    continue
                }
                lastPrice[project] = payment
                let offer = (project: project, payment: payment)
                if recordRounds { offers.append(offer) }
                if let current = best {
                    if cheaper(offer, current) {
                        best = offer
                        tied = [project]
                    } else if !cheaper(current, offer) {
                        tied.append(project)
                    }
                } else {
                    best = offer
                    tied = [project]
                }
            }
            if !unaffordable.isEmpty { remaining.removeAll { unaffordable.contains($0) } }
            guard let found = best else {
                if recordRounds && !unaffordable.isEmpty {
                    rounds.append(Round(offers: [], unaffordable: unaffordable, chosen: nil, payment: nil, tied: []))
                }
                break
            }
            let chosen = tied.min { position[$0] < position[$1] }!
            let payment = chosen == found.project ? found.payment : lastPrice[chosen]!
            try charge(chosen, payment: payment)
            bought.append(chosen)
            remaining.removeAll { $0 == chosen }
            if recordRounds {
                rounds.append(
                    Round(offers: offers, unaffordable: unaffordable, chosen: chosen, payment: payment, tied: tied))
            }
        }
    }

    /// The payment cap `t` at which `project`'s approvers cover its cost, or nil if they cannot.
    private mutating func price(of project: Int) throws(ShareOverflow) -> Number? {
        if classWeight.count < classBudget.count {
            classWeight.append(contentsOf: repeatElement(0, count: classBudget.count - classWeight.count))
        }
        var total: Int64 = 0
        for entry in approvers.range(of: project) {
            let ballot = Int(approvers.ballots[entry])
            let budgetClass = classOf[ballot]
            guard budgetClass >= 0 else { continue }
            if classWeight[Int(budgetClass)] == 0 { touched.append(budgetClass) }
            classWeight[Int(budgetClass)] += weights[ballot]
            total += weights[ballot]
        }
        defer {
            for budgetClass in touched { classWeight[Int(budgetClass)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        guard total > 0 else { return nil }
        touched.sort { classBudget[Int($0)] < classBudget[Int($1)] }
        let cost = Number(integer: costs[project])
        var paid = Number(integer: 0)
        var payers = total
        for budgetClass in touched {
            let share = try cost.subtracting(paid).divided(by: payers)
            let budget = classBudget[Int(budgetClass)]
            guard budget < share else { return share }
            paid = try paid.adding(budget.multiplied(by: classWeight[Int(budgetClass)]))
            payers -= classWeight[Int(budgetClass)]
        }
        return nil
    }

    /// Every approver of `project` pays `payment`, or all it has if that is less.
    private mutating func charge(_ project: Int, payment: Number) throws(ShareOverflow) {
        if remap.count < classBudget.count {
            remap.append(contentsOf: repeatElement(-2, count: classBudget.count - remap.count))
        }
        var changed: [Int32] = []
        for entry in approvers.range(of: project) {
            let ballot = Int(approvers.ballots[entry])
            let budgetClass = classOf[ballot]
            guard budgetClass >= 0 else { continue }
            if remap[Int(budgetClass)] == -2 {
                changed.append(budgetClass)
                let budget = classBudget[Int(budgetClass)]
                if payment < budget {
                    remap[Int(budgetClass)] = Int32(classBudget.count)
                    classBudget.append(try budget.subtracting(payment))
                } else {
                    remap[Int(budgetClass)] = -1
                }
            }
            classOf[ballot] = remap[Int(budgetClass)]
        }
        for budgetClass in changed { remap[Int(budgetClass)] = -2 }
    }

    /// Each ballot's remaining budget per unit of weight.
    func remainingBudget(ofClass budgetClass: Int32) -> Number {
        budgetClass < 0 ? Number(integer: 0) : classBudget[Int(budgetClass)]
    }
}
