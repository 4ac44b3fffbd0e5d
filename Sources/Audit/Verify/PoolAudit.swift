import Counting
import Ledger
import Shares
import Sodium
import Statements

/// The part of a distribution's record beyond its round: the pool, its plans, the signed
/// inputs, the run and the log key's result, checked in leaf order and then recomputed with the
/// plan the round chose.
struct PoolAudit {
    let pool: StatementID
    let round: StatementID
    private var create: PoolCreate?
    private var plans: [(id: StatementID, plan: PlanCreate)] = []
    private var inputs = PoolInputs()
    private var run: (payload: DistributionRun, leaf: UInt64)?
    private var result: DistributionResult?

    init(pool: StatementID, round: StatementID) {
        self.pool = pool
        self.round = round
    }

    /// Applies a pool statement; returns why it does not count, or nil.
    mutating func apply(
        _ payload: AnyStatementPayload, id: StatementID, leaf: UInt64, membership: Membership, logKey: PublicKey,
        roundClosed: Bool
    ) -> (String, String)? {
        let author = payload.header.author
        if run != nil, case .distributionResult = payload {
        } else if run != nil {
            return ("input_after_run", "a pool statement after the distribution was run")
        }
        switch payload {
        case .poolCreate(let created):
            guard id == pool, create == nil else { return ("unexpected_statement", "a pool.create of another pool") }
            guard membership.isSteward(author) else { return ("not_steward", "the pool is created by a non-steward") }
            create = created
        case .planCreate(let plan):
            guard plan.pool == pool, create != nil else { return ("unexpected_statement", "a plan of another pool") }
            guard membership.isSteward(author) else { return ("not_steward", "a plan proposed by a non-steward") }
            guard !plans.contains(where: { $0.plan.title == plan.title }) else {
                return ("plan_exists", "two plans titled \"\(plan.title)\"")
            }
            plans.append((id, plan))
        case .shareContribution(let contribution):
            guard contribution.pool == pool else { return ("unexpected_statement", "a contribution to another pool") }
            guard let actor = membership.actor(author) else {
                return ("invalid_author", "the contribution's key is not an active member's at this leaf")
            }
            guard contribution.member == actor || membership.isSteward(author) else {
                return ("not_yours", "a member recorded a contribution for someone else")
            }
            inputs.contributions.append((id, contribution))
        case .shareAllocation(let allocation):
            guard allocation.pool == pool else { return ("unexpected_statement", "an allocation to another pool") }
            guard let giver = membership.actor(author) else {
                return ("invalid_author", "the allocation's key is not an active member's at this leaf")
            }
            if let previous = inputs.allocations[giver], allocation.sequence <= previous.allocation.sequence {
                return ("stale_sequence", "the allocation's sequence does not follow the giver's previous one")
            }
            inputs.allocations[giver] = (id, allocation)
        case .distributionRun(let payload):
            guard payload.pool == pool, payload.round == round else {
                return ("unexpected_statement", "a distribution run of another pool or round")
            }
            guard membership.isSteward(author) else {
                return ("not_steward", "the distribution is run by a non-steward")
            }
            guard roundClosed else { return ("run_before_close", "the distribution runs before its round closed") }
            run = (payload, leaf)
        case .distributionResult(let payload):
            guard author == logKey else {
                return ("result_signer", "the distribution result is not signed by the log key")
            }
            guard let run, leaf == run.leaf + 1, payload.pool == pool, result == nil else {
                return ("result_position", "the distribution result does not directly follow its run")
            }
            result = payload
        default:
            return ("unexpected_statement", "\(payload.kind) is not a pool statement")
        }
        return nil
    }

    /// Recomputes the distribution with the plan the round chose and compares it with the result.
    func finish(options: [String], outcome: Outcome?, into report: inout AuditReport) {
        func fail(_ code: String, _ message: String) { report.fail(AuditFailure(code, message)) }
        guard let create else { return fail("missing_statement", "the record holds no pool.create for its pool") }
        guard run != nil else { return fail("missing_statement", "the record holds no distribution.run") }
        guard let result else { return fail("missing_statement", "the record holds no distribution.result") }
        guard Set(options) == Set(plans.map(\.plan.title)) else {
            return fail("not_a_plan_round", "the round's options are not exactly the titles of the pool's plans")
        }
        guard let outcome, let winner = outcome.winners.first,
            let plan = plans.first(where: { $0.plan.title == outcome.candidates[winner] })
        else { return fail("no_winning_plan", "the recount chose no plan") }
        report.note("pool", "\(create.name): \(create.amount) \(create.currency)")
        report.note("plan", "\(plan.plan.title) (\(plan.plan.method))")
        if result.plan != plan.id { fail("distribution_mismatch", "the result runs another plan than the round chose") }
        let ids = inputs.ids(for: plan.plan.method)
        if ids.count != result.inputs || DistributionResult.digest(of: ids) != result.inputsDigest {
            fail(
                "inputs_mismatch",
                "the result was computed on other inputs (\(result.inputs)) than the record's (\(ids.count))")
        }
        let distribution: Distribution
        do {
            distribution = try inputs.distribute(pool: create, plan: plan.plan)
        } catch {
            return fail("distribution_mismatch", "the plan cannot be computed on the record's inputs: \(error)")
        }
        var shares: [MemberID: Int64] = [:]
        for share in distribution.shares {
            if let member = try? MemberID(base64url: share.member) { shares[member] = share.amount }
        }
        if shares != result.shares
            || CanonicalJSON.encode(distribution.json) != CanonicalJSON.encode(result.distribution)
        {
            fail("distribution_mismatch", "the recomputed distribution differs from the result's")
        } else {
            report.count("distributions recomputed and matching")
        }
        report.count("pool inputs checked", inputs.contributions.count + inputs.allocations.count)
    }
}
