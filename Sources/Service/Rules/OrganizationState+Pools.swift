import Counting
import Ledger
import Shares
import Sodium
import Statements

extension OrganizationState {
    /// `pool.create`: a steward sets an amount aside to share.
    mutating func createPool(
        _ create: PoolCreate, by author: Member, id: StatementID, leaf: UInt64
    ) throws(ServiceError)
        -> [StateChange]
    {
        try requireSteward(author, to: "create pools")
        pools[id] = Pool(id: id, create: create, leaf: leaf)
        poolOrder.append(id)
        return []
    }

    /// `plan.create`: a steward proposes a way to share an open pool; titles are unique per pool.
    mutating func createPlan(
        _ plan: PlanCreate, by author: Member, id: StatementID
    ) throws(ServiceError)
        -> [StateChange]
    {
        try requireSteward(author, to: "propose distribution plans")
        let pool = try openPool(plan.pool)
        guard pool.plan(titled: plan.title) == nil else {
            throw .conflict("plan_exists", "the pool already has a plan titled \"\(plan.title)\"")
        }
        pools[plan.pool]!.plans.append((id, plan))
        return []
    }

    /// `share.contribution`: a member records their own contribution; a steward anyone's.
    mutating func contribute(
        _ contribution: ShareContribution, by author: Member, id: StatementID
    ) throws(ServiceError)
        -> [StateChange]
    {
        _ = try openPool(contribution.pool)
        guard contribution.member == author.id || author.has(.steward) else {
            throw .forbidden("not_yours", "a member records their own contributions; a steward records anyone's")
        }
        _ = try member(contribution.member)
        pools[contribution.pool]!.inputs.contributions.append((id, contribution))
        pools[contribution.pool]!.inputStatements.append(id)
        return []
    }

    /// `share.allocation`: a member gives points to others; a higher sequence replaces the earlier.
    mutating func allocate(
        _ allocation: ShareAllocation, by author: Member, id: StatementID
    ) throws(ServiceError)
        -> [StateChange]
    {
        let pool = try openPool(allocation.pool)
        if let previous = pool.inputs.allocations[author.id], allocation.sequence <= previous.allocation.sequence {
            throw .conflict(
                "stale_sequence",
                "sequence \(allocation.sequence) does not replace the allocation with sequence "
                    + "\(previous.allocation.sequence)")
        }
        for receiver in allocation.gifts.keys.sorted() { _ = try member(receiver) }
        pools[allocation.pool]!.inputs.allocations[author.id] = (id, allocation)
        pools[allocation.pool]!.inputStatements.append(id)
        return []
    }

    /// `distribution.run`: a steward runs a pool by a closed round over its plans. Refused when
    /// the round is not closed, its options are not exactly the pool's plan titles, or the
    /// winning plan cannot be computed on the inputs.
    mutating func runDistribution(
        _ run: DistributionRun, by author: Member, id: StatementID
    ) throws(ServiceError)
        -> [StateChange]
    {
        try requireSteward(author, to: "run distributions")
        _ = try distribution(for: run)
        pools[run.pool]!.run = id
        return []
    }

    /// The winning plan and its distribution for `run`, from the current state.
    func distribution(
        for run: DistributionRun
    ) throws(ServiceError) -> (
        plan: (id: StatementID, plan: PlanCreate), distribution: Distribution
    ) {
        let pool = try openPool(run.pool)
        guard pool.run == nil else { throw .conflict("pool_distributed", "the pool is already being distributed") }
        let round = try round(run.round)
        guard round.state == .closed, let result = round.result else {
            throw .conflict("round_not_closed", "the round deciding the plan has not closed")
        }
        guard Set(round.parameters.options) == Set(pool.plans.map(\.plan.title)) else {
            throw .conflict(
                "not_a_plan_round", "the round's options are not exactly the titles of the pool's plans")
        }
        guard case .object(let outcome) = result.outcome,
            case .array(let winners)? = outcome.first(where: { $0.key == "winners" })?.value,
            case .integer(let index)? = winners.first, index >= 0, Int(index) < round.parameters.options.count,
            let plan = pool.plan(titled: round.parameters.options[Int(index)])
        else { throw .conflict("no_winning_plan", "the round chose no plan") }
        do {
            return (plan, try pool.inputs.distribute(pool: pool.create, plan: plan.plan))
        } catch {
            throw .conflict("distribution_failed", "the plan \"\(plan.plan.title)\" cannot be computed: \(error)")
        }
    }

    /// `distribution.result`: the log key's record of a run distribution.
    mutating func recordDistribution(
        _ result: DistributionResult, id: StatementID
    ) throws(ServiceError)
        -> [StateChange]
    {
        guard let pool = pools[result.pool], pool.run != nil, pool.result == nil else {
            throw .conflict("pool_distributed", "a distribution result follows its run, once")
        }
        pools[result.pool]!.result = result
        pools[result.pool]!.resultStatement = id
        pools[result.pool]!.state = .distributed
        return []
    }

    /// The open pool `id`.
    func openPool(_ id: StatementID) throws(ServiceError) -> Pool {
        guard let pool = pools[id] else { throw .notFound("unknown_pool", "no pool \(id.hex)") }
        guard pool.state == .open else { throw .conflict("pool_distributed", "the pool has been distributed") }
        return pool
    }

    /// The pool `id`.
    public func pool(_ id: StatementID) throws(ServiceError) -> Pool {
        guard let pool = pools[id] else { throw .notFound("unknown_pool", "no pool \(id.hex)") }
        return pool
    }

    /// The log key's result for the run just applied.
    func distributionResult(for run: DistributionRun, header: StatementHeader) -> DistributionResult? {
        var pending = self
        pending.pools[run.pool]?.run = nil
        guard let (plan, distribution) = try? pending.distribution(for: run), let pool = pools[run.pool] else {
            return nil
        }
        let ids = pool.inputs.ids(for: plan.plan.method)
        var shares: [MemberID: Int64] = [:]
        for share in distribution.shares {
            if let member = try? MemberID(base64url: share.member) { shares[member] = share.amount }
        }
        return DistributionResult(
            header: header, pool: run.pool, round: run.round, plan: plan.id, inputs: ids.count,
            inputsDigest: DistributionResult.digest(of: ids), shares: shares, distribution: distribution.json)
    }
}
