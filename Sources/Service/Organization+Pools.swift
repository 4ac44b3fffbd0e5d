import Ledger
import Shares
import Sodium
import Statements

extension Organization {
    /// What each of a pool's plans would pay on the inputs so far: for every plan, each
    /// member's share (or why the plan cannot be computed yet). Members see this before voting.
    public func preview(ofPool id: StatementID) throws(ServiceError) -> JSONValue {
        let pool = try read { state throws(ServiceError) in try state.pool(id) }
        var plans: [JSONValue] = []
        for (planID, plan) in pool.plans {
            var members = [
                JSONMember("plan", .string(planID.hex)), JSONMember("title", .string(plan.title)),
                JSONMember("method", .string(plan.method)),
            ]
            do {
                let distribution = try pool.inputs.distribute(pool: pool.create, plan: plan)
                members.append(
                    JSONMember(
                        "shares",
                        .object(
                            distribution.shares.map {
                                JSONMember($0.member, .string(distribution.money($0.amount).text))
                            })))
                members.append(JSONMember("distribution", distribution.json))
            } catch {
                members.append(
                    JSONMember(
                        "error",
                        .object([JSONMember("code", .string(error.code)), JSONMember("message", .string("\(error)"))])))
            }
            plans.append(.object(members))
        }
        return .object([
            JSONMember("pool", .string(id.hex)), JSONMember("amount", .string(pool.create.amount)),
            JSONMember("currency", .string(pool.create.currency)), JSONMember("plans", .array(plans)),
        ])
    }
}
